package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.Phase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handlers over HTTP, against a small real in-memory core. */
class ApiDispatcherTest {
    private static final String PLAN = """
            {"goals":[],"actions":[],"agreements":[],
             "conditions":[{"id":"c1","description":"Kevin volgt een training.","consequence":"Anders <b>vragen</b> we de Raad & de rechter."}],
             "familyView":"We willen \\"rust\\" in huis.","note":"v"}""";

    private InMemoryCore core;
    private TestSecurity security;
    private final AtomicReference<CaseService> cases = new AtomicReference<>();
    private ApiDispatcher api;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        security = TestSecurity.over(core);
        cases.set(core.cases);
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, cases::get, () -> core.plans,
                () -> null, () -> null, security.services());
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    private String person(String given) {
        Http http = Http.post("/persons", "{\"givenName\":\"%s\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}"
                .formatted(given)).on(api);
        assertEquals(201, http.status, http.text());
        return http.body().path("id").asText();
    }

    private String openCase() {
        Http http = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD","WITNESS"]}]}""".formatted(person("Noor"))).on(api);
        assertEquals(201, http.status, http.text());
        String id = http.body().path("id").asText();
        assertEquals("/api/v1/cases/" + id, http.headers.get("Location"));
        assertEquals("\"1\"", http.headers.get("ETag"));
        return id;
    }

    @Test
    void createsAPersonWithLocationAndTheActorIsTheLoggedInUser() {
        Http http = Http.post("/persons", "{\"givenName\":\"Noor\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}")
                .as("fatima.local").header("X-Actor-Id", "someone.else").header("X-Actor-Name", "Someone").on(api);
        assertEquals(201, http.status, http.text());
        assertEquals("application/json", http.mediaType());
        String id = http.body().path("id").asText();
        assertEquals("/api/v1/persons/" + id, http.headers.get("Location"));
        // the user the token belongs to, never a header the client chose
        assertEquals("fatima.local", core.family.lastActor.id());
        assertEquals("Fatima El Amrani \u00e9", core.family.lastActor.name());
        assertEquals("Noor", Http.get("/persons/" + id).as("fatima.local").on(api).body().path("givenName").asText());
        assertEquals(1, Http.get("/persons?name=noo").as("fatima.local").on(api).body().size());
    }

    @Test
    void aWriteWithoutAValidTokenIs401AndStoresNothing() {
        String body = "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\"}";
        Http none = Http.post("/persons", body).anonymous().header("X-Actor-Id", "anna.local")
                .header("X-Actor-Name", "Anna de Vries").on(api);
        problem(none, 401);
        assertEquals("Bearer realm=\"proeftuin\"", none.headers.get("WWW-Authenticate"));
        Http forged = Http.post("/persons", body).bearer("dGhpcyBpcyBub3QgYSB0b2tlbg").on(api);
        problem(forged, 401);
        assertTrue(forged.headers.get("WWW-Authenticate").contains("error=\"invalid_token\""), forged.headers.toString());
        security.authenticator.expire(TestSecurity.token("fatima.local"));
        problem(Http.post("/persons", body).as("fatima.local").on(api), 401);
        problem(Http.post("/persons", body).header("Authorization", "Basic YW5uYTpwdw==").on(api), 401);
        assertTrue(core.family.persons.isEmpty());
    }

    @Test
    void anAbsentServiceIs503NotReadyWhileHealthAndTheDocumentStillServe() {
        String id = openCase();
        cases.set(null);
        JsonNode body = problem(Http.get("/cases/" + id).on(api), 503);
        assertTrue(body.path("detail").asText().startsWith("Not ready"), body.toString());
        assertEquals("case service", body.path("service").asText());
        problem(Http.post("/cases/" + id + "/entries", "{}").on(api), 503);
        assertEquals(200, Http.get("/health").on(api).status);
        assertEquals(200, Http.get("/openapi.json").on(api).status);
        assertEquals(201, Http.post("/persons", "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\"}")
                .on(api).status);
    }

    @Test
    void unknownIdsAre404() {
        problem(Http.get("/cases/nope").on(api), 404);
        problem(Http.get("/persons/nope").on(api), 404);
        problem(Http.get("/cases/nope/plan").on(api), 404);
    }

    @Test
    void aCaseCarriesItsVersionAsETagAndAnswers304WhenCurrent() {
        String id = openCase();
        Http read = Http.get("/cases/" + id).on(api);
        assertEquals("\"1\"", read.headers.get("ETag"));
        Http again = Http.get("/cases/" + id).header("If-None-Match", "\"1\"").on(api);
        assertEquals(304, again.status);
        assertEquals("", again.text());
        assertEquals("\"1\"", again.headers.get("ETag"));
        assertEquals(200, Http.get("/cases/" + id).header("If-None-Match", "\"0\"").on(api).status);
    }

    @Test
    void ifMatchBecomesTheExpectedVersionAndAStaleOneIs412() {
        String id = openCase();
        Http changed = Http.post("/cases/" + id + "/phase", "{\"phase\":\"STABILISATION\",\"reason\":\"rustig\"}")
                .header("If-Match", "W/\"1\"").on(api);
        assertEquals(200, changed.status, changed.text());
        assertEquals(1L, core.cases.lastExpectedVersion);
        assertEquals("\"2\"", changed.headers.get("ETag"));
        assertEquals("STABILISATION", changed.body().path("phase").asText());

        Http stale = Http.post("/cases/" + id + "/phase", "{\"phase\":\"RECOVERY\",\"reason\":\"x\"}")
                .header("If-Match", "\"1\"").on(api);
        assertEquals(2, problem(stale, 412).path("currentVersion").asLong());
        assertEquals(Phase.STABILISATION, core.cases.get(id).phase());

        Http without = Http.post("/cases/" + id + "/phase", "{\"phase\":\"RECOVERY\",\"reason\":\"x\"}").on(api);
        assertEquals(200, without.status);
        assertNull(core.cases.lastExpectedVersion);

        Http bad = Http.post("/cases/" + id + "/close", "{\"reason\":\"klaar\"}").header("If-Match", "\"v3\"").on(api);
        assertEquals("If-Match", problem(bad, 400).path("header").asText());
        assertEquals(CaseStatus.OPEN, core.cases.get(id).status());
    }

    @Test
    void ruleViolationsAre409NamingTheRule() {
        String id = openCase();
        String fixed = "{\"professionalId\":\"%s\",\"name\":\"N\",\"organisation\":\"O\",\"role\":\"FIXED_PROFESSIONAL\",\"casusregie\":true}";
        Http first = Http.post("/cases/" + id + "/team", fixed.formatted("anna.local")).on(api);
        assertEquals(200, first.status, first.text());
        assertEquals("\"2\"", first.headers.get("ETag"));
        JsonNode second = problem(Http.post("/cases/" + id + "/team", fixed.formatted("bert")).on(api), 409);
        assertEquals("one-fixed-professional", second.path("rule").asText());

        JsonNode court = problem(Http.post("/cases/" + id + "/court-requests", "{\"measure\":\"OTS\",\"grounds\":\"x\"}").on(api), 409);
        assertEquals("independent-review-required", court.path("rule").asText());

        String assignment = first.body().path("team").get(0).path("id").asText();
        problem(Http.post("/cases/" + id + "/team/" + assignment + "/end", "{\"reason\":\"weg\"}").on(api), 409);
    }

    @Test
    void theTeamIsTheActiveAssignmentsWithTheCaseETag() {
        String id = openCase();
        Http assigned = Http.post("/cases/" + id + "/team",
                "{\"professionalId\":\"rob\",\"name\":\"Rob\",\"organisation\":\"RVT\",\"role\":\"RVT_PROFESSIONAL\"}").on(api);
        // true or false is never guessed
        JsonNode missing = problem(assigned, 400);
        assertEquals("casusregie", missing.path("field").asText());
        assertEquals("is required (true or false)", missing.path("reason").asText());
        Http.post("/cases/" + id + "/team", "{\"professionalId\":\"fatima.local\",\"name\":\"Fatima\",\"organisation\":\"RVT\","
                + "\"role\":\"RVT_PROFESSIONAL\",\"casusregie\":false}").on(api);
        // the opener formed the team and is not in it: from now on it is Fatima's case
        problem(Http.get("/cases/" + id + "/team").on(api), 403);
        Http team = Http.get("/cases/" + id + "/team").as("fatima.local").on(api);
        assertEquals(200, team.status, team.text());
        assertEquals(1, team.body().path("active").size());
        assertEquals(1, team.body().path("activeProfessionals").asInt());
        assertEquals("\"2\"", team.headers.get("ETag"));
    }

    @Test
    void searchDefaultsAndValidatesItsParameters() {
        openCase();
        Http page = Http.get("/cases?municipality=Arnhem").on(api);
        assertEquals(200, page.status, page.text());
        assertEquals(1, page.body().path("total").asInt());
        assertEquals(0, page.body().path("page").asInt());
        assertEquals(20, page.body().path("size").asInt());
        assertEquals("Arnhem", core.cases.lastQuery.municipality());

        Http filtered = Http.get("/cases?status=open&phase=RECOVERY&page=2&size=100&name=bak").on(api);
        assertEquals(CaseStatus.OPEN, core.cases.lastQuery.status());
        assertEquals(Phase.RECOVERY, core.cases.lastQuery.phase());
        assertEquals(2, filtered.body().path("page").asInt());
        assertEquals(100, filtered.body().path("size").asInt());
        assertEquals("bak", core.cases.lastQuery.name());
        assertNull(core.cases.lastQuery.after(), "paged by number unless after is given");
        Http byKey = Http.get("/cases?after=MjAyNi0wMS0wMVQwMDowMDowMFp8YQ").on(api);
        assertEquals(200, byKey.status, byKey.text());
        assertEquals("MjAyNi0wMS0wMVQwMDowMDowMFp8YQ", core.cases.lastQuery.after(), "paging by key (decision 0036)");
        assertFalse(page.body().has("next"), "no next key on the last page (nulls are left out)");

        assertEquals("status", problem(Http.get("/cases?status=ajar").on(api), 400).path("parameter").asText());
        assertEquals("phase", problem(Http.get("/cases?phase=2").on(api), 400).path("parameter").asText());
        assertEquals("page", problem(Http.get("/cases?page=-1").on(api), 400).path("parameter").asText());
        assertEquals("page", problem(Http.get("/cases?page=one").on(api), 400).path("parameter").asText());
        assertEquals("size", problem(Http.get("/cases?size=0").on(api), 400).path("parameter").asText());
        assertEquals("size", problem(Http.get("/cases?size=101").on(api), 400).path("parameter").asText());
        assertEquals("name", problem(Http.get("/persons").on(api), 400).path("parameter").asText());
    }

    @Test
    void planVersionsChainThroughIfMatch() {
        String id = openCase();
        Http v1 = Http.post("/cases/" + id + "/plan", PLAN).on(api);
        assertEquals(201, v1.status, v1.text());
        assertNull(core.plans.lastExpectedVersion);
        assertEquals("\"1\"", v1.headers.get("ETag"));
        assertEquals("/api/v1/cases/" + id + "/plan/versions/1", v1.headers.get("Location"));

        problem(Http.post("/cases/" + id + "/plan", PLAN).on(api), 428);
        Http v2 = Http.post("/cases/" + id + "/plan", PLAN).header("If-Match", "\"1\"").on(api);
        assertEquals(201, v2.status, v2.text());
        assertEquals(1, core.plans.lastExpectedVersion);
        assertEquals(2, problem(Http.post("/cases/" + id + "/plan", PLAN).header("If-Match", "1").on(api), 412)
                .path("currentVersion").asInt());

        assertEquals("\"2\"", Http.get("/cases/" + id + "/plan").on(api).headers.get("ETag"));
        assertEquals(304, Http.get("/cases/" + id + "/plan").header("If-None-Match", "\"2\"").on(api).status);
        assertEquals(1, Http.get("/cases/" + id + "/plan/versions/1").on(api).body().path("version").asInt());
        assertEquals(2, Http.get("/cases/" + id + "/plan/versions").on(api).body().size());
        assertEquals("version", problem(Http.get("/cases/" + id + "/plan/versions/first").on(api), 400).path("parameter").asText());
        assertEquals(2, Http.get("/cases/" + id + "/plan/diff?from=1&to=2").on(api).body().path("to").asInt());
        assertEquals("to", problem(Http.get("/cases/" + id + "/plan/diff?from=1").on(api), 400).path("parameter").asText());
    }

    @Test
    void aServiceFieldRuleInsideAListNamesThePath() {
        String id = openCase();
        JsonNode body = problem(Http.post("/cases/" + id + "/plan",
                PLAN.replace("\"consequence\":\"Anders <b>vragen</b> we de Raad & de rechter.\"", "\"consequence\":\" \"")).on(api), 400);
        assertEquals("conditions[0].consequence", body.path("field").asText());
    }

    @Test
    void theFamilyViewIsJsonByDefaultAndAnEscapedDutchPageWhenAskedFor() {
        String id = openCase();
        Http.post("/cases/" + id + "/plan", PLAN).on(api);
        String url = "/cases/" + id + "/plan/family-view";

        Http json = Http.get(url).on(api);
        assertEquals("application/json", json.mediaType());
        assertEquals("Accept", json.headers.get("Vary"));

        for (Http html : new Http[] {
                Http.get(url).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").on(api),
                Http.get(url + "?format=html").header("Accept", "application/json").on(api)}) {
            assertEquals(200, html.status, html.text());
            assertEquals("text/html", html.mediaType());
            String page = html.text();
            assertTrue(page.startsWith("<!DOCTYPE html>"), page);
            assertTrue(page.contains("<html lang=\"nl\">"), page);
            assertTrue(page.contains("@media print"), page);
            assertTrue(page.contains("<h1>Ons gezinsplan (versie 1)</h1>"), page);
            assertTrue(page.contains("Anders &lt;b&gt;vragen&lt;/b&gt; we de Raad &amp; de rechter."), page);
            assertTrue(page.contains("We willen &quot;rust&quot; in huis."), page);
            assertFalse(page.toLowerCase().contains("<script"), page);
            assertTrue(html.headers.get("Content-Security-Policy").contains("default-src 'none'"));
        }
        assertEquals("application/json", Http.get(url).header("Accept", "application/json, text/html;q=0.5").on(api).mediaType());
        assertEquals("application/json", Http.get(url).header("Accept", "*/*").on(api).mediaType());
        problem(Http.get(url).header("Accept", "image/png").on(api), 406);
        assertEquals("format", problem(Http.get(url + "?format=pdf").on(api), 400).path("parameter").asText());
    }

    @Test
    void recordsAreListedAndAddedWithout_IfMatch() {
        String id = openCase();
        Http entry = Http.post("/cases/" + id + "/entries",
                "{\"kind\":\"FACT\",\"text\":\"School meldt verzuim\",\"source\":\"school\",\"aboutPersonIds\":[]}").on(api);
        assertEquals(201, entry.status, entry.text());
        assertEquals("Anna de Vries", entry.body().path("authorName").asText());
        assertEquals("If-Match", problem(Http.post("/cases/" + id + "/reviews", "{}").header("If-Match", "\"1\"").on(api), 400)
                .path("header").asText());
        assertEquals(201, Http.post("/cases/" + id + "/reviews", """
                {"reviewerId":"iris","reviewerName":"Iris","organisation":"RVT","conclusion":"Eens","supportsCourtRequest":true}""")
                .on(api).status);
        assertEquals(1, Http.get("/cases/" + id + "/reviews").on(api).body().size());
        assertEquals(201, Http.post("/cases/" + id + "/court-requests", "{\"measure\":\"OTS\",\"grounds\":\"x\"}").on(api).status);
    }

    @Test
    void wrongMethodIs405WithAllowAndUnknownPathIs404() {
        Http http = Http.request("DELETE", "/health").on(api);
        assertEquals("GET", http.headers.get("Allow"));
        problem(http, 405);
        Http cases = Http.request("PUT", "/cases").on(api);
        assertEquals("GET, POST", problem(cases, 405).path("allowed").toString().replaceAll("[\\[\\]\"]", "").replace(",", ", "));
        assertEquals("GET, POST", cases.headers.get("Allow"));
        problem(Http.get("/nothing").on(api), 404);
    }

    @Test
    void anUnexpectedFailureIs500WithAnErrorIdAndNoDetailsOfTheBug() {
        String id = openCase();
        JsonNode body = problem(Http.post("/cases/" + id + "/team/handovers",
                "{\"position\":\"CASUSREGIE\",\"toAssignment\":\"a1\",\"note\":\"n\"}").on(api), 500);
        assertFalse(body.path("errorId").asText().isEmpty());
        assertFalse(body.toString().contains("UnsupportedOperationException"), body.toString());
    }

    @Test
    void theOpenApiDocumentIsServedWithAnETag() {
        Http doc = Http.get("/openapi.json").on(api);
        assertEquals(200, doc.status);
        assertEquals("3.0.3", doc.body().path("openapi").asText());
        String etag = doc.headers.get("ETag");
        assertEquals(304, Http.get("/openapi.json").header("If-None-Match", etag).on(api).status);
    }

    @Test
    void responsesWithPersonalDataStayOutOfEveryCache() {
        String id = openCase();
        // ASVS 14.3.2: sensitive data is not stored by browsers or proxies at all
        assertEquals("no-store", Http.get("/cases/" + id).on(api).headers.get("Cache-Control"));
        assertEquals("no-store", Http.get("/cases/nope").on(api).headers.get("Cache-Control"));
    }
}
