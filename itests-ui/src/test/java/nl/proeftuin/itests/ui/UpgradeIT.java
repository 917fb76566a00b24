package nl.proeftuin.itests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The documented upgrade (decision 0025) on the built distribution archive, from the data a node of the
 * previous release wrote: the fixture {@code core/store/src/test/resources/upgrade/0.1.0} (H2's SCRIPT of a
 * filled 0.1.0 node, its etc/ files and access-log checkpoints; see its README).
 *
 * <ol>
 *   <li>An instance folder as the systemd unit keeps it (PROEFTUIN_INSTANCE), as the previous release left
 *       it: its database, its etc/ (with the previous release's Karaf boot features, to which the operator
 *       added the region), Karaf's bundle cache of that release. The new distribution is started on it with
 *       bin/proeftuin: the cache is dropped, the boot features follow the new release and keep the region,
 *       the schema migrates; the node is ready at the new version, the fixture's user logs in, its case
 *       reads back, the access log verifies and the BSN is still recognised.</li>
 *   <li>A distribution whose own data/ holds the previous release's database and bundle cache (the other
 *       layout), with a migration that fails: the cache is dropped; the node is not ready, readiness says
 *       which migration and why, the log says it once, the database is as it was.</li>
 * </ol>
 */
class UpgradeIT {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work = Path.of(System.getProperty("proeftuin.work")).resolveSibling("upgrade");
    private final Path target = Path.of(System.getProperty("proeftuin.distribution.target"));
    private final Path fixture = target.resolve("../../core/store/src/test/resources/upgrade/0.1.0").normalize();
    private final Path migrations = target.resolve("../../core/store/src/main/resources/db/migration").normalize();

    @Test
    void anInstanceOfThePreviousReleaseUpgradesWithItsDataIntact() throws Exception {
        Path home = unpack("instance-upgrade");
        Properties expected = expected();
        String release = version(home);
        Path instance = home.resolveSibling("var-lib-proeftuin");
        previousReleasesInstance(home, instance, expected.getProperty("release"));
        int port = RunningPlatform.configurePorts(instance.resolve("etc"));

        Process node = start(home, Map.of("PROEFTUIN_INSTANCE", instance.toString()));
        try {
            awaitReady(node, port);
            String out = Files.readString(home.resolveSibling("platform.out"));
            assertTrue(out.contains("upgrade from " + expected.getProperty("release") + " to " + release), out);
            assertFalse(Files.exists(instance.resolve("data/cache/upgrade-sentinel")), "the previous release's bundle cache was dropped");
            String features = Files.readString(instance.resolve("etc/org.apache.karaf.features.cfg"));
            assertTrue(features.contains("mvn:nl.proeftuin/nl.proeftuin.features/" + release + "/xml/features"), features);
            assertFalse(features.contains("nl.proeftuin.features/" + expected.getProperty("release")), features);
            assertTrue(features.contains("proeftuin-region-centraal-gelderland"), "the operator's boot feature is kept");

            String token = login(port, expected);
            JsonNode details = json.readTree(send(port, token, "GET", "/health/details", null).body());
            assertEquals(release.replace('-', '.'), details.path("version").asText(), details.toString());
            assertEquals(latestMigration(), details.path("database").path("schemaVersion").asText(), details.toString());

            HttpResponse<String> kase = send(port, token, "GET", "/cases/" + expected.getProperty("case.arnhem"), null);
            assertEquals(200, kase.statusCode(), kase.body());
            assertTrue(kase.body().contains("Politie meldt huiselijk geweld"), kase.body());
            HttpResponse<String> plan = send(port, token, "GET", "/cases/" + expected.getProperty("case.arnhem") + "/plan/versions", null);
            assertEquals(2, json.readTree(plan.body()).size(), plan.body());
            HttpResponse<String> list = send(port, token, "GET", "/cases?size=10", null);
            assertEquals(2, json.readTree(list.body()).path("total").asInt(), list.body());
            HttpResponse<String> verify = send(port, token, "GET", "/audit/verify", null);
            assertEquals(200, verify.statusCode(), verify.body());
            assertTrue(json.readTree(verify.body()).path("intact").asBoolean(), verify.body());
            HttpResponse<String> same = send(port, token, "POST", "/persons", Map.of("givenName", "Samira", "familyName",
                    "Bakker", "dateOfBirth", "1988-04-02", "nationalId", expected.getProperty("person.mother.bsn")));
            assertEquals(409, same.statusCode(), "the BSN key of the previous release still matches: " + same.body());
            assertTrue(same.body().contains("person-already-recorded"), same.body());
            // and the upgraded node writes: a new case event
            HttpResponse<String> entry = send(port, token, "POST", "/cases/" + expected.getProperty("case.arnhem") + "/entries",
                    Map.of("kind", "FACT", "text", "Na de upgrade: gesprek met moeder.", "source", "wijkteam"));
            assertEquals(201, entry.statusCode(), entry.body());
            assertFalse(Files.exists(instance.resolve("data/proeftuin/proeftuin.before-migration.mv.db")));
        } finally {
            RunningPlatform.stop(node);
        }
        // the next start of the same release keeps its cache
        Files.writeString(instance.resolve("data/cache/upgrade-sentinel"), "");
        Process again = start(home, Map.of("PROEFTUIN_INSTANCE", instance.toString()));
        try {
            awaitReady(again, port);
            assertTrue(Files.exists(instance.resolve("data/cache/upgrade-sentinel")), "same release: the cache is kept");
            login(port, expected);
        } finally {
            RunningPlatform.stop(again);
        }
    }

