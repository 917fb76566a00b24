package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.BasicMDCAdapter;

/**
 * Decision 0024: every API request gets one id, made by the platform; the access-log entries it writes,
 * its log lines (the MDC, while it runs, and only then) and its answer ({@code X-Request-Id}, the
 * problem's {@code requestId}) all carry it. An id the client sends is never taken for it.
 */
class RequestIdTest {
    /** slf4j's own thread-local MDC (the unit tests have no logging backend, whose MDC would be a no-op). */
    private final BasicMDCAdapter mdc = new BasicMDCAdapter();
    private final List<Map<String, String>> mdcAtAppend = new CopyOnWriteArrayList<>();
    private TestSecurity security;
    private ApiDispatcher api;

    @BeforeEach
    void setUp() {
        InMemoryCore core = new InMemoryCore();
        security = TestSecurity.over(core);
        AccessLog seeing = new AccessLog() { // the real recording log, noting what the MDC held when it was called
            @Override
            public AccessLogEntry append(AccessEvent event) {
                Map<String, String> now = mdc.getCopyOfContextMap();
                mdcAtAppend.add(now == null ? Map.of() : now);
                return security.log.append(event);
            }

            @Override
            public List<AccessLogEntry> query(AccessLogQuery query) {
                return security.log.query(query);
            }

            @Override
            public List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit) {
                return security.log.forPerson(personId, from, to, limit);
            }

            @Override
            public List<AccessLogEntry> allForPerson(String personId) {
                return security.log.allForPerson(personId);
            }

            @Override
            public ChainVerification verify() {
                return security.log.verify();
            }
        };
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services().with(AccessLog.class, () -> seeing))
                .withMdc(mdc);
    }

    @Test
    void aRequestsIdIsInItsAnswerItsAccessLogEntryAndTheMdcWhileItRuns() {
        Http ok = Http.get("/cases").on(api);
        assertEquals(200, ok.status, ok.text());
        String id = ok.headers.get("X-Request-Id");
        assertNotNull(id, "every answer names its request");
        assertEquals(id, UUID.fromString(id).toString(), "a UUID the platform made");
        assertEquals(7, UUID.fromString(id).version(), "time-ordered, so the access log's request index grows at its"
                + " right edge (decision 0050)");
        assertEquals(id, security.log.last().requestId(), "the access-log entry of the request");
        assertEquals(id, mdcAtAppend.get(mdcAtAppend.size() - 1).get("requestId"), "in the MDC while it runs");
        assertNull(mdc.get("requestId"), "and out of it afterwards: the container's thread serves others next");

        Http next = Http.get("/cases").on(api);
        assertNotEquals(id, next.headers.get("X-Request-Id"), "one id per request");
        assertEquals(next.headers.get("X-Request-Id"), security.log.last().requestId());
    }

    @Test
    void aProblemCarriesTheIdInItsHeaderAndBody() {
        Http missing = Http.get("/persons/" + UUID.randomUUID()).on(api);
        assertEquals(404, missing.status, missing.text());
        assertEquals("application/problem+json", missing.mediaType());
        String id = missing.headers.get("X-Request-Id");
        assertNotNull(id, "set again after the response was reset for the problem");
        assertEquals(id, missing.body().path("requestId").asText());
        assertEquals(AccessEvent.FAILURE, security.log.last().outcome());
        assertEquals(id, security.log.last().requestId(), "the guard's refusal is logged under the same id");

        Http anonymous = Http.get("/cases").anonymous().on(api);
        assertEquals(401, anonymous.status);
        assertEquals(anonymous.headers.get("X-Request-Id"), anonymous.body().path("requestId").asText());
        assertNull(mdc.get("requestId"));
    }

    @Test
    void anIdTheClientSendsIsNeverTheRequestsId() {
        String other = "11111111-2222-3333-4444-555555555555"; // say, the id of another user's request
        Http forged = Http.get("/cases").header("X-Request-Id", other).on(api);
        assertEquals(200, forged.status);
        assertNotEquals(other, forged.headers.get("X-Request-Id"));
        assertNotEquals(other, security.log.last().requestId(), "another request's id cannot be forged into the log");
        Map<String, String> during = mdcAtAppend.get(mdcAtAppend.size() - 1);
        assertEquals(other, during.get("upstreamRequestId"), "a sane one is kept, for the log lines only");
        assertEquals(forged.headers.get("X-Request-Id"), during.get("requestId"));

        Http injected = Http.get("/cases").header("X-Request-Id", "abcdefgh\n{\"level\":\"ERROR\"}").on(api);
        assertEquals(200, injected.status);
        assertNull(mdcAtAppend.get(mdcAtAppend.size() - 1).get("upstreamRequestId"), "an insane one is dropped");
        assertNull(mdc.get("upstreamRequestId"));
    }

    @Test
    void onlyASaneUpstreamIdIsKept() {
        for (String sane : List.of("11111111-2222-3333-4444-555555555555", "0123456789abcdef0123456789abcdef",
                "abcdefgh", "A".repeat(64))) {
            assertEquals(sane, RequestIds.upstream(sane), sane);
        }
        for (String insane : new String[] {null, "", "abcdefg", "A".repeat(65), "abcdefgh\r\nX-Other: 1",
                "abcdefgh ijkl", "\"abcdefgh\"", "abcdefgh_ijkl", "ábcdefghij", "abcd%0aefgh", "A".repeat(100_000)}) {
            assertNull(RequestIds.upstream(insane), String.valueOf(insane));
        }
    }

    @Test
    void theMdcIsClearedEvenWhenTheRequestFails() {
        mdc.put("requestId", "outer");
        Http bad = Http.get("/cases?size=abc").on(api);
        assertEquals(400, bad.status);
        assertNotEquals("outer", bad.headers.get("X-Request-Id"));
        assertEquals("outer", mdc.get("requestId"), "what the thread had before is back");
        mdc.remove("requestId");
    }
}
