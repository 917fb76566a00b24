package nl.proeftuin.itests.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.testing.LoopbackPorts;

/**
 * The real distribution as its own process: a fresh copy of {@code distribution/target/assembly}
 * (so every run starts with an empty database), configured to listen on free loopback ports only
 * (HTTP, SSH, RMI), with the triage plugins' features added to the boot features so a coordinator
 * has something to bind. Started with {@code bin/proeftuin} and stopped (SIGTERM, then SIGKILL)
 * after the tests.
 */
final class RunningPlatform implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    final Path home;
    final int httpPort;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningPlatform(Path home, int httpPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.process = process;
    }

    static RunningPlatform start(Path assembly, Path work) throws IOException, InterruptedException {
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("No distribution at " + assembly
                    + "; build it first: mvn -o -q install -DskipTests -pl core/web,core/rest,core/engine,core/spi,features,distribution");
        }
        Path home = work.resolve("proeftuin");
        deleteTree(home);
        Files.createDirectories(work);
        run(List.of("cp", "-a", assembly.toString(), home.toString()));
        deleteTree(home.resolve("data"));
        int http = LoopbackPorts.free();
        Path etc = home.resolve("etc");
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        append(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses = 127.0.0.1");
        int ssh = LoopbackPorts.free();
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        set(etc.resolve(METRICS_CFG), "port", String.valueOf(LoopbackPorts.free()));
        Path features = etc.resolve("org.apache.karaf.features.cfg");
        String boot = Files.readString(features);
        String core = "proeftuin-core/";
        int at = boot.indexOf(core);
        if (at < 0) {
            throw new IllegalStateException("proeftuin-core is not a boot feature in " + features);
        }
        int comma = boot.indexOf(',', at);
        Files.writeString(features, boot.substring(0, comma + 1)
                + " proeftuin-plugin-example-triage, proeftuin-plugin-triage-threeway,"
                // ui: the joint triage (safety and process director) for the assessors' screen
                + " proeftuin-plugin-triage-veiligheidshuis," + boot.substring(comma + 1));

        writeUsers(etc.resolve("proeftuin-users.properties"));
        // The region's register: the municipalities the browser test names, as a region feature seeds them.
        for (String[] m : new String[][] {{"GM0228", "Ede"}, {"GM0202", "Arnhem"}}) {
            Files.writeString(etc.resolve("nl.proeftuin.core.engine.internal.DefaultMunicipality-uitest_"
                    + m[1].toLowerCase(java.util.Locale.ROOT) + ".cfg"), "code = " + m[0] + "\nname = " + m[1] + "\n");
        }
        // A Karaf shell user for the operator's step after the first login (a random password per run).
        String shellPassword = java.util.UUID.randomUUID().toString();
        append(etc.resolve("users.properties"), SHELL_USER + " = " + shellPassword + ",_g_:admingroup,REGIONAL_ADMINISTRATOR\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/proeftuin").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("platform.out").toFile());
        builder.environment().put("JAVA_MAX_MEM", "768m");
        RunningPlatform platform = new RunningPlatform(home, http, builder.start());
        platform.awaitReady();
        platform.grantAllMunicipalities(ssh, shellPassword);
        return platform;
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The platform exited with " + process.exitValue() + "; see " + home.resolve("data/log/karaf.log"));
            }
            try {
                HttpResponse<String> health = get("/api/v1/health");
                if (health.statusCode() == 200) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The platform was not healthy within " + READY_WITHIN + ": " + last
                + "; see " + home.resolve("data/log/karaf.log"));
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    /**
     * Stops a started distribution and every process below its launcher: SIGTERM first (Karaf shuts
     * down cleanly), forcibly after 60 s.
     */
    static void stop(Process process) throws InterruptedException {
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

    static final String SHELL_USER = "uitest";

    /**
     * An account without municipalities sees none: as an operator would, log the test user in once (the
     * account appears at its first login) and grant it all municipalities with proeftuin:user-roles.
     */
    private void grantAllMunicipalities(int sshPort, String shellPassword) throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login of " + USER + ": " + login.statusCode() + " " + login.body());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                    String.valueOf(sshPort), "-u", SHELL_USER, "-p", shellPassword, "proeftuin:user-roles -a " + USER)
                    .redirectErrorStream(true).start();
            last = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (client.waitFor() == 0 && last.contains("municipalities=all")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("could not grant " + USER + " all municipalities: " + last);
    }

    /** The browser test's user, for platforms with login (core/security's users file, PBKDF2 as it verifies it). */
    static final String USER = "ans";
    static final String PASSWORD = "proeftuin-ui-test-1";

    /** The regional administrator of the user-administration test, granted all municipalities at start. */
    static final String ADMIN = "rita.beheer";
    static final String ADMIN_NAME = "Rita Beheer";
    static final String ADMIN_PASSWORD = "proeftuin-ui-beheer-1";

    /** A coordinator and nothing else (menus by role, issue 18). */
    static final String COORDINATOR = "cor.dijkstra";
    static final String COORDINATOR_NAME = "Cor Dijkstra";
    static final String COORDINATOR_PASSWORD = "proeftuin-ui-coordinator-1";

    // --- ui (issue 18 part 4): the roles of the work screens, one user each (all municipalities)
    static final String REVIEWER = "iris.review";
    static final String REVIEWER_NAME = "Iris Mulder";
    static final String AUDITOR = "auke.audit";
    static final String AUDITOR_NAME = "Auke Jansen";
    static final String MUNICIPALITY = "gem.ede";
    static final String MUNICIPALITY_NAME = "Gemeente Ede";
    static final String OTHER_PROFESSIONAL = "piet.bakker";
    static final String OTHER_PROFESSIONAL_NAME = "Piet Bakker";
    static final String DIRECTOR = "vera.veilig";
    static final String DIRECTOR_NAME = "Vera Veilig";
    /** One password for the work screens' users (a test's, hashed once per run). */
    static final String WORK_PASSWORD = "proeftuin-ui-werk-1";

    private static void writeUsers(Path file) throws IOException {
        Files.writeString(file, "# written by itests-ui: the browser test's users\n"
                + usersLine(USER, PASSWORD, "PROFESSIONAL,COORDINATOR")
                + usersLine(ADMIN, ADMIN_PASSWORD, "REGIONAL_ADMINISTRATOR")
                + usersLine(COORDINATOR, COORDINATOR_PASSWORD, "COORDINATOR")
                + usersLine(REVIEWER, WORK_PASSWORD, "INDEPENDENT_REVIEWER")
                + usersLine(AUDITOR, WORK_PASSWORD, "AUDITOR")
                + usersLine(MUNICIPALITY, WORK_PASSWORD, "MUNICIPALITY")
                + usersLine(OTHER_PROFESSIONAL, WORK_PASSWORD, "PROFESSIONAL")
                + usersLine(DIRECTOR, WORK_PASSWORD, "SAFETY_DIRECTOR"));
        // her name and municipalities as bin/proeftuin-admin leaves them: applied by the platform at start
        Files.writeString(file.resolveSibling("proeftuin-pending-accounts.properties"),
                ADMIN + "/name = " + ADMIN_NAME + "\n" + ADMIN + "/municipalities = *\n"
                        + pending(COORDINATOR, COORDINATOR_NAME) // a coordinator of the whole region: binds Arnhem
                        + pending(REVIEWER, REVIEWER_NAME) + pending(AUDITOR, AUDITOR_NAME)
                        + pending(MUNICIPALITY, MUNICIPALITY_NAME) + pending(OTHER_PROFESSIONAL, OTHER_PROFESSIONAL_NAME)
                        + pending(DIRECTOR, DIRECTOR_NAME));
    }

    private static String pending(String user, String name) {
        return user + "/name = " + name + "\n" + user + "/municipalities = *\n";
    }

    /** A line of core/security's users file for a user with these roles (PBKDF2, as the realm verifies it). */
    static String usersLine(String user, String password, String roles) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        int iterations = 10_000; // fewer than production's: a test password, hashed once per run
        byte[] hash;
        try {
            hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        java.util.HexFormat hex = java.util.HexFormat.of();
        return user + " = {CRYPT}pbkdf2sha256." + iterations + "." + hex.formatHex(salt) + "." + hex.formatHex(hash)
                + "{CRYPT}," + roles + "\n";
    }

    /** Sets a property in a Karaf .cfg file: replaces its line, or appends one. */
    /** The metrics listener's configuration (decision 0023): every node on one host needs its own port. */
    static final String METRICS_CFG = "nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg";

    /**
     * Free loopback ports for HTTP, SSH, RMI and the metrics listener in an unpacked distribution's {@code etc/},
     * so several distributions (and a developer's own node) run side by side.
     *
     * @return the HTTP port
     */
    static int configurePorts(Path etc) throws IOException {
        int http = LoopbackPorts.free();
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(LoopbackPorts.free()));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        set(etc.resolve(METRICS_CFG), "port", String.valueOf(LoopbackPorts.free()));
        return http;
    }

    /** Sets {@code key} in a .cfg file, adding it (and the file) when absent. */
    static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
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

    private static void append(Path cfg, String line) throws IOException {
        Files.writeString(cfg, Files.readString(cfg) + "\n" + line + "\n");
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
