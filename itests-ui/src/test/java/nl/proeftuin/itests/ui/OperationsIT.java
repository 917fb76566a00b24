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

        int port = RunningPlatform.configurePorts(home.resolve("etc"));
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
            // the unpacked distribution's etc/ and data/ are closed to other users (the tar.gz made them 0755)
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("etc"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data"))));
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
            RunningPlatform.stop(node);
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
        int port = RunningPlatform.configurePorts(home.resolve("etc"));
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
            RunningPlatform.stop(node);
        }
        Result written = run(home, "", Map.of(), "find", home.toString(), "-newer", marker.toString());
        assertEquals("", written.output().strip(), "the node wrote into the distribution");
    }

    /**
     * Backup and restore (decision 0021) on the built archive: a node filled with persons (with BSNs),
     * cases and a user is backed up over REST while requests run; a FRESH unpacked distribution gets the
     * backup with bin/proeftuin-restore and starts: every case is there, the access log verifies, the
     * users log in and the same BSN is recognised (the BSN key came along). Prints size and times.
     */
    @Test
    void aBackupTakenUnderLoadRestoresIntoAFreshDistribution() throws Exception {
        Path home = unpack("backup-source");
        Result created = run(home, PASSWORD + "\n", Map.of(), "bin/proeftuin-admin", "create-administrator",
                "--name", "Rik Beheer", "--role", "PROFESSIONAL", "--role", "AUDITOR", ADMIN);
        assertEquals(0, created.exit(), created.output());
        // Two Karaf shell users: the regional administrator (the platform's account of the same name) and
        // another shell user, who is not one.
        Files.writeString(home.resolve("etc/users.properties"), "\n" + ADMIN + " = " + PASSWORD + ",_g_:admingroup\n"
                + "beheer = " + PASSWORD + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                java.nio.file.StandardOpenOption.APPEND);
        int port = RunningPlatform.configurePorts(home.resolve("etc"));
        // -Dproeftuin.backup.cases=20000 for the measurement (filled by four clients at once)
        int cases = Integer.getInteger("proeftuin.backup.cases", 20);
        List<String> bsns = new ArrayList<>();
        Path archive;
        Process node = startNode(home);
        try {
            awaitHealthy(node, port, home.getParent());
            String token = token(port, ADMIN, PASSWORD);
            assertEquals(201, send(port, token, "POST", "/municipalities", Map.of("code", "GM0202", "name", "Arnhem")).statusCode());
            assertEquals(201, send(port, token, "POST", "/users", Map.of("userId", "anna.local", "name", "Anna de Vries",
                    "roles", List.of("PROFESSIONAL"), "municipalities", List.of("Arnhem"),
                    "password", "fiets-paraplu-molen-vijver-8")).statusCode());
            for (int i = 0; i < cases; i++) {
                bsns.add(bsn(10_000_000 + i * 4_493)); // distinct, below 10^8
            }
            long filling = System.nanoTime();
            java.util.concurrent.ExecutorService fill = java.util.concurrent.Executors.newFixedThreadPool(cases > 100 ? 4 : 1);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int n = 0; n < cases; n++) {
                int i = n;
                done.add(fill.submit(() -> {
                    HttpResponse<String> person = send(port, token, "POST", "/persons", Map.of("givenName", "Kind" + i,
                            "familyName", "Backup", "dateOfBirth", "2016-05-0" + (1 + i % 9), "nationalId", bsns.get(i)));
                    assertEquals(201, person.statusCode(), person.body());
                    String personId = json.readTree(person.body()).get("id").asText();
                    HttpResponse<String> opened = send(port, token, "POST", "/cases", Map.of("kind", "SIGNAL", "source", "POLICE",
                            "description", "Melding " + i, "receivedOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(1).toString(),
                            "municipality", "Arnhem", "members", List.of(Map.of("personId", personId, "roles", List.of("CHILD")))));
                    assertEquals(201, opened.statusCode(), opened.body());
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            fill.shutdown();
            System.out.printf("FILL: %d persons with BSN and %d cases in %d s%n", cases, cases,
                    (System.nanoTime() - filling) / 1_000_000_000);
            // Requests go on while the backup is taken: reads and writes (persons without BSN), each logged.
            java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
            Thread load = new Thread(() -> {
                int n = 0;
                while (loading.get()) {
                    try {
                        int status = (n++ % 2 == 0 ? send(port, token, "GET", "/cases?size=5", null)
                                : send(port, token, "POST", "/persons", Map.of("givenName", "Last" + n, "familyName", "Tijdens",
                                        "dateOfBirth", "2012-01-01"))).statusCode();
                        if (status < 300) {
                            served.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            load.start();
            Thread.sleep(500);
            long t0 = System.nanoTime();
            HttpResponse<String> backup = send(port, token, "POST", "/backups", Map.of());
            long backupMillis = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(500);
            loading.set(false);
            load.join(30_000);
            assertEquals(201, backup.statusCode(), backup.body());
            assertTrue(served.get() > 0, "requests ran during the backup");
            var answer = json.readTree(backup.body());
            assertFalse(answer.has("content"), backup.body());
            archive = home.resolve("data/backups").resolve(answer.get("file").asText());
            assertTrue(Files.exists(archive), archive.toString());
            assertEquals(Files.size(archive), answer.get("size").asLong());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
            System.out.printf("BACKUP: %d cases, %d requests served during it, archive %d bytes, POST /backups %d ms "
                    + "(%d ms in the node), sha256 %s%n", cases, served.get(), Files.size(archive), backupMillis,
                    answer.get("millis").asLong(), answer.get("sha256").asText());
            // proeftuin:backup at the console: the regional administrator gets one, another shell user is refused.
            String shell = shell(home, ADMIN, "proeftuin:backup at-the-console.zip\n");
            assertTrue(shell.contains("Backup written") && Files.exists(home.resolve("data/backups/at-the-console.zip")), shell);
            String refused = shell(home, "beheer", "proeftuin:backup not-allowed.zip\n");
            assertTrue(refused.contains("regional administrator"), refused);
            assertFalse(Files.exists(home.resolve("data/backups/not-allowed.zip")));
            // Not a regional administrator: refused.
            HttpResponse<String> anna = send(port, token(port, "anna.local", "fiets-paraplu-molen-vijver-8"), "POST", "/backups", Map.of());
            assertEquals(403, anna.statusCode(), anna.body());
        } finally {
            RunningPlatform.stop(node);
        }

        Path fresh = unpack("backup-target");
        Path copy = fresh.getParent().resolve(archive.getFileName());
        Files.copy(archive, copy);
        long t0 = System.nanoTime();
        Result restored = run(fresh, "", Map.of(), "bin/proeftuin-restore", copy.toString());
        long restoreMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, restored.exit(), restored.output());
        System.out.printf("RESTORE: bin/proeftuin-restore %d ms%n", restoreMillis);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                fresh.resolve("data/proeftuin/proeftuin.mv.db"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                fresh.resolve("etc/proeftuin-users.properties"))));
        Result again = run(fresh, "", Map.of(), "bin/proeftuin-restore", copy.toString());
        assertEquals(1, again.exit(), again.output());
        assertTrue(again.output().contains("--force"), again.output());

        // With an instance folder (the systemd unit's PROEFTUIN_INSTANCE), the files land in the instance.
        Path instance = fresh.getParent().resolve("instance");
        Result intoInstance = run(fresh, "", Map.of("PROEFTUIN_INSTANCE", instance.toString()), "bin/proeftuin-restore", copy.toString());
        assertEquals(0, intoInstance.exit(), intoInstance.output());
        assertEquals(Files.readString(fresh.resolve("etc/proeftuin-users.properties")),
                Files.readString(instance.resolve("etc/proeftuin-users.properties")));
        assertTrue(Files.exists(instance.resolve("data/proeftuin/proeftuin.mv.db")));
        assertTrue(Files.exists(instance.resolve("etc/org.ops4j.pax.web.cfg")), "the rest of the instance's etc/ is made as usual");

        int freshPort = RunningPlatform.configurePorts(fresh.resolve("etc"));
        Process restoredNode = startNode(fresh);
        try {
            awaitHealthy(restoredNode, freshPort, fresh.getParent());
            String token = token(freshPort, ADMIN, PASSWORD);
            HttpResponse<String> list = send(freshPort, token, "GET", "/cases?size=1", null);
            assertEquals(200, list.statusCode(), list.body());
            assertEquals(cases, json.readTree(list.body()).get("total").asInt(), list.body());
            HttpResponse<String> verify = send(freshPort, token, "GET", "/audit/verify", null);
            assertEquals(200, verify.statusCode(), verify.body());
            assertTrue(json.readTree(verify.body()).get("intact").asBoolean(), verify.body());
            token(freshPort, "anna.local", "fiets-paraplu-molen-vijver-8");
            HttpResponse<String> same = send(freshPort, token, "POST", "/persons", Map.of("givenName", "Kind0",
                    "familyName", "Backup", "dateOfBirth", "2016-05-01", "nationalId", bsns.get(0)));
            assertEquals(409, same.statusCode(), same.body());
            assertTrue(same.body().contains("person-already-recorded"), same.body());
        } finally {
            RunningPlatform.stop(restoredNode);
        }
    }

    /** Commands at the Karaf console of the running node, through bin/client (batch mode). */
    private static String shell(Path home, String user, String commands) throws IOException, InterruptedException {
        String sshPort = Files.readAllLines(home.resolve("etc/org.apache.karaf.shell.cfg")).stream()
                .filter(l -> l.startsWith("sshPort")).findFirst().orElseThrow().replaceAll("[^0-9]", "");
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", sshPort, "-h", "127.0.0.1",
                "-u", user, "-p", PASSWORD, "-r", "30", "-b").redirectErrorStream(true).start();
        client.getOutputStream().write(commands.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(3, TimeUnit.MINUTES)) {
            client.destroyForcibly();
        }
        return out;
    }

    /** A BSN that passes the eleven test, made from a seed. */
    private static String bsn(int seed) {
        for (int s = seed;; s++) {
            String eight = String.format("%08d", s % 100_000_000);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (eight.charAt(i) - '0');
            }
            int last = sum % 11;
            if (last < 10 && sum != last && eight.charAt(0) != '0') {
                return eight + last;
            }
        }
    }

    private String token(int port, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = send(port, null, "POST", "/auth/login", Map.of("username", user, "password", password));
        assertEquals(200, login.statusCode(), login.body());
        return json.readTree(login.body()).get("token").asText();
    }

    private static Process startNode(Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/proeftuin").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.getParent().resolve("platform.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PROEFTUIN_INSTANCE");
        builder.environment().put("JAVA_MAX_MEM", "768m");
        return builder.start();
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
