package nl.proeftuin.plugins.localteam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.DeliveryResult.Status;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.OutboundEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector against a real HTTP server on loopback: every outcome the core's outbox relies on. */
class RestLocalTeamConnectorTest {

    @TempDir
    Path dir;

    LocalTeamSystem system;
    RestLocalTeamConnector connector;
    Path secrets;

    /** The administrator's factory configuration, as Config Admin would hand it (defaults for the rest). */
    static MunicipalityEndpointConfig config(Map<String, Object> values) {
        return (MunicipalityEndpointConfig) Proxy.newProxyInstance(MunicipalityEndpointConfig.class.getClassLoader(),
                new Class<?>[] {MunicipalityEndpointConfig.class}, (proxy, method, args) -> {
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    static Map<String, Object> arnhem(String baseUrl, Path secrets) {
        Map<String, Object> values = new HashMap<>();
        values.put("municipality", "Arnhem");
        values.put("baseUrl", baseUrl);
        values.put("allowHttpLoopback", true);
        values.put("credentialsReference", "arnhem.localteam.out");
        values.put("inboundCredentialsReference", "arnhem.localteam.inbound");
        values.put("requestTimeoutMillis", 700);
        values.put("connectTimeoutMillis", 2000);
        values.put("credentialsFile", secrets.toString());
        return values;
    }

    @BeforeEach
    void start() throws IOException {
        system = new LocalTeamSystem();
        secrets = dir.resolve("credentials.properties");
        Files.writeString(secrets, "arnhem.localteam.out=s3cret-out\narnhem.localteam.inbound=s3cret-in\n"
                + "ede.localteam.out=s3cret-ede\n");
        connector = new RestLocalTeamConnector();
        connector.addEndpoint(new MunicipalityEndpoint(config(arnhem(system.baseUrl(), secrets))));
    }

    @AfterEach
    void stop() {
        system.close();
    }

    static OutboundEvent event(String key) {
        return new OutboundEvent(key, "CASE_OPENED", "case-1", "Arnhem", Instant.parse("2026-11-25T10:15:30Z"),
                Map.of("source", "POLICE", "members", List.of(Map.of("role", "CHILD"))));
    }

    @Test
    void deliversTheEventAsJsonWithItsKeyAndTheSecret() throws Exception {
        DeliveryResult result = connector.deliver(event("evt-1"), Map.of());

        assertEquals(Status.DELIVERED, result.status(), result.detail());
        assertEquals("LT-1", result.remoteRef());
        assertEquals(1, system.posts.size());
        LocalTeamSystem.Post post = system.posts.get(0);
        assertEquals("evt-1", post.idempotencyKey());
        assertEquals("Bearer s3cret-out", post.authorization());
        assertEquals("application/json", post.contentType());
        assertNull(post.expect(), "no Expect: 100-continue (Java 17's client hangs on it)");
        JsonNode body = new ObjectMapper().readTree(post.body());
        assertEquals("evt-1", body.get("idempotencyKey").asText());
        assertEquals("CASE_OPENED", body.get("type").asText());
        assertEquals("case-1", body.get("caseId").asText());
        assertEquals("Arnhem", body.get("municipality").asText());
        assertEquals("2026-11-25T10:15:30Z", body.get("occurredAt").asText());
        assertEquals("CHILD", body.at("/payload/members/0/role").asText());
    }

    @Test
    void aKeyTheSystemKnowsIsDeliveredAndNotNewThere() {
        assertEquals(Status.DELIVERED, connector.deliver(event("evt-2"), Map.of()).status());
        DeliveryResult again = connector.deliver(event("evt-2"), Map.of());

        assertEquals(Status.DELIVERED, again.status(), again.detail());
        assertEquals("HTTP 200", again.detail());
        assertEquals("LT-1", again.remoteRef(), "the same remote reference as the first time");
        assertEquals(1, system.accepted.size(), "the system saw the key once as new");
    }

    @Test
    void aSystemThatIsDownIsRetriedAndReceivesTheEventOnceWhenBack() throws Exception {
        system.stop();
        DeliveryResult down = connector.deliver(event("evt-3"), Map.of());
        assertEquals(Status.RETRY, down.status());
        assertTrue(down.detail().contains("cannot connect") || down.detail().contains("failed"), down.detail());

        system.restart();
        DeliveryResult back = connector.deliver(event("evt-3"), Map.of());
        assertEquals(Status.DELIVERED, back.status(), back.detail());
        assertEquals(1, system.posts.size(), "nothing arrived while down, one post after");
        assertEquals(Map.of("evt-3", "LT-1"), system.accepted);
    }

    @Test
    void serverErrorsTooManyRequestsAndRequestTimeoutAreRetried() {
        system.answer(503, "{\"title\":\"Service Unavailable\",\"detail\":\"maintenance until 12:00\"}");
        DeliveryResult unavailable = connector.deliver(event("evt-4"), Map.of());
        assertEquals(Status.RETRY, unavailable.status());
        assertTrue(unavailable.detail().contains("503") && unavailable.detail().contains("maintenance"),
                unavailable.detail());

        system.answer(429, "");
        assertEquals(Status.RETRY, connector.deliver(event("evt-4"), Map.of()).status());
        system.answer(408, "");
        assertEquals(Status.RETRY, connector.deliver(event("evt-4"), Map.of()).status());
    }

    @Test
    void aClientErrorIsRejectedWithTheRemoteDetail() {
        system.answer(422, "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"detail\":\"caseId unknown here\"}");
        DeliveryResult result = connector.deliver(event("evt-5"), Map.of());

        assertEquals(Status.REJECTED, result.status());
        assertEquals("HTTP 422: caseId unknown here", result.detail());
        assertNull(result.remoteRef());

        system.answer(401, "");
        assertEquals(Status.REJECTED, connector.deliver(event("evt-5"), Map.of()).status());
    }

    @Test
    void aBaseUrlWithAQueryGetsEventsOnItsPathAndTheQueryIsNeverShown() throws Exception {
        connector = new RestLocalTeamConnector();
        connector.addEndpoint(new MunicipalityEndpoint(config(arnhem(system.baseUrl() + "/?token=s3cret-query", secrets))));

        DeliveryResult delivered = connector.deliver(event("evt-q1"), Map.of());
        assertEquals(Status.DELIVERED, delivered.status(), delivered.detail());
        assertEquals("/events", system.posts.get(0).path(), "events on the path, not in the query");
        assertEquals("token=s3cret-query", system.posts.get(0).query(), "the query kept");

        // the detail is shown by GET /local-team/outbox and in alerts: never the query
        system.stall(2000);
        DeliveryResult timeout = connector.deliver(event("evt-q2"), Map.of());
        assertEquals(Status.RETRY, timeout.status());
        assertTrue(timeout.detail().contains("/events?..."), timeout.detail());
        assertFalse(timeout.detail().contains("s3cret-query"), timeout.detail());
        system.stop();
        DeliveryResult down = connector.deliver(event("evt-q3"), Map.of());
        assertEquals(Status.RETRY, down.status());
        assertTrue(down.detail().contains(":" + system.port() + "/events?..."), down.detail());
        assertFalse(down.detail().contains("s3cret-query"), down.detail());
    }

    @Test
    void theEventsUrlIsOnThePathOfTheBaseUrl() {
        for (String[] c : new String[][] {{"https://lt.example", "https://lt.example/events"},
                {"https://lt.example/", "https://lt.example/events"},
                {"https://lt.example/api/v2", "https://lt.example/api/v2/events"},
                {"https://lt.example:8443/api/?tenant=7&key=a%26b", "https://lt.example:8443/api/events?tenant=7&key=a%26b"},
                {"https://lt.example/a%20b?x=1", "https://lt.example/a%20b/events?x=1"}}) {
            Map<String, Object> values = arnhem(c[0], secrets);
            values.put("allowHttpLoopback", false);
            assertEquals(c[1], Endpoint.of(config(values)).eventsUrl().toString(), c[0]);
        }
    }

    @Test
    void anAnswerLargerThan64KiBIsAFailedCallAndADetailKeeps500Characters() throws Exception {
        system.answer(201, "{\"reference\":\"LT-9\",\"padding\":\"" + "x".repeat(70_000) + "\"}");
        DeliveryResult large = connector.deliver(event("evt-l1"), Map.of());
        assertEquals(Status.RETRY, large.status(), "not DELIVERED on an answer that was not read");
        assertTrue(large.detail().contains("larger than 65536 bytes"), large.detail());
        assertTrue(large.detail().length() < 300, large.detail());

        system.answer(422, "{\"detail\":\"" + "y".repeat(60_000) + "\"}");
        DeliveryResult rejected = connector.deliver(event("evt-l2"), Map.of());
        assertEquals(Status.REJECTED, rejected.status());
        assertEquals("HTTP 422: " + "y".repeat(500) + "...", rejected.detail(), "the first 500 characters");

        system.answer(0, "");
        assertEquals(Status.DELIVERED, connector.deliver(event("evt-l3"), Map.of()).status());

        assertEquals("x".repeat(65_536), RestLocalTeamConnector.answer(
                new java.io.ByteArrayInputStream("x".repeat(65_536).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertNull(RestLocalTeamConnector.answer(
                new java.io.ByteArrayInputStream(new byte[65_537])), "one byte more is too large");
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsRetried() {
        system.stall(2000);
        long start = System.nanoTime();
        DeliveryResult result = connector.deliver(event("evt-6"), Map.of());

        assertEquals(Status.RETRY, result.status());
        assertTrue(result.detail().contains("timeout"), result.detail());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1900, "gave up at the 700 ms timeout");
    }

    @Test
    void aBindingCannotCarryAnEndpointOrASecretTheReproduction() throws Exception {
        // the attack: a coordinator binds Ede to a listener of their own with Arnhem's inbound secret
        try (LocalTeamSystem theirs = new LocalTeamSystem()) {
            Map<String, String> stolen = Map.of("baseUrl", theirs.baseUrl(), "credentialsReference",
                    "arnhem.localteam.inbound");
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede", stolen));
            assertTrue(refused.field().equals("configuration.baseUrl")
                    || refused.field().equals("configuration.credentialsReference"), refused.field());
            assertEquals("configuration.credentialsReference", assertThrows(InvalidInputException.class,
                    () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede",
                            Map.of("credentialsReference", "HOME"))).field());
            for (String url : new String[] {"file:///etc/passwd", "http://169.254.169.254/"}) {
                assertEquals("configuration.baseUrl", assertThrows(InvalidInputException.class,
                        () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede", Map.of("baseUrl", url)))
                        .field());
            }
            // and should such a binding be in the database already, delivery refuses it too
            OutboundEvent ede = new OutboundEvent("evt-x", "CASE_OPENED", "case-9", "Ede", Instant.now(), Map.of());
            assertThrows(IllegalArgumentException.class, () -> connector.deliver(ede, stolen));
            assertThrows(IllegalArgumentException.class, () -> connector.deliver(event("evt-x"), stolen));
            assertTrue(theirs.posts.isEmpty(), "nothing reached the coordinator's listener");
            assertTrue(system.posts.isEmpty(), "nor anywhere else");
        }
    }

    @Test
    void aBindingChoosesAConfiguredEndpointByNameThatServesItsMunicipality() {
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem", Map.of("endpoint", "arnhem"));
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem", Map.of());
        connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, null, Map.of("endpoint", "arnhem"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem", Map.of("endpoint", "elsewhere")));
        assertEquals("configuration.endpoint", unknown.field());
        assertTrue(unknown.reason().contains("configured: arnhem"), unknown.reason());
        assertEquals("configuration.endpoint", assertThrows(InvalidInputException.class,
                () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Ede", Map.of("endpoint", "arnhem")))
                .field(), "Arnhem's system does not serve Ede");
        assertEquals("configuration.requestTimeoutMillis", assertThrows(InvalidInputException.class,
                () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem",
                        Map.of("requestTimeoutMillis", "1"))).field());
        assertEquals("configuration.baseURL", assertThrows(InvalidInputException.class,
                () -> connector.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Arnhem", Map.of("baseURL", "x"))).field());

        DeliveryResult result = connector.deliver(event("evt-7"), Map.of("endpoint", "arnhem"));
        assertEquals(Status.DELIVERED, result.status(), result.detail());
        assertEquals("Bearer s3cret-out", system.posts.get(0).authorization());

        // a shared system: the administrator lets the Arnhem endpoint also serve Rozendaal
        Map<String, Object> shared = arnhem(system.baseUrl(), secrets);
        shared.put("alsoServes", new String[] {"Rozendaal"});
        RestLocalTeamConnector sharing = new RestLocalTeamConnector();
        sharing.addEndpoint(new MunicipalityEndpoint(config(shared)));
        sharing.checkConfiguration(ExtensionPoint.LOCAL_TEAM, "Rozendaal", Map.of("endpoint", "arnhem"));
        OutboundEvent rozendaal = new OutboundEvent("evt-8", "CASE_OPENED", "case-3", "Rozendaal", Instant.now(),
                Map.of());
        assertEquals(Status.DELIVERED, sharing.deliver(rozendaal, Map.of("endpoint", "arnhem")).status());
        OutboundEvent renkum = new OutboundEvent("evt-8", "CASE_OPENED", "case-3", "Renkum", Instant.now(), Map.of());
        assertThrows(IllegalStateException.class, () -> sharing.deliver(renkum, Map.of("endpoint", "arnhem")),
                "a region binding never sends Renkum's events to a system that does not serve Renkum");
    }

    @Test
    void theAdministratorsEndpointIsAllowListedToo() {
        for (String url : new String[] {"file:///etc/passwd", "http://169.254.169.254/", "https://169.254.169.254/",
            "https://[fe80::1]/", "ftp://wijkteam.example/", "http://wijkteam.arnhem.example/"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new MunicipalityEndpoint(config(arnhem(url, secrets))), url);
        }
        Map<String, Object> noFlag = arnhem(system.baseUrl(), secrets);
        noFlag.put("allowHttpLoopback", false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MunicipalityEndpoint(config(noFlag)))
                .getMessage().contains("allowHttpLoopback"), "http to loopback only with the flag");
        Map<String, Object> https = arnhem("https://wijkteam.arnhem.example/api", secrets);
        https.put("allowHttpLoopback", false);
        assertEquals("https://wijkteam.arnhem.example/api",
                new MunicipalityEndpoint(config(https)).endpoint().baseUrl().toString());
        Map<String, Object> same = arnhem(system.baseUrl(), secrets);
        same.put("credentialsReference", "arnhem.localteam.inbound");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MunicipalityEndpoint(config(same)))
                .getMessage().startsWith("credentialsReference:"));
    }

    @Test
    void anOutboundSecretIsNeverAnotherEndpointsInboundSecret() {
        // Ede's administrator configuration names Arnhem's inbound verification secret as its outbound one
        Map<String, Object> ede = arnhem(system.baseUrl(), secrets);
        ede.put("municipality", "Ede");
        ede.put("credentialsReference", "arnhem.localteam.inbound");
        ede.put("inboundCredentialsReference", "");
        connector.addEndpoint(new MunicipalityEndpoint(config(ede)));
        OutboundEvent event = new OutboundEvent("evt-10", "CASE_OPENED", "case-5", "Ede", Instant.now(), Map.of());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> connector.deliver(event, Map.of()));
        assertTrue(refused.getMessage().contains("inbound verification secret"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret-in"), "the message names the reference, never the secret");
        assertTrue(system.posts.isEmpty());
    }

    @Test
    void anUnusableConfigurationThrowsNamingTheKey() {
        OutboundEvent nowhere = new OutboundEvent("evt-9", "CASE_OPENED", "case-4", "Renkum", Instant.now(), Map.of());
        assertTrue(assertThrows(IllegalStateException.class, () -> connector.deliver(nowhere, Map.of()))
                .getMessage().startsWith("endpoint:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> connector.deliver(event("evt-9"), Map.of("baseURL", "http://x"))).getMessage()
                .contains("unknown configuration key(s) [baseURL]; known keys are [endpoint]"));
        Map<String, Object> missing = arnhem(system.baseUrl(), secrets);
        missing.put("credentialsReference", "nowhere.secret");
        RestLocalTeamConnector other = new RestLocalTeamConnector();
        other.addEndpoint(new MunicipalityEndpoint(config(missing)));
        IllegalStateException notThere = assertThrows(IllegalStateException.class,
                () -> other.deliver(event("evt-9"), Map.of()));
        assertTrue(notThere.getMessage().contains("nowhere.secret"), notThere.getMessage());
        assertTrue(system.posts.isEmpty(), "nothing was sent");
    }
}
