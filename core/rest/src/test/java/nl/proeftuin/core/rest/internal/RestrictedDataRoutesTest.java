package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.internal.GdprRights;
import nl.proeftuin.core.audit.privacy.internal.LoggedRestrictedData;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.RestTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile test's reproductions of the shelter address, over HTTP: the API's guard, the real
 * restricted-data and GDPR services, the real hash-chained access log and an H2 file database.
 * Anna and Fatima both have need to know on the mother (her team); only Anna is named on her safe
 * address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictedDataRoutesTest {
    /** Cases of the mother that Anna and Fatima are not on (another team's). */
    private static final java.util.Set<String> OTHER_TEAMS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final NeedToKnow HER_TEAM = new NeedToKnow() {
        @Override
        public CaseAccess toCase(Principal principal, String caseId) {
            return OTHER_TEAMS.contains(caseId) ? CaseAccess.NOT_ASSIGNED : CaseAccess.ASSIGNED;
        }

        @Override
        public CaseAccess toPerson(Principal principal, String personId) {
            return CaseAccess.ASSIGNED;
        }

        @Override
        public CaseAccess toHousehold(Principal principal, String householdId) {
            return CaseAccess.ASSIGNED;
        }

        @Override
        public CaseAccess withinScope(Principal principal, String objectType, String objectId) {
            return CaseAccess.ASSIGNED;
        }
    };

    private Path dir;
    private Database database;
    private ApiDispatcher api;
    private String mother;
    private String caseId;
    private AccessLog log;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("rest-restricted");
        database = RestTestDatabase.h2(dir);
        InMemoryCore core = new InMemoryCore();
        log = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), Clock.systemUTC(), "test");
        PrivacyService privacy = new GdprRights(database, new nl.proeftuin.core.store.internal.JdbcPrivacyStore(),
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcErasureStore(), core.family, log, Clock.systemUTC(), Map.of("case", 20, "person", 20));
        RestrictedData restricted = new LoggedRestrictedData(database,
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcPrivacyStore(), log, Clock.systemUTC());
        TestSecurity security = new TestSecurity(id -> java.util.Optional.empty(), id -> java.util.Optional.empty());
        api = new ApiDispatcher(new Json(), r -> Reply.noContent(), () -> core.family, () -> core.cases, () -> core.plans,
                () -> null, () -> null, new Services().with(AccessLog.class, () -> log)
                        .with(PrivacyService.class, () -> privacy).with(RestrictedData.class, () -> restricted)
                        .with(Authenticator.class, () -> security.authenticator).with(NeedToKnow.class, () -> HER_TEAM));
        Instant now = Instant.now();
        for (Principal p : TestSecurity.USERS) {
            sql("INSERT INTO user_account (user_id, display_name, organisation, disabled, created_at, changed_at) "
                    + "VALUES (?, ?, ?, FALSE, ?, ?)", p.userId(), p.name(), p.organisation(), now, now);
        }
        mother = UUID.randomUUID().toString();
        sql("INSERT INTO person (id, given_name, family_name, given_name_lc, family_name_lc, date_of_birth, created_at, "
                + "created_by) VALUES (?, 'Mila', 'Jansen', 'mila', 'jansen', ?, ?, 'anna.local')", mother,
                LocalDate.of(1995, 1, 1), now);
        caseId = UUID.randomUUID().toString();
        sql("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source, signal_description, "
                + "signal_received_on, phase, framework, opened_at, opened_by) VALUES (?, 1, 'Arnhem', 'OPEN', 'SIGNAL', "
                + "'SCHOOL', 'zorgen', ?, 'ACUTE_SAFETY', 'VOLUNTARY', ?, 'anna.local')", caseId, LocalDate.now(), now);
        sql("INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 0)", caseId, mother);
        sql("INSERT INTO case_member_role (case_id, person_id, family_role) VALUES (?, ?, 'PARENT')", caseId, mother);
    }

    @AfterAll
    void stop() {
        RestTestDatabase.close(database);
    }

    @BeforeEach
    void safeAddressOfTheMother() {
        Http put = Http.request("PUT", "/persons/" + mother + "/safe-address").json(
                "{\"address\":\"Opvangstraat 1\",\"municipality\":\"Ede\",\"restrictedTo\":[\"person:" + mother + "\"]}")
                .on(api);
        assertEquals(200, put.status, put.text());
    }

    private void sql(String statement, Object... params) throws SQLException {
        database.inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    Object p = params[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : params[i];
                    ps.setObject(i + 1, p);
                }
                return ps.executeUpdate();
            }
        });
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.method + " " + http.target + ": " + http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    @Test
    void theExportOfSomeoneNotNamedCarriesNeitherTheAddressNorThatItExists() {
        Http.post("/cases/" + caseId + "/restricted-entries", "{\"kind\":\"FACT\",\"text\":\"Moeder zit in de opvang\","
                + "\"source\":\"eigen waarneming\",\"aboutPersonIds\":[\"" + mother + "\"],\"restrictedTo\":[\"person:" + mother
                + "\"]}").on(api);
        Http json = Http.get("/persons/" + mother + "/export").as("fatima.local").on(api);
        assertEquals(200, json.status, json.text());
        assertTrue(json.body().path("safeAddress").isMissingNode() || json.body().path("safeAddress").isNull(), json.text());
        for (String trace : List.of("Opvangstraat", "opvang", "safe-address", "restricted-entries", "restricted")) {
            assertFalse(json.text().replace("\"restricted\":false", "").contains(trace), trace + " in " + json.text());
        }
        Http html = Http.get("/persons/" + mother + "/export.html").as("fatima.local").on(api);
        assertEquals(200, html.status);
        for (String trace : List.of("Opvangstraat", "opvang", "geheime adres", "safe-address", "restricted")) {
            assertFalse(html.text().contains(trace), trace + " in the printed export");
        }
        // the person's access view (printed per member) does not show the restricted-data routes either: the only
        // changes made to the mother's data were to her safe address and a restricted entry
        Http view = Http.get("/persons/" + mother + "/access-log").as("fatima.local").on(api);
        assertEquals(200, view.status, view.text());
        assertTrue(view.body().size() > 0, "her access view has entries (the exports)");
        view.body().forEach(line -> assertTrue(List.of("READ", "EXPORT").contains(line.path("action").asText()),
                "a change to restricted data shows in her access view: " + line));
        // Anna is named, and the address names the mother: her export made by Anna holds it
        Http named = Http.get("/persons/" + mother + "/export").on(api);
        assertEquals("Opvangstraat 1", named.body().path("safeAddress").path("address").asText());
    }

    /**
     * A person's access view and export as a professional gets them: the lines of the cases they may open,
     * and of no case; of those, one by someone who did not work in such a case comes without who it was. The
     * mother's professional was told the other case's id, and who of which organisation (a shelter) read her
     * data there and elsewhere. The auditor's view is complete.
     */
    @Test
    void aProfessionalsAccessViewNamesNobodyOfTheOtherCases() throws Exception {
        String other = UUID.randomUUID().toString();
        log.append(new nl.proeftuin.core.audit.AccessEvent(nl.proeftuin.core.audit.AccessAction.READ, "SUCCESS",
                "vesna.oost", "Vesna", "PROFESSIONAL", null, null, List.of(mother), other, "case", other, null,
                "GET /cases/{caseId} -> 200", "Vrouwenhuis Oost", false));
        log.append(new nl.proeftuin.core.audit.AccessEvent(nl.proeftuin.core.audit.AccessAction.READ, "SUCCESS",
                "vesna.oost", "Vesna", "PROFESSIONAL", null, null, List.of(mother), null, "person", mother, null,
                "GET /persons/{personId} -> 200", "Vrouwenhuis Oost", false));
        log.append(new nl.proeftuin.core.audit.AccessEvent(nl.proeftuin.core.audit.AccessAction.READ, "SUCCESS",
                "anna.local", "Anna", "PROFESSIONAL", null, null, List.of(mother), caseId, "case", caseId, null,
                "GET /cases/{caseId} -> 200", "Wijkteam Arnhem", false));
        OTHER_TEAMS.add(other); // for good: the case stays another team's for the class's other tests
        for (Http http : List.of(Http.get("/persons/" + mother + "/access-log"), Http.get("/persons/" + mother + "/export"),
                Http.get("/persons/" + mother + "/export.html"))) {
            String text = http.on(api).text();
            assertFalse(text.contains("Vrouwenhuis") || text.contains("Vesna") || text.contains(other), http.target + ": " + text);
            assertTrue(text.contains("Wijkteam Arnhem"), "her own case's lines are there: " + http.target);
        }
        JsonNode view = Http.get("/persons/" + mother + "/access-log").on(api).body();
        assertTrue(java.util.stream.StreamSupport.stream(view.spliterator(), false)
                .anyMatch(l -> l.path("otherCase").asBoolean() && "person".equals(l.path("objectType").asText())),
                "the read of no case is there, without who: " + view);
        String complete = Http.get("/persons/" + mother + "/access-log").as("audrey.audit").on(api).text();
        assertTrue(complete.contains("Vrouwenhuis") && complete.contains(other), "the auditor's view is complete");
    }

    /**
     * A professional's export of a person holds only the cases they may open: the mother's other case (another
     * team's signal, its team, entries, who read it) is for that team and for the regional administrator's
     * complete export. Before, any professional who could see her read every case of hers through the export.
     */
    @Test
    void aProfessionalsExportHoldsOnlyTheCasesTheyMayOpen() throws Exception {
        String other = UUID.randomUUID().toString();
        String entry = UUID.randomUUID().toString();
        Instant now = Instant.now();
        sql("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source, signal_description, "
                + "signal_received_on, phase, framework, opened_at, opened_by) VALUES (?, 1, 'Ede', 'OPEN', 'SIGNAL', "
                + "'POLICE', 'Melding politie over de vader', ?, 'ACUTE_SAFETY', 'VOLUNTARY', ?, 'vera.ede')", other,
                LocalDate.now(), now);
        sql("INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 0)", other, mother);
        sql("INSERT INTO case_entry (id, case_id, entry_kind, body_text, source, author_id, author_name, author_role, "
                + "recorded_at) VALUES (?, ?, 'FACT', 'Gesprek met de vader in Ede', 'gesprek', 'vera.ede', 'Vera', "
                + "'PROFESSIONAL', ?)", entry, other, now);
        sql("INSERT INTO case_entry_person (entry_id, person_id, seq_no) VALUES (?, ?, 0)", entry, mother);
        OTHER_TEAMS.add(other);
        try {
            Http mine = Http.get("/persons/" + mother + "/export").on(api);
            assertEquals(200, mine.status, mine.text());
            for (String trace : List.of(other, "Melding politie over de vader", "Gesprek met de vader in Ede")) {
                assertFalse(mine.text().contains(trace), trace + " in a professional's export: " + mine.text());
            }
            assertTrue(mine.text().contains(caseId), "her case with Anna's team is in it");
            Http printed = Http.get("/persons/" + mother + "/export.html").on(api);
            assertFalse(printed.text().contains("Melding politie over de vader"), "nor in the printed export");
            Http complete = Http.get("/persons/" + mother + "/export").as("rik.admin").on(api);
            assertEquals(200, complete.status, complete.text());
            assertTrue(complete.text().contains("Melding politie over de vader")
                    && complete.text().contains("Gesprek met de vader in Ede"), "the administrator's export is complete");
        } finally {
            OTHER_TEAMS.remove(other);
        }
    }

    @Test
    void aTeamMemberNotNamedCannotOverwriteTheSafeAddress() {
        JsonNode refused = problem(Http.request("PUT", "/persons/" + mother + "/safe-address").as("fatima.local")
                .json("{\"address\":\"Nepstraat 9\",\"municipality\":\"Arnhem\",\"restrictedTo\":[\"user:fatima.local\"]}")
                .on(api), 403);
        assertEquals("not-named", refused.path("reason").asText());
        Http read = Http.get("/persons/" + mother + "/safe-address").on(api);
        assertEquals(200, read.status, "the named worker still gets it");
        assertEquals("Opvangstraat 1", read.body().path("address").asText());
        Http history = Http.get("/persons/" + mother + "/safe-address/history").on(api);
        assertEquals(200, history.status, history.text());
        assertTrue(history.body().size() >= 1);
        assertTrue(history.text().contains("Opvangstraat 1") && !history.text().contains("Nepstraat"));
    }

    @Test
    void aRestrictionThatNamesNothingIs400NamingTheField() {
        JsonNode gi = problem(Http.request("PUT", "/persons/" + mother + "/safe-address")
                .json("{\"address\":\"Opvangstraat 1\",\"municipality\":\"Ede\",\"restrictedTo\":[\"role:GI\"]}").on(api), 400);
        assertEquals("restrictedTo[0]", gi.path("field").asText());
        JsonNode user = problem(Http.post("/cases/" + caseId + "/restricted-entries", "{\"kind\":\"FACT\",\"text\":\"x\","
                + "\"source\":\"y\",\"restrictedTo\":[\"user:anna.local\",\"user:nobody\"]}").on(api), 400);
        assertEquals("restrictedTo[1]", user.path("field").asText());
        JsonNode reader = problem(Http.post("/persons/" + mother + "/safe-address/readers", "{\"reader\":\"role:GI\"}")
                .on(api), 400);
        assertEquals("reader", reader.path("field").asText());
    }

    @Test
    void aNamedReaderAddsAReaderAndOnlyANamedReaderCan() {
        problem(Http.post("/persons/" + mother + "/safe-address/readers", "{\"reader\":\"user:fatima.local\"}")
                .as("fatima.local").on(api), 404);
        problem(Http.get("/persons/" + mother + "/safe-address").as("fatima.local").on(api), 404);
        Http added = Http.post("/persons/" + mother + "/safe-address/readers", "{\"reader\":\"user:fatima.local\"}").on(api);
        assertEquals(200, added.status, added.text());
        assertEquals("Opvangstraat 1", Http.get("/persons/" + mother + "/safe-address").as("fatima.local").on(api)
                .body().path("address").asText());

        Http entry = Http.post("/cases/" + caseId + "/restricted-entries", "{\"kind\":\"FACT\",\"text\":\"Moeder zit in de "
                + "opvang\",\"source\":\"eigen waarneming\",\"restrictedTo\":[\"user:anna.local\"]}").on(api);
        assertEquals(201, entry.status, entry.text());
        String entryId = entry.body().path("id").asText();
        String readers = "/cases/" + caseId + "/restricted-entries/" + entryId + "/readers";
        problem(Http.post(readers, "{\"reader\":\"user:fatima.local\"}").as("fatima.local").on(api), 404);
        assertTrue(Http.get("/cases/" + caseId + "/restricted-entries").as("fatima.local").on(api).body().findValues("id")
                .stream().noneMatch(id -> id.asText().equals(entryId)));
        assertEquals(200, Http.post(readers, "{\"reader\":\"user:fatima.local\"}").on(api).status);
        assertTrue(Http.get("/cases/" + caseId + "/restricted-entries").as("fatima.local").on(api).body().findValues("id")
                .stream().anyMatch(id -> id.asText().equals(entryId)));
        // Fatima, named now, is told of later changes; her notices never hold the address
        Http.request("PUT", "/persons/" + mother + "/safe-address").json("{\"address\":\"Opvangstraat 2\",\"municipality\":"
                + "\"Ede\",\"restrictedTo\":[\"person:" + mother + "\",\"user:fatima.local\"]}").on(api);
        Http notices = Http.get("/restricted-notices").as("fatima.local").on(api);
        assertEquals(200, notices.status, notices.text());
        assertTrue(notices.body().size() >= 1);
        assertFalse(notices.text().contains("Opvangstraat"));
    }
}
