package nl.proeftuin.itests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The operations kit on the built distribution archive, as regional IT installs a node: unpack the
 * tar.gz, create the first regional administrator with {@code bin/proeftuin-admin} (password on standard
 * input, before the first start), start the node the way the systemd unit does (no terminal: a new
 * session, standard input closed), log in as that administrator and act on the whole region; and the
 * shipped unit file passes {@code systemd-analyze verify}.
 */
class OperationsIT {
    private static final String ADMIN = "rik.admin";
    private static final String PASSWORD = "kompas-lantaarn-zeilboot-71";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work = Path.of(System.getProperty("proeftuin.work")).resolveSibling("operations");

    /** The distribution archive this reactor built, unpacked afresh into target/operations/NAME. */
    private Path unpack(String name) throws IOException, InterruptedException {
        Path work = this.work.resolve(name);
        Path target = Path.of(System.getProperty("proeftuin.distribution.target"));
        Path archive = null;
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(target, "*.tar.gz")) {
            for (Path a : archives) {
                archive = a;
            }
        }
        if (archive == null) {
            throw new IllegalStateException("No distribution archive in " + target + "; build it: mvn -o install -pl distribution");
        }
        RunningPlatform.deleteTree(work);
        Files.createDirectories(work);
        RunningPlatform.run(List.of("tar", "-xzf", archive.toString(), "-C", work.toString()));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(work, "nl.proeftuin.distribution-*")) {
            return dirs.iterator().next();
        }
    }

    record Result(int exit, String output) {
    }

    /** Runs a bin/ script with this text on standard input (and no terminal). */
    private static Result run(Path home, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().remove("PROEFTUIN_INSTANCE");
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not end");
        }
        return new Result(p.exitValue(), out);
    }

    @Test
    void firstAdministratorUnattendedThenTheNodeStartsWithoutATerminalAndLetsThemIn() throws Exception {
        Path home = unpack("distribution");
        Path work = home.getParent();
        Path users = home.resolve("etc/proeftuin-users.properties");
        String shipped = Files.readString(users);

        // A weak password: refused with a clear message and a non-zero exit, nothing written.
        Result weak = run(home, "Welkom012345\n", Map.of(), "bin/proeftuin-admin", "create-administrator", ADMIN);
        assertEquals(1, weak.exit(), weak.output());
        assertTrue(weak.output().contains("refused: password:"), weak.output());
        assertEquals(shipped, Files.readString(users));
        assertFalse(Files.exists(home.resolve("etc/proeftuin-pending-accounts.properties")));

        Result created = run(home, PASSWORD + "\n", Map.of(), "bin/proeftuin-admin", "create-administrator",
                "--name", "Rik Beheer", "--municipalities", "*", ADMIN);
        assertEquals(0, created.exit(), created.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        String line = Files.readAllLines(users).stream().filter(l -> l.startsWith(ADMIN + " ")).findFirst().orElseThrow();
        assertTrue(line.matches(".* = \\{CRYPT}pbkdf2sha256\\.600000\\.[0-9a-f]{32}\\.[0-9a-f]{64}\\{CRYPT},REGIONAL_ADMINISTRATOR"), line);
        assertFalse(created.output().contains(PASSWORD));

        Result again = run(home, "another-passphrase-for-rik-99\n", Map.of(), "bin/proeftuin-admin", "create-administrator", ADMIN);
        assertEquals(1, again.exit(), again.output());
        assertTrue(again.output().contains("exists already"), again.output());

        // An instance folder (bin/setenv, as the README's run and the systemd unit use): the user goes
        // into the instance's etc/, made from the distribution's on the spot; the distribution's stays as it is.
        Path instance = work.resolve("instance");
        Result inInstance = run(home, PASSWORD + "\n", Map.of("PROEFTUIN_INSTANCE", instance.toString()),
                "bin/proeftuin-admin", "create-administrator", "beheer.instance");
        assertEquals(0, inInstance.exit(), inInstance.output());
        assertTrue(Files.readString(instance.resolve("etc/proeftuin-users.properties")).contains("beheer.instance = {CRYPT}"));
        assertTrue(Files.exists(instance.resolve("etc/org.ops4j.pax.web.cfg")), "the instance's etc/ is complete");
        assertFalse(Files.readString(users).contains("beheer.instance"));

        // The README's run: the build output (.../distribution/target/assembly) keeps etc/ and data/ in
        // the repository's instance/ folder, which proeftuin-admin writes too.
        Path repo = work.resolve("repo");
        Path assembly = repo.resolve("distribution/target/assembly");
        Files.createDirectories(assembly.getParent());
        RunningPlatform.run(List.of("cp", "-a", home.toString(), assembly.toString()));
        Result inRepo = run(assembly, PASSWORD + "\n", Map.of(), "bin/proeftuin-admin", "create-administrator", "repo.admin");
        assertEquals(0, inRepo.exit(), inRepo.output());
        assertTrue(Files.readString(repo.resolve("instance/etc/proeftuin-users.properties")).contains("repo.admin = {CRYPT}"));
        assertFalse(Files.readString(assembly.resolve("etc/proeftuin-users.properties")).contains("repo.admin"));
        assertTrue(Files.exists(repo.resolve("instance/etc/proeftuin-pending-accounts.properties")));
        RunningPlatform.deleteTree(repo);

        int port = configurePorts(home);
        // As the systemd unit starts it: bin/proeftuin in a new session (no controlling terminal),
        // standard input closed.
        ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/proeftuin").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("platform.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PROEFTUIN_INSTANCE");
        builder.environment().put("JAVA_MAX_MEM", "768m");
        Process node = builder.start();
        try {
            awaitHealthy(node, port, work);
            HttpResponse<String> login = send(port, null, "POST", "/auth/login", Map.of("username", ADMIN, "password", PASSWORD));
            assertEquals(200, login.statusCode(), login.body());
            String token = json.readTree(login.body()).get("token").asText();
            HttpResponse<String> me = send(port, token, "GET", "/auth/me", null);
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("Rik Beheer"), "the display name was applied at start: " + me.body());
            // All municipalities ('*'): the register, which only the whole region's administrator changes.
            HttpResponse<String> added = send(port, token, "POST", "/municipalities", Map.of("code", "GM0202", "name", "Arnhem"));
            assertEquals(201, added.statusCode(), added.body());
            assertFalse(Files.exists(home.resolve("etc/proeftuin-pending-accounts.properties")), "applied and removed");

            // Users over REST, on the real realm: a professional created by the administrator logs in.
            HttpResponse<String> annaCreated = send(port, token, "POST", "/users", Map.of("userId", "anna.local", "name",
                    "Anna de Vries", "roles", List.of("PROFESSIONAL"), "municipalities", List.of("Arnhem"),
                    "password", "fiets-paraplu-molen-vijver-8"));
            assertEquals(201, annaCreated.statusCode(), annaCreated.body());
            HttpResponse<String> weakUser = send(port, token, "POST", "/users", Map.of("userId", "jan.local", "name",
                    "Jan", "roles", List.of("PROFESSIONAL"), "password", "Wachtwoord123"));
            assertEquals(400, weakUser.statusCode(), weakUser.body());
            HttpResponse<String> all = send(port, token, "GET", "/users", null);
            assertEquals(200, all.statusCode(), all.body());
            assertTrue(all.body().contains("anna.local") && all.body().contains(ADMIN), all.body());
            assertFalse(all.body().contains("pbkdf2") || all.body().contains("CRYPT"), all.body());
            HttpResponse<String> anna = send(port, null, "POST", "/auth/login",
                    Map.of("username", "anna.local", "password", "fiets-paraplu-molen-vijver-8"));
            assertEquals(200, anna.statusCode(), anna.body());
            assertTrue(anna.body().contains("Arnhem"), anna.body());
            HttpResponse<String> disabled = send(port, token, "PUT", "/users/anna.local/disabled", Map.of("disabled", true));
            assertEquals(200, disabled.statusCode(), disabled.body());
            assertEquals(401, send(port, null, "POST", "/auth/login",
                    Map.of("username", "anna.local", "password", "fiets-paraplu-molen-vijver-8")).statusCode());

            // On the running node: a second administrator, completed within seconds (not at the next start).
            Result live = run(home, "nog-een-beheerder-op-de-draaiende-node\n", Map.of(), "bin/proeftuin-admin",
                    "create-administrator", "--name", "Tweede Beheer", "tweede.admin");
            assertEquals(0, live.exit(), live.output());
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Files.exists(home.resolve("etc/proeftuin-pending-accounts.properties")) && System.nanoTime() < until) {
                Thread.sleep(500);
            }
            HttpResponse<String> second = send(port, token, "GET", "/users/tweede.admin", null);
            assertEquals(200, second.statusCode(), second.body());
            assertTrue(second.body().contains("Tweede Beheer") && second.body().contains("\"*\""), second.body());
            HttpResponse<String> wrong = send(port, null, "POST", "/auth/login", Map.of("username", ADMIN, "password", "Welkom012345"));
            assertEquals(401, wrong.statusCode(), wrong.body());
        } finally {
            stop(node);
        }
    }

    /**
     * As the systemd unit runs a node: its Environment= lines (with /opt/proeftuin and /var/lib/proeftuin
     * replaced by this test's folders), bin/proeftuin without a terminal in the instance folder. The
     * administrator is created in the instance before its first start; the node becomes healthy, lets
     * them in, and writes nothing into the distribution (the unit makes it read-only).
     */
    @Test
    void withTheUnitsEnvironmentTheNodeStartsWithoutATerminalAndLeavesTheDistributionAlone() throws Exception {
        Path home = unpack("service");
        Path instance = home.resolveSibling("var-lib-proeftuin");
        Files.createDirectories(instance);
        int port = configurePorts(home);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(home.resolve("bin/contrib/proeftuin.service"))) {
            if (line.startsWith("Environment=")) {
                String assignment = line.substring("Environment=".length());
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1)
                        .replace("/var/lib/proeftuin", instance.toString()).replace("/opt/proeftuin", home.toString()));
            }
        }
        assertEquals(instance.toString(), env.get("PROEFTUIN_INSTANCE"), env.toString());
        env.put("JAVA_MAX_MEM", "768m");

        Result created = run(home, PASSWORD + "\n", env, "bin/proeftuin-admin", "create-administrator", ADMIN);
        assertEquals(0, created.exit(), created.output());
        Path marker = home.resolveSibling("before-start");
        Files.writeString(marker, "");
        Thread.sleep(1100); // coarse file times: anything written from now on is newer

        ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/proeftuin").toString())
                .directory(instance.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("platform.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PROEFTUIN_INSTANCE");
        builder.environment().putAll(env);
        Process node = builder.start();
        try {
            awaitHealthy(node, port, home.getParent());
            HttpResponse<String> login = send(port, null, "POST", "/auth/login", Map.of("username", ADMIN, "password", PASSWORD));
            assertEquals(200, login.statusCode(), login.body());
            assertTrue(Files.exists(instance.resolve("etc/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg")),
                    "the BSN key is generated in the instance's etc/");
            assertTrue(Files.isDirectory(instance.resolve("data/proeftuin")), "the database is in the instance's data/");
        } finally {
            stop(node);
        }
        Result written = run(home, "", Map.of(), "find", home.toString(), "-newer", marker.toString());
        assertEquals("", written.output().strip(), "the node wrote into the distribution");
    }

    @Test
    void theShippedSystemdUnitIsValid() throws Exception {
        Path home = Path.of(System.getProperty("proeftuin.assembly"));
        Path unit = home.resolve("bin/contrib/proeftuin.service");
        assertTrue(Files.exists(unit), "no unit at " + unit);
        String text = Files.readString(unit);
        for (String needed : new String[] {"User=proeftuin", "Restart=on-failure", "ExecStart=/opt/proeftuin/bin/proeftuin",
                "NoNewPrivileges=true", "ProtectSystem=strict", "ReadWritePaths=/var/lib/proeftuin",
                "Environment=PROEFTUIN_INSTANCE=/var/lib/proeftuin"}) {
            assertTrue(text.contains(needed), needed);
        }
        Result which = run(home, "", Map.of(), "sh", "-c", "command -v systemd-analyze");
        Assumptions.assumeTrue(which.exit() == 0, "systemd-analyze is not installed here: the unit file is not verified");
        // The unit names /opt/proeftuin; verify it against this build's bin/proeftuin instead.
        Files.createDirectories(work.resolve("systemd"));
        Path copy = work.resolve("systemd/proeftuin.service");
        Files.writeString(copy, text.replace("ExecStart=/opt/proeftuin/bin/proeftuin", "ExecStart=" + home.resolve("bin/proeftuin")));
        Result verify = run(home, "", Map.of(), "systemd-analyze", "verify", copy.toString());
        assertEquals(0, verify.exit(), verify.output());
        assertEquals("", verify.output().strip(), "no warnings (unknown keys are only warnings)");
    }

    private static int configurePorts(Path home) throws IOException {
        int http = RunningPlatform.freePort();
        Path etc = home.resolve("etc");
        RunningPlatform.set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        RunningPlatform.set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        RunningPlatform.set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(RunningPlatform.freePort()));
        RunningPlatform.set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        RunningPlatform.set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(RunningPlatform.freePort()));
        RunningPlatform.set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(RunningPlatform.freePort()));
        RunningPlatform.set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryHost", "127.0.0.1");
        RunningPlatform.set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerHost", "127.0.0.1");
        return http;
    }

    private void awaitHealthy(Process node, int port, Path work) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("bin/proeftuin exited with " + node.exitValue() + "; see " + work.resolve("platform.out"));
            }
            try {
                HttpResponse<String> health = send(port, null, "GET", "/health", null);
                if (health.statusCode() == 200) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy within 5 minutes: " + last);
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            p.onExit().toCompletableFuture().completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private HttpResponse<String> send(int port, String token, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
