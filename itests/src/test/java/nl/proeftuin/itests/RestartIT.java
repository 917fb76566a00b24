package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

/**
 * Every start serves: the real distribution, unpacked from the tar.gz and run as its own process
 * ({@code bin/karaf server}, loopback ports only), is stopped and started again
 * {@code proeftuin.restarts} times (default 20), every other time with {@code kill -9} of the whole
 * process tree, and after each start {@code GET /api/v1/health} and {@code /health/ready} must answer
 * 200 and the API must route (a route needing login answers 401, not 404).
 *
 * <p>Before the fix about one start in seven stranded the API servlet in Pax Web's whiteboard ("No
 * matching target context(s) for Whiteboard element ... proeftuin-api") and {@code /api/v1} answered
 * 404 for good; twenty starts catch that with a probability of about 95 %. Plain JUnit, not Pax Exam:
 * the platform must start the way an installation starts it, from its own {@code data/} cache.
 */
public class RestartIT {
    private static final int RESTARTS = Integer.getInteger("proeftuin.restarts", 20);
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process karaf;

    @Test
    public void everyStartServesTheApi() throws Exception {
        Path home = unpack();
        int port = configurePorts(home);
        List<String> failures = new ArrayList<>();
        for (int start = 1; start <= RESTARTS + 1; start++) {
            karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("karaf-" + start + ".out").toFile()).start();
            long begun = System.nanoTime();
            String verdict = awaitHealth(port);
            long seconds = (System.nanoTime() - begun) / 1_000_000_000L;
            if (verdict != null) {
                failures.add("start " + start + ": " + verdict);
            } else {
                int ready = get(port, "/api/v1/health/ready").statusCode();
                int routed = get(port, "/api/v1/auth/me").statusCode();
                if (ready != 200 || routed != 401) {
                    failures.add("start " + start + ": ready " + ready + ", GET /auth/me without login " + routed);
                }
            }
            boolean hard = start % 2 == 1;
            System.out.println("[restart-it] start " + start + " healthy after " + seconds + " s; now "
                    + (hard ? "kill -9" : "a clean stop"));
            stop(hard);
        }
        assertEquals("starts that did not serve (see " + home + "/data/log/karaf.log): " + failures, List.of(), failures);
    }

    /** @return null once health answers 200, else the last answer after {@link #READY_WITHIN} */
    private String awaitHealth(int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                return "Karaf exited with " + karaf.exitValue();
            }
            try {
                HttpResponse<String> health = get(port, "/api/v1/health");
                if (health.statusCode() == 200) {
                    return null;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        return "not healthy within " + READY_WITHIN + ": " + last;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** kill -9 of Karaf and every process it started, or SIGTERM and a clean shutdown. */
    private void stop(boolean hard) throws InterruptedException {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(karaf.descendants().toList());
        if (hard) {
            all.forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
        } else {
            karaf.destroy();
        }
        if (!karaf.waitFor(90, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
            karaf.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : all) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().toCompletableFuture().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
            }
        }
        karaf = null;
    }

    @After
    public void tearDown() throws InterruptedException {
        stop(true);
    }

    private static Path unpack() throws IOException, InterruptedException {
        Path tarball = Path.of(System.getProperty("proeftuin.distribution"));
        assertTrue("no distribution at " + tarball, Files.isRegularFile(tarball));
        Path work = Path.of("target", "restart-it").toAbsolutePath();
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", work.toString()).inheritIO().start();
        assertEquals("tar", 0, tar.waitFor());
        try (Stream<Path> top = Files.list(work)) {
            return top.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("empty tar.gz"));
        }
    }

    /** Free loopback ports for HTTP, SSH and RMI; @return the HTTP port */
    private static int configurePorts(Path home) throws IOException {
        Path etc = home.resolve("etc");
        int port = freePort();
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(port));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(freePort()));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(freePort()));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(freePort()));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryHost", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerHost", "127.0.0.1");
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines);
    }
}
