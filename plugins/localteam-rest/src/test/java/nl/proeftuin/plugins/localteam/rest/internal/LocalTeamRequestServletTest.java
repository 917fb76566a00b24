package nl.proeftuin.plugins.localteam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.InboundRequest;
import nl.proeftuin.core.spi.InboundResult;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.LocalTeamInbox;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbound servlet in a real servlet container (Jetty 9.4, as in Karaf's Pax Web) on loopback,
 * mounted at the whiteboard pattern, with an in-memory inbox standing in for the core.
 */
class LocalTeamRequestServletTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The core's inbox: dedupes by key, refuses a description "refuse me" as the core refuses bad input. */
    static final class RecordingInbox implements LocalTeamInbox {
        final List<InboundRequest> received = new CopyOnWriteArrayList<>();
        final Map<String, String> cases = new ConcurrentHashMap<>();
        /** What the servlet reported as refused: "municipality status". */
        final List<String> refusals = new CopyOnWriteArrayList<>();
        /** Whether the core's access log is down. */
        volatile boolean logDown;

        @Override
        public void refused(String pluginId, String municipality, int status, String reason) {
            assertEquals("localteam-rest", pluginId);
            if (logDown) {
                throw new InboxUnavailableException("access log down", null);
            }
            refusals.add(municipality + " " + status);
        }

        @Override
        public InboundResult receive(String pluginId, InboundRequest request) {
            assertEquals("localteam-rest", pluginId);
            if (logDown) {
                throw new InboxUnavailableException("access log down", null);
            }
            if ("refuse me".equals(request.description())) {
                throw new InvalidInputException("persons[0].dateOfBirth", "is in the future");
            }
            received.add(request);
            String known = cases.get(request.idempotencyKey());
            if (known != null) {
                return new InboundResult(known, true);
            }
            String caseId = "case-" + (cases.size() + 1);
            cases.put(request.idempotencyKey(), caseId);
            return new InboundResult(caseId, false);
        }
    }

    RecordingInbox inbox;
    Server jetty;
    String base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        Path secrets = dir.resolve("credentials.properties");
        Files.writeString(secrets, "arnhem.in=token-arnhem\n");
        inbox = new RecordingInbox();
        LocalTeamRequestServlet servlet = new LocalTeamRequestServlet(inbox);
        servlet.addEndpoint(new MunicipalityEndpoint(new Endpoint("arnhem", "Arnhem", Set.of("arnhem"), null, false,
                null, "arnhem.in", Duration.ofSeconds(1), Duration.ofSeconds(1), new Credentials(secrets), 4096)));
        servlet.addEndpoint(new MunicipalityEndpoint(new Endpoint("ede", "Ede", Set.of("ede"),
                URI.create("http://127.0.0.1:9"), true, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1),
                new Credentials(secrets), 4096)));
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(servlet), LocalTeamRequestServlet.PATTERN);
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/localteam/v1";
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail") && problem.hasNonNull("type"));
    }

    @Test
    void aValidRequestOpensACaseAndTheSameKeyAnswersTheSameCase() throws Exception {
        HttpResponse<String> created = post("/Arnhem/requests", "token-arnhem", "application/json; charset=UTF-8",
                InboundRequestReaderTest.VALID);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("case-1", json(created).get("caseId").asText());
        assertEquals(false, json(created).get("duplicate").asBoolean());
        assertEquals("Arnhem", inbox.received.get(0).municipality());

        HttpResponse<String> again = post("/arnhem/requests", "token-arnhem", "application/json",
                InboundRequestReaderTest.VALID);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("case-1", json(again).get("caseId").asText());
        assertEquals(true, json(again).get("duplicate").asBoolean());
        assertEquals(1, inbox.cases.size());
    }

    @Test
    void aMissingOrWrongTokenIs401AndNothingReachesTheCore() throws Exception {
        HttpResponse<String> none = post("/Arnhem/requests", null, "application/json", InboundRequestReaderTest.VALID);
        assertProblem(none, 401);
        assertEquals("Bearer realm=\"localteam\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertProblem(post("/Arnhem/requests", "token-arnhem-not", "application/json", InboundRequestReaderTest.VALID),
                401);
        assertTrue(inbox.received.isEmpty());
        assertEquals(List.of("Arnhem 401", "Arnhem 401"), inbox.refusals, "both refusals go to the access log");
    }

    @Test
    void withoutTheAccessLogEveryRequestIs503AndNothingIsTaken() throws Exception {
        inbox.logDown = true;
        HttpResponse<String> valid = post("/Arnhem/requests", "token-arnhem", "application/json",
                InboundRequestReaderTest.VALID);
        assertProblem(valid, 503);
        assertTrue(valid.headers().firstValue("Retry-After").isPresent());
        assertProblem(post("/Arnhem/requests", "wrong", "application/json", InboundRequestReaderTest.VALID), 503);
        assertProblem(post("/Renkum/requests", "token-arnhem", "application/json", "{}"), 503);
        assertTrue(inbox.received.isEmpty() && inbox.refusals.isEmpty());
    }

    @Test
    void unknownPathsAndMunicipalitiesWithoutInboundAre404() throws Exception {
        assertProblem(post("/Renkum/requests", "token-arnhem", "application/json", "{}"), 404);
        assertProblem(post("/Ede/requests", "token-arnhem", "application/json", "{}"), 404);
        assertProblem(post("/Arnhem/other", "token-arnhem", "application/json", "{}"), 404);
        assertProblem(post("", "token-arnhem", "application/json", "{}"), 404);
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(base + "/Arnhem/requests")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(get, 405);
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertEquals(List.of("Renkum 404", "Ede 404", "null 404", "null 404", "Arnhem 405"), inbox.refusals);
    }

    @Test
    void aNameThatIsNoMunicipalityIs404NotA500AndThePathIsDecodedOnce() throws Exception {
        // %25 is '%' once decoded by the container: a second decoding threw, and the servlet answered 500
        HttpResponse<String> percent = post("/%25/requests", "token-arnhem", "application/json", "{}");
        assertProblem(percent, 404);
        assertTrue(json(percent).get("detail").asText().startsWith("not a municipality name"), percent.body());
        // '+' is a plus, not a space; control characters, digits, other scripts are no municipality either
        for (String name : List.of("Arn+hem", "Arnhem%0A", "Arnhem%2525", "Arnh%D0%B5m", "1234", "%20Arnhem")) {
            assertProblem(post("/" + name + "/requests", "token-arnhem", "application/json", "{}"), 404);
        }
        // a real name that is not configured: 404 for the name, which the access log keeps
        assertProblem(post("/%27s-Hertogenbosch/requests", "token-arnhem", "application/json", "{}"), 404);
        assertProblem(post("/S%C3%BAdwest-Frysl%C3%A2n/requests", "token-arnhem", "application/json", "{}"), 404);
        assertEquals(List.of("null 404", "null 404", "null 404", "null 404", "null 404", "null 404", "null 404",
                "'s-Hertogenbosch 404", "S\u00fadwest-Frysl\u00e2n 404"), inbox.refusals, "never a 500");
        assertTrue(inbox.received.isEmpty());
    }

    @Test
    void notJsonIs415AndTooLargeIs413() throws Exception {
        assertProblem(post("/Arnhem/requests", "token-arnhem", "text/plain", InboundRequestReaderTest.VALID), 415);
        assertProblem(post("/Arnhem/requests", "token-arnhem", null, InboundRequestReaderTest.VALID), 415);
        assertProblem(post("/Arnhem/requests", "token-arnhem", "application/json", "{\"description\":\""
                + "x".repeat(5000) + "\"}"), 413);
        assertTrue(inbox.received.isEmpty());
        assertEquals(List.of("Arnhem 415", "Arnhem 415", "Arnhem 413"), inbox.refusals);
    }

    @Test
    void aBadFieldIs400WithFieldAndReasonFromTheReaderOrTheCore() throws Exception {
        HttpResponse<String> bad = post("/Arnhem/requests", "token-arnhem", "application/json",
                InboundRequestReaderTest.replace(InboundRequestReaderTest.VALID, "\"receivedOn\":\"yesterday\","));
        assertProblem(bad, 400);
        assertEquals("receivedOn", json(bad).get("field").asText());
        assertEquals("must be a date as yyyy-mm-dd", json(bad).get("reason").asText());

        HttpResponse<String> refused = post("/Arnhem/requests", "token-arnhem", "application/json",
                InboundRequestReaderTest.replace(InboundRequestReaderTest.VALID, "\"description\":\"refuse me\","));
        assertProblem(refused, 400);
        assertEquals("persons[0].dateOfBirth", json(refused).get("field").asText());
        assertEquals("is in the future", json(refused).get("reason").asText());
        assertEquals(List.of("Arnhem 400"), inbox.refusals, "the reader's refusal is reported; the core logs its own");
    }
}
