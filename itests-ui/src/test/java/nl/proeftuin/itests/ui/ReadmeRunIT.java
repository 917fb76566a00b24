package nl.proeftuin.itests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.testing.LoopbackPorts;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a newcomer uses it, twice: build, run, create a user, record a family
 * member with a BSN, install a region at the console, stop; then {@code mvn clean} and build again
 * (the build output, {@code distribution/target/assembly}, is deleted and made anew, with a changed
 * bundle) and run the same command. Users, the BSN key, the database and the installed region must
 * all still be there, because {@code bin/setenv} keeps etc/ and data/ in the repository's
 * {@code instance/} folder, outside the build output.
 *
 * <p>The "repository" is a folder of the test's own with the layout of this one; the "build" copies
 * the assembly this reactor built into it (running Maven inside Maven would only add time).
 */
class ReadmeRunIT {
    private static final String USER = "riet";
    private static final String PASSWORD = "Stroopwafel-Kanaal-1987";
    private static final String BSN = "111222333";
    private static final String REGION = "proeftuin-region-food-valley";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path assembly = Path.of(System.getProperty("proeftuin.assembly"));
    private final Path repo = Path.of(System.getProperty("proeftuin.work")).resolveSibling("readme-run");

    private int httpPort;
    private int sshPort;

    @Test
    void usersKeysDatabaseAndInstalledFeaturesSurviveARebuildAndMvnClean() throws Exception {
        RunningPlatform.deleteTree(repo);
        httpPort = LoopbackPorts.free();
        sshPort = LoopbackPorts.free();
        Path instance = repo.resolve("instance");

        // First run of a fresh build.
        Path home = build();
        Process first = start(home);
        String personId;
        try {
            assertTrue(Files.isDirectory(instance.resolve("etc")), "bin/setenv made no instance folder at " + instance);
            // What proeftuin:user-add writes at the console: a user in the instance's users file (and a
            // Karaf shell user, for feature:install through bin/client).
            Files.writeString(instance.resolve("etc/proeftuin-users.properties"),
                    RunningPlatform.usersLine(USER, PASSWORD, "PROFESSIONAL"), StandardOpenOption.APPEND);
            Files.writeString(instance.resolve("etc/users.properties"),
                    "\nbeheer = " + PASSWORD + ",_g_:admingroup,REGIONAL_ADMINISTRATOR\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                    StandardOpenOption.APPEND);
            String token = login(); // the account appears at its first login; then the operator grants its scope
            String granted = shell("proeftuin:user-roles -a " + USER + "\n");
            assertTrue(granted.contains("municipalities=all"), granted);
            HttpResponse<String> created = post(token, "/persons", Map.of("givenName", "Sanne", "familyName", "Visser",
                    "dateOfBirth", "2015-03-02", "nationalId", BSN));
            assertEquals(201, created.statusCode(), created.body());
            personId = json.readTree(created.body()).get("id").asText();
            String installed = shell("feature:install " + REGION + "\nfeature:list -i\n");
            assertTrue(installed.contains(REGION), installed);
        } finally {
            RunningPlatform.stop(first);
        }
        Path database = instance.resolve("data/proeftuin/proeftuin.mv.db");
        assertTrue(Files.exists(database), "no database at " + database);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(database), "the database is readable by its owner only");

        // mvn clean, then the README command again: a new build output with a changed bundle.
        RunningPlatform.deleteTree(repo.resolve("distribution/target"));
        home = build();
        Files.writeString(home.resolve("system/nl/proeftuin/rebuilt.txt"), "a file the first build did not have\n");
        Process second = start(home);
        try {
            String token = login(); // the first run's user
            HttpResponse<String> person = get(token, "/persons/" + personId);
            assertEquals(200, person.statusCode(), "the database was kept: " + person.body());
            assertEquals("******333", json.readTree(person.body()).get("nationalIdMasked").asText());
            // The same BSN again is recognised: the key that digests BSNs for matching is the first run's.
            HttpResponse<String> again = post(token, "/persons", Map.of("givenName", "Sanne", "familyName", "Visser",
                    "dateOfBirth", "2015-03-02", "nationalId", BSN));
            assertEquals(409, again.statusCode(), again.body());
            assertTrue(again.body().contains("person-already-recorded"), again.body());
            String features = shell("feature:list -i\n");
            assertTrue(features.contains(REGION), "the region installed at run time is installed again: " + features);
        } finally {
            RunningPlatform.stop(second);
        }
    }

    /** A "build": the assembly as this reactor made it, at the repository's build-output path, on free ports. */
    private Path build() throws IOException, InterruptedException {
        Path home = repo.resolve("distribution/target/assembly");
        Files.createDirectories(home.getParent());
        RunningPlatform.run(List.of("cp", "-a", assembly.toString(), home.toString()));
        RunningPlatform.deleteTree(home.resolve("data"));
        Path etc = home.resolve("etc");
        RunningPlatform.set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(httpPort));
        RunningPlatform.set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        RunningPlatform.set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        RunningPlatform.set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        RunningPlatform.set(etc.resolve(RunningPlatform.METRICS_CFG), "port", String.valueOf(LoopbackPorts.free()));
        return home;
    }

    private Process start(Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/proeftuin").toString())
                .directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(repo.resolve("platform.out").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PROEFTUIN_INSTANCE");
        builder.environment().put("JAVA_MAX_MEM", "768m");
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bin/proeftuin exited with " + process.exitValue() + "; see " + repo.resolve("platform.out"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url("/api/v1/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy within 5 minutes: " + last);
    }

    /** Commands at the Karaf console of the running node, through bin/client (batch mode). */
    private String shell(String commands) throws IOException, InterruptedException {
        Path home = repo.resolve("distribution/target/assembly");
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-h", "127.0.0.1", "-u", "beheer", "-p", PASSWORD, "-r", "30", "-b")
                .redirectErrorStream(true).start();
        client.getOutputStream().write(commands.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(3, TimeUnit.MINUTES)) {
            client.destroyForcibly();
        }
        return out;
    }

    private String login() throws IOException, InterruptedException {
        HttpResponse<String> r = send(null, "POST", "/auth/login", Map.of("username", USER, "password", PASSWORD));
        assertEquals(200, r.statusCode(), "login: " + r.body());
        JsonNode reply = json.readTree(r.body());
        return reply.get("token").asText();
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return send(token, "GET", path, null);
    }

    private HttpResponse<String> post(String token, String path, Object body) throws IOException, InterruptedException {
        return send(token, "POST", path, body);
    }

    private HttpResponse<String> send(String token, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url("/api/v1" + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
