package nl.proeftuin.plugins.localteam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.DeliveryResult.Status;
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

    @BeforeEach
    void start() throws IOException {
        system = new LocalTeamSystem();
        Path secrets = dir.resolve("credentials.properties");
        Files.writeString(secrets, "arnhem.localteam.out=s3cret-out\narnhem.localteam.in=s3cret-in\n");
        connector = new RestLocalTeamConnector();
        connector.addEndpoint(new MunicipalityEndpoint(new Endpoint("Arnhem", Endpoint.url("baseUrl", system.baseUrl()),
                "arnhem.localteam.out", "arnhem.localteam.in", Duration.ofSeconds(2), Duration.ofMillis(700),
                new Credentials(secrets, name -> null), 65536)));
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
    void noAnswerWithinTheRequestTimeoutIsRetried() {
        system.stall(2000);
        long start = System.nanoTime();
        DeliveryResult result = connector.deliver(event("evt-6"), Map.of());

        assertEquals(Status.RETRY, result.status());
        assertTrue(result.detail().contains("timeout"), result.detail());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1900, "gave up at the 700 ms timeout");
    }

    @Test
    void theBindingCanStandInForTheFactoryConfiguration() {
        OutboundEvent elsewhere = new OutboundEvent("evt-7", "CASE_OPENED", "case-2", "Renkum", Instant.now(), Map.of());
        DeliveryResult result = connector.deliver(elsewhere,
                Map.of("baseUrl", system.baseUrl() + "/", "credentialsReference", "", "requestTimeoutMillis", "2000"));

        assertEquals(Status.DELIVERED, result.status(), result.detail());
        assertNull(system.posts.get(0).authorization(), "an empty credentialsReference sends no Authorization");
    }

    @Test
    void theBindingCanPickAnotherMunicipalitysConfiguration() {
        OutboundEvent elsewhere = new OutboundEvent("evt-8", "CASE_OPENED", "case-3", "Rozendaal", Instant.now(), Map.of());
        assertEquals(Status.DELIVERED, connector.deliver(elsewhere, Map.of("municipality", "arnhem")).status());
        assertEquals("Bearer s3cret-out", system.posts.get(0).authorization());
    }

    @Test
    void anUnusableConfigurationThrowsNamingTheKey() {
        OutboundEvent nowhere = new OutboundEvent("evt-9", "CASE_OPENED", "case-4", "Renkum", Instant.now(), Map.of());
        assertTrue(assertThrows(IllegalStateException.class, () -> connector.deliver(nowhere, Map.of()))
                .getMessage().startsWith("baseUrl:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> connector.deliver(event("evt-9"), Map.of("baseURL", "http://x"))).getMessage()
                .startsWith("baseURL: unknown key"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> connector.deliver(event("evt-9"), Map.of("requestTimeoutMillis", "soon"))).getMessage()
                .startsWith("requestTimeoutMillis:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> connector.deliver(event("evt-9"), Map.of("baseUrl", "ftp://x"))).getMessage()
                .startsWith("baseUrl:"));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> connector.deliver(event("evt-9"), Map.of("credentialsReference", "nowhere.secret")));
        assertTrue(missing.getMessage().contains("nowhere.secret") && missing.getMessage().contains("NOWHERE_SECRET"),
                missing.getMessage());
        assertTrue(system.posts.isEmpty(), "nothing was sent");
    }
}
