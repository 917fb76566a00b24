package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

/**
 * Boots the project's real distribution (the tar.gz this reactor built) in its own JVM, on free
 * ports, and gives the tests an HTTP client against it.
 */
public abstract class KarafTestSupport {
    /** Set in the container (system property) so the tests inside know the HTTP port. */
    static final String HTTP_PORT = "proeftuin.test.http.port";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The options every test class starts from; subclasses may add their own. */
    protected static List<Option> baseOptions() {
        String distribution = System.getProperty("proeftuin.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("Distribution not built: " + distribution
                    + " (run the tests through Maven: mvn verify)");
        }
        String http = String.valueOf(freePort());
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .karafVersion(System.getProperty("karaf.version", "4.4.10"))
                        .name("Proeftuin")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevelOption.LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                systemProperty(HTTP_PORT).value(http)));
        return options;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform's base URL, e.g. {@code http://127.0.0.1:41234}; only valid inside the container. */
    protected static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty(HTTP_PORT);
    }

    protected static HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        return send(method, path, body, contentType, new String[0]);
    }

    /** Sends a request with extra headers given as name, value, name, value, ... */
    protected static HttpResponse<String> send(String method, String path, String body, String contentType,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    /**
     * Polls health until it answers 200 (readiness is real: 503 until the core is wired), never a
     * fixed sleep.
     */
    protected static HttpResponse<String> awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get("/api/v1/health");
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Platform not ready within " + timeout + "; last answer: "
                + (last == null ? String.valueOf(lastError) : last.statusCode() + " " + last.body()));
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    /** The actor headers every write sends (until login tokens replace them). */
    protected static final String[] ACTOR = {"X-Actor-Id", "anna.local", "X-Actor-Name", "Anna de Vries"};

    protected static String[] with(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    protected static String person(String given, String family, String born) throws Exception {
        return post("/api/v1/persons", "{\"givenName\":\"%s\",\"familyName\":\"%s\",\"dateOfBirth\":\"%s\"}"
                .formatted(given, family, born), 201).path("id").asText();
    }

    protected static JsonNode post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = send("POST", path, body, "application/json", ACTOR);
        assertEquals(path + " -> " + response.body(), expectedStatus, response.statusCode());
        return JSON.readTree(response.body());
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("detail").asText().isEmpty());
        return problem;
    }
}
