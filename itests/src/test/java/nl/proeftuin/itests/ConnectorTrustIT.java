package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The hostile test's reproduction in the real distribution with localteam-rest installed: a
 * coordinator cannot bind a municipality's local-team events to a listener of their own with another
 * municipality's inbound secret (nor an environment variable, {@code file:} or the metadata address);
 * nothing reaches the listener. An inbound request of the local team is in the access log with its
 * case and persons, and so is a refused one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConnectorTrustIT extends KarafTestSupport {
    private static final String FEATURE = "proeftuin-plugin-localteam-rest";
    private static final String INBOUND_SECRET = "arnhem-inbound-secret-for-the-itest";

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        // the plugin's bundle comes from the distribution's system/ (baseOptions: no Maven fallback)
        // the regional administrator's configuration: Arnhem's endpoint (inbound only) and its secret
        options.add(editConfigurationFilePut("etc/nl.proeftuin.plugins.localteam.rest.internal.MunicipalityEndpoint-arnhem.cfg",
                "municipality", "Arnhem"));
        options.add(editConfigurationFilePut("etc/nl.proeftuin.plugins.localteam.rest.internal.MunicipalityEndpoint-arnhem.cfg",
                "inboundCredentialsReference", "arnhem.localteam.inbound"));
        options.add(editConfigurationFilePut("etc/proeftuin-localteam-rest-credentials.properties",
                "arnhem.localteam.inbound", INBOUND_SECRET));
        return options.toArray(new Option[0]);
    }

    /** A listener of the coordinator's own on loopback: counts every connection and keeps what arrived. */
    private static final class Listener implements AutoCloseable {
        final ServerSocket socket;
        final List<String> received = new CopyOnWriteArrayList<>();

        Listener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept(); InputStream in = s.getInputStream()) {
                        s.setSoTimeout(1000);
                        byte[] buffer = new byte[8192];
                        int n = in.read(buffer);
                        received.add(n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    } catch (SocketException closed) {
                        return;
                    } catch (IOException e) {
                        received.add("connection: " + e);
                    }
                }
            }, "itest-listener");
            t.setDaemon(true);
            t.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    public void aCoordinatorCannotRedirectLocalTeamTrafficAndInboundRequestsAreLogged() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature(FEATURE);
        awaitInbound();

        try (Listener theirs = new Listener()) {
            for (Map<String, String> configuration : List.of(
                    Map.of("baseUrl", theirs.url(), "credentialsReference", "arnhem.localteam.inbound"),
                    Map.of("credentialsReference", "HOME"),
                    Map.of("baseUrl", "file:///etc/passwd"),
                    Map.of("baseUrl", "http://169.254.169.254/"),
                    Map.of("endpoint", "no-such-endpoint"))) {
                String body = JSON.writeValueAsString(Map.of("pluginId", "localteam-rest", "configuration",
                        configuration, "reason", "x"));
                HttpResponse<String> refused = sendAs(COORDINATOR, "PUT", "/api/v1/bindings/LOCAL_TEAM/municipalities/Ede",
                        body, "application/json");
                JsonNode problem = assertProblem(refused, 400);
                assertTrue(problem.toString(), problem.path("field").asText().startsWith("configuration"));
            }
            HttpResponse<String> effective = getAs(COORDINATOR, "/api/v1/bindings/effective?point=LOCAL_TEAM&municipality=Ede");
            assertFalse(effective.body(), effective.body().contains("localteam-rest"));

            // a case in Ede produces an outbox event; nothing goes to the listener
            openCase("Ede");
            Thread.sleep(6000);
            assertTrue("the listener received: " + theirs.received, theirs.received.isEmpty());
        }

        // the local team of Arnhem sends a request with its bearer token: a case, and its access-log entry
        String request = """
                {"idempotencyKey":"itest-lt-1","description":"Moeder vraagt hulp","receivedOn":"%s",
                 "persons":[{"givenName":"Sam","familyName":"Jansen","dateOfBirth":"2016-04-01","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")));
        HttpResponse<String> created = sendAs(null, "POST", "/localteam/v1/Arnhem/requests", request, "application/json",
                "Authorization", "Bearer " + INBOUND_SECRET);
        assertEquals(created.body(), 201, created.statusCode());
        String caseId = JSON.readTree(created.body()).path("caseId").asText();
        JsonNode entries = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?caseId=" + caseId + "&limit=100").body());
        JsonNode entry = null;
        for (JsonNode e : entries.isArray() ? entries : entries.path("entries")) {
            if ("system:localteam-rest".equals(e.path("userId").asText()) && "CREATE".equals(e.path("action").asText())) {
                entry = e;
            }
        }
        assertTrue("no access-log entry of the inbound request in " + entries, entry != null);
        assertEquals(entry.toString(), "SUCCESS", entry.path("outcome").asText());
        assertEquals(entry.toString(), 1, entry.path("personIds").size());
        assertEquals(entry.toString(), "local team Arnhem", entry.path("onBehalfOf").asText());

        // a wrong token is refused, and logged too
        HttpResponse<String> wrong = sendAs(null, "POST", "/localteam/v1/Arnhem/requests", request, "application/json",
                "Authorization", "Bearer not-the-secret");
        assertEquals(401, wrong.statusCode());
        JsonNode denied = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?userId="
                + URLEncoder.encode("system:localteam-rest", StandardCharsets.UTF_8) + "&outcome=DENIED&limit=100").body());
        assertTrue(denied.toString(), denied.toString().contains("HTTP 401"));
    }

    /** Waits until the plugin's inbound servlet answers (401 without a token). */
    private static void awaitInbound() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = sendAs(null, "POST", "/localteam/v1/Arnhem/requests", "{}", "application/json").statusCode();
            if (last == 401) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the localteam-rest servlet does not answer 401 for Arnhem (last: " + last + ")");
    }

    private static String openCase(String municipality) throws Exception {
        String child = person("Sem", "Kok", "2015-02-03");
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School meldt zorgen.","receivedOn":"%s",
                 "municipality":"%s","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), municipality, child), 201).path("id").asText();
    }
}
