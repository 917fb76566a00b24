package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.proeftuin.testing.LoopbackPorts;
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
 *
 * <p>After the first start the node listens on exactly its HTTP, SSH and metrics ports and Karaf's
 * shutdown port: no JMX/RMI listener (decision 0057) and nothing else a region did not configure.
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
                if (start == 1) {
                    assertEquals("the TCP ports the node listens on", configuredPorts(home, port), listeningPorts());
                }
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

    /** HTTP, SSH, the metrics listener and Karaf's shutdown port. */
    private static Set<Integer> configuredPorts(Path home, int http) throws IOException {
        return new TreeSet<>(Set.of(http,
                Integer.valueOf(value(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort")),
                Integer.valueOf(value(home.resolve("etc/nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg"), "port")),
                Integer.valueOf(Files.readString(home.resolve("data/port")).trim())));
    }

    private static String value(Path cfg, String key) throws IOException {
        return Files.readAllLines(cfg).stream().map(String::trim).filter(l -> l.matches(
                java.util.regex.Pattern.quote(key) + "\\s*=.*")).map(l -> l.substring(l.indexOf('=') + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + cfg));
    }

    /**
     * The TCP ports in LISTEN state of the Karaf process and its children (Linux: the sockets among the
     * processes' open files, looked up in {@code /proc/net/tcp} and {@code tcp6}).
     */
    private Set<Integer> listeningPorts() throws IOException {
        Set<String> inodes = new java.util.HashSet<>();
        List<ProcessHandle> processes = new ArrayList<>(karaf.descendants().toList());
        processes.add(karaf.toHandle());
        for (ProcessHandle p : processes) {
            Path fdDir = Path.of("/proc", String.valueOf(p.pid()), "fd");
            if (!Files.isDirectory(fdDir)) {
                continue; // a child that has ended meanwhile listens on nothing
            }
            try (Stream<Path> fds = Files.list(fdDir)) {
                fds.forEach(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // an fd closed while we listed them: not a listener that matters
                    }
                });
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode
                if ("0A".equals(f[3]) && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
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
                // Connect only once the node listens: a connection to a free port of the ephemeral range on
                // loopback can get that same port as its source and connect to itself (CI saw it: "header
                // parser received no bytes", and Jetty could not bind its port for the whole start).
                if (!listeningPorts().contains(port)) {
                    last = "port " + port + " not listening";
                    Thread.sleep(250);
                    continue;
                }
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

    /** Free loopback ports for HTTP, SSH and the metrics listener; @return the HTTP port */
    private static int configurePorts(Path home) throws IOException {
        Path etc = home.resolve("etc");
        int port = LoopbackPorts.free();
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(port));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(LoopbackPorts.free()));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        set(etc.resolve("nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg"), "port", String.valueOf(LoopbackPorts.free()));
        return port;
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