    @Test
    void aFailingMigrationLeavesTheDatabaseAsItWasAndTheNodeNotReadyWithTheReason() throws Exception {
        Path home = unpack("failing-migration");
        int port = RunningPlatform.configurePorts(home.resolve("etc"));
        Properties expected = expected();
        putFixture(home);
        // The latest migration the fixture has, once more: its history row is gone, its schema is not, so
        // applying it again fails on its first statement, as a migration that does not fit a database would.
        String last = h2(home, "org.h2.tools.Shell", "-sql",
                "SELECT version || ' (' || description || ')' AS v FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1");
        Matcher m = Pattern.compile("(\\d+) \\(([^)]*)\\)").matcher(last);
        assertTrue(m.find(), last);
        h2(home, "org.h2.tools.Shell", "-sql", "DELETE FROM flyway_schema_history WHERE installed_rank = "
                + "(SELECT MAX(installed_rank) FROM flyway_schema_history)");
        String before = dump(home);
        // the previous release's bundle cache in the distribution's own data/ (no marker: 0.1.0 wrote none)
        Files.createDirectories(home.resolve("data/cache"));
        Files.writeString(home.resolve("data/cache/upgrade-sentinel"), "");

        Process node = start(home, Map.of());
        try {
            String expectedReason = "Schema migration V" + m.group(1) + " (" + m.group(2) + ") failed (SQL state ";
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            HttpResponse<String> ready = null;
            while (System.nanoTime() < deadline) {
                try {
                    ready = send(port, null, "GET", "/health/ready", null);
                    if (ready.body().contains("reason")) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            assertTrue(ready != null && ready.statusCode() == 503, ready == null ? "no answer" : ready.body());
            JsonNode body = json.readTree(ready.body());
            assertEquals("DOWN", body.path("status").asText());
            assertTrue(body.path("reason").asText().startsWith(expectedReason), body.toString());
            assertTrue(body.path("reason").asText().contains("the database was left as it was"), body.toString());
            HttpResponse<String> login = send(port, null, "POST", "/auth/login",
                    Map.of("username", expected.getProperty("user"), "password", expected.getProperty("password")));
            assertNotEquals(200, login.statusCode(), "a node whose schema did not migrate serves nobody: " + login.body());
            // bin/proeftuin says it at once rather than after 5 minutes
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String out = "";
            while (System.nanoTime() < until && !(out = Files.readString(home.resolveSibling("platform.out"))).contains("NOT ready")) {
                Thread.sleep(500);
            }
            assertTrue(out.contains("is NOT ready: " + expectedReason), out);
            assertTrue(out.contains("Karaf's bundle cache was dropped"), out);
            assertFalse(Files.exists(home.resolve("data/cache/upgrade-sentinel")), "the previous release's cache is gone");
            assertTrue(Files.readString(home.resolve("data/.distribution")).startsWith(version(home) + " "));
            // the log: our one ERROR line (the component runtime adds its own report of the failed activation)
            List<String> errors;
            try (Stream<String> lines = Files.lines(home.resolve("data/log/karaf.log"))) {
                errors = lines.filter(l -> l.contains("| ERROR |") && l.contains("Schema migration V" + m.group(1))
                        && l.contains("SchemaMigration")).toList();
            }
            assertEquals(1, errors.size(), errors.toString());
            assertFalse(Files.readString(home.resolve("data/log/karaf.log")).contains("Please restore backups"),
                    "Flyway's own advice is not given: the start-up has put the database back");
        } finally {
            RunningPlatform.stop(node);
        }
        assertEquals(before, dump(home), "the database is as it was");
        assertTrue(Files.exists(home.resolve("data/proeftuin/proeftuin.failed-V" + m.group(1) + ".mv.db")));
    }

    // --- the previous release's data

    private Properties expected() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(fixture.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /**
     * An instance folder as the previous release left it: its Karaf etc/ files (this distribution's, with
     * the previous version where Karaf's boot features name it, and the region the operator added), the
     * record of the distribution files it came from (.distribution-etc), the fixture's platform files and
     * database, and a bundle cache marked as the previous release's.
     */
    private void previousReleasesInstance(Path home, Path instance, String previous) throws Exception {
        String release = version(home);
        Files.createDirectories(instance.resolve(".distribution-etc"));
        RunningPlatform.run(List.of("cp", "-a", home.resolve("etc").toString() + "/.", instance.resolve("etc").toString()));
        RunningPlatform.run(List.of("cp", "-a", home.resolve("etc").toString() + "/.", instance.resolve(".distribution-etc").toString()));
        for (Path dir : List.of(instance.resolve("etc"), instance.resolve(".distribution-etc"))) {
            Path cfg = dir.resolve("org.apache.karaf.features.cfg");
            Files.writeString(cfg, Files.readString(cfg).replace("nl.proeftuin.features/" + release + "/", "nl.proeftuin.features/" + previous + "/")
                    .replace("/" + release.replace('-', '.') + ",", "/" + previous.replace('-', '.') + ","));
        }
        Path cfg = instance.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(cfg, Files.readString(cfg).replaceFirst("featuresBoot = \\\\\n",
                "featuresBoot = \\\\\n    proeftuin-region-centraal-gelderland, \\\\\n"));
        assertTrue(Files.readString(cfg).contains("nl.proeftuin.features/" + previous + "/"), "the previous release's repository");
        putFixture(instance, home);
        Files.createDirectories(instance.resolve("data/cache"));
        Files.writeString(instance.resolve("data/cache/upgrade-sentinel"), "");
        Files.writeString(instance.resolve("data/.distribution"), previous + " 0 0\n");
    }

    private void putFixture(Path home) throws Exception {
        putFixture(home, home);
    }

    /** The fixture's etc/ files, checkpoints and database into {@code into} (H2 of the distribution {@code home}). */
    private void putFixture(Path into, Path home) throws Exception {
        Files.createDirectories(into.resolve("etc"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(fixture.resolve("etc"))) {
            for (Path f : files) {
                Files.copy(f, into.resolve("etc").resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(into.resolve("data/audit"));
        Files.copy(fixture.resolve("data/audit/access-log-checkpoints"), into.resolve("data/audit/access-log-checkpoints"));
        Files.createDirectories(into.resolve("data/proeftuin"));
        h2(home, into, "org.h2.tools.RunScript", "-script", fixture.resolve("database.sql").toString());
    }

    private String dump(Path home) throws Exception {
        Path out = home.resolveSibling("dump-" + System.nanoTime() + ".sql");
        h2(home, "org.h2.tools.Script", "-script", out.toString());
        return Files.readString(out);
    }

    private String h2(Path home, String tool, String... args) throws Exception {
        return h2(home, home, tool, args);
    }

    /** Runs one of H2's tools (the H2 of the distribution's system/) on the database under {@code data}/data/proeftuin. */
    private String h2(Path home, Path instance, String tool, String... args) throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.walk(home.resolve("system/com/h2database"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("h2-[0-9.]+\\.jar")).findFirst().orElseThrow();
        }
        String url = "jdbc:h2:file:" + instance.resolve("data/proeftuin/proeftuin")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        List<String> command = new ArrayList<>(List.of("java", "-cp", jar.toString(), tool, "-url", url, "-user", "sa", "-password", ""));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + ": " + out);
        }
        return out;
    }

    /** The highest migration version of this build's core/store. */
    private String latestMigration() throws IOException {
        int latest = 0;
        // the portable migrations and the embedded engine's own (db/migration-h2: the same versions as PostgreSQL's)
        for (Path dir : List.of(migrations, migrations.resolveSibling("migration-h2"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Matcher m = Pattern.compile("V(\\d+)__.*\\.sql").matcher(f.getFileName().toString());
                    if (m.matches()) {
                        latest = Math.max(latest, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return String.valueOf(latest);
    }

    // --- the distribution

    private Path unpack(String name) throws IOException, InterruptedException {
        Path dir = work.resolve(name);
        Path archive = null;
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(target, "*.tar.gz")) {
            for (Path a : archives) {
                archive = a;
            }
        }
        if (archive == null) {
            throw new IllegalStateException("No distribution archive in " + target + "; build it: mvn -o install -pl distribution");
        }
        RunningPlatform.deleteTree(dir);
        Files.createDirectories(dir);
        RunningPlatform.run(List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, "nl.proeftuin.distribution-*")) {
            return dirs.iterator().next();
        }
    }

    /** The release of an unpacked distribution: the version of its features. */
    private static String version(Path home) throws IOException {
        try (Stream<Path> versions = Files.list(home.resolve("system/nl/proeftuin/nl.proeftuin.features"))) {
            return versions.findFirst().orElseThrow().getFileName().toString();
        }
    }


    /** bin/proeftuin as the systemd unit starts it: a new session, standard input closed. */
    private static Process start(Path home, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/proeftuin").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("platform.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PROEFTUIN_INSTANCE");
        builder.environment().put("JAVA_MAX_MEM", "768m");
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitReady(Process node, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("bin/proeftuin exited with " + node.exitValue());
            }
            try {
                HttpResponse<String> ready = send(port, null, "GET", "/health/ready", null);
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not ready within 5 minutes: " + last);
    }

    private String login(int port, Properties expected) throws IOException, InterruptedException {
        HttpResponse<String> login = send(port, null, "POST", "/auth/login",
                Map.of("username", expected.getProperty("user"), "password", expected.getProperty("password")));
        assertEquals(200, login.statusCode(), login.body());
        return json.readTree(login.body()).get("token").asText();
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
