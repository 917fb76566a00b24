package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access log records what happened, not what the guard let through: one entry per admitted
 * request, written after its handler with the real status and outcome, the ids it created, the
 * persons concerned and the search terms; and no answer leaves unlogged.
 */
class AccessLogAfterHandlerTest {
    private InMemoryCore core;
    private TestSecurity security;
    private ApiDispatcher api;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        security = TestSecurity.over(core);
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services());
    }

    private String person(String given) {
        Http person = Http.post("/persons", "{\"givenName\":\"" + given + "\",\"familyName\":\"Bakker\","
                + "\"dateOfBirth\":\"2014-09-12\"}").on(api);
        assertEquals(201, person.status, person.text());
        return person.body().path("id").asText();
    }

    @Test
    void aNewCaseIsLoggedWithItsIdAndItsPersons() {
        String child = person("Noor");
        AccessEvent personEntry = security.log.last();
        assertEquals(List.of(child), personEntry.personIds(), "the new person is the person concerned");
        assertEquals(child, personEntry.objectId());
        int before = security.log.events.size();
        Http kase = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(child)).on(api);
        assertEquals(201, kase.status, kase.text());
        String caseId = kase.body().path("id").asText();
        assertEquals(before + 1, security.log.events.size(), "one entry per request");
        AccessEvent e = security.log.last();
        assertEquals(AccessAction.CREATE, e.action());
        assertEquals(AccessEvent.SUCCESS, e.outcome());
        assertEquals(caseId, e.caseId(), "the new case's id");
        assertEquals(caseId, e.objectId());
        assertEquals(List.of(child), e.personIds(), "the new case's persons");
        assertTrue(e.detail().contains("-> 201"), e.detail());
    }

    @Test
    void aFailureAfterAdmissionIsLoggedAsAFailureWithItsStatus() {
        String child = person("Noor");
        Http kase = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(child)).on(api);
        String caseId = kase.body().path("id").asText();

        int before = security.log.events.size();
        Http bad = Http.get("/cases?size=abc").on(api);
        assertEquals(400, bad.status);
        assertEquals(before + 1, security.log.events.size(), "one entry, not a SUCCESS and then a failure");
        AccessEvent e = security.log.last();
        assertEquals(AccessEvent.FAILURE, e.outcome(), "a 400 after admission is no success");
        assertTrue(e.detail().contains("-> 400"), e.detail());

        Http stale = Http.post("/cases/" + caseId + "/phase", "{\"phase\":\"SAFETY_AND_RISK\",\"reason\":\"r\"}")
                .header("If-Match", "\"999\"").on(api);
        assertTrue(stale.status >= 400 && stale.status < 500, stale.text());
        e = security.log.last();
        assertEquals(AccessEvent.FAILURE, e.outcome());
        assertTrue(e.detail().contains("-> " + stale.status), e.detail());
        assertEquals(caseId, e.caseId(), "the log stores the case's members with it (core/audit's AccessLogTest)");

        // a service that is not there, after admission: 503, logged as such
        Http missing = Http.get("/bindings").as("carla.coord").on(api);
        assertEquals(503, missing.status);
        assertEquals(AccessEvent.FAILURE, security.log.last().outcome());
        assertTrue(security.log.last().detail().contains("-> 503"), security.log.last().detail());
    }

    @Test
    void searchTermsAreRecorded() {
        person("Noor");
        Http found = Http.get("/persons?name=bakker%0Aforged").on(api);
        assertEquals(200, found.status, found.text());
        AccessEvent e = security.log.last();
        assertEquals(AccessAction.SEARCH, e.action());
        assertEquals(AccessEvent.SUCCESS, e.outcome());
        assertTrue(e.detail().contains("name=bakker\nforged"), "the terms as typed (the log neutralises the newline): "
                + e.detail());
    }

    @Test
    void aRefusalInTheHandlerIsOneDeniedEntryNamingThePerson() {
        String annas = person("Noor");
        int before = security.log.events.size();
        Http refused = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(annas)).as("fatima.local").on(api);
        assertEquals(403, refused.status);
        assertEquals(before + 1, security.log.events.size());
        assertEquals(AccessEvent.DENIED, security.log.last().outcome());
        assertEquals(List.of(annas), security.log.last().personIds());
    }

    /** No log, no answer: when the entry cannot be written the data does not leave. */
    @Test
    void anAnswerThatCannotBeLoggedIsNotSent() {
        String child = person("Noor");
        AccessLog failing = new AccessLog() {
            @Override
            public AccessLogEntry append(AccessEvent event) {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<AccessLogEntry> query(AccessLogQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AccessLogEntry> allForPerson(String personId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ChainVerification verify() {
                throw new UnsupportedOperationException();
            }
        };
        ApiDispatcher unlogged = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family,
                () -> core.cases, () -> core.plans, () -> null, () -> null,
                security.services().with(AccessLog.class, () -> failing));
        Http read = Http.get("/persons/" + child).on(unlogged);
        assertEquals(503, read.status, read.text());
        assertEquals("application/problem+json", read.mediaType());
        assertFalse(read.text().contains("Noor"), "no data without its log entry");
    }
}
