package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * A whole case through HTTP in the real distribution, as a professional would walk it: signal,
 * team, plan v1, evaluation, plan v2, handover of the fixed professional, independent review,
 * court request; plus the bad inputs a client will send. Subclasses choose the database.
 */
public abstract class CaseWalkthrough extends KarafTestSupport {


    /**
     * Set in the container by each subclass's configuration: the product name the health report must
     * show, to prove which database served the test. (A system property, not an overridden method:
     * Pax Exam may run the inherited test methods on an instance of another subclass.)
     */
    static final String EXPECTED_DATABASE = "proeftuin.test.database";

    @Test
    public void servesFromTheExpectedDatabase() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        JsonNode health = JSON.readTree(getAs(ADMINISTRATOR, "/api/v1/health/details").body());
        String expected = System.getProperty(EXPECTED_DATABASE);
        assertTrue(health.toString(), health.path("database").path("product").asText().startsWith(expected));
    }

    @Test
    public void wholeCaseWalkthrough() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String mother = person("Samira", "Bakker", "1988-04-02");
        String child1 = person("Noor", "Bakker", "2014-09-12");
        String child2 = person("Daan", "Jansen", "2019-01-30");
        String father2 = person("Kevin", "Jansen", "1985-11-20");
        post("/api/v1/relationships", "{\"fromPersonId\":\"%s\",\"toPersonId\":\"%s\",\"type\":\"PARENT_OF\",\"since\":\"2014-09-12\"}".formatted(mother, child1), 201);
        post("/api/v1/relationships", "{\"fromPersonId\":\"%s\",\"toPersonId\":\"%s\",\"type\":\"PARENT_OF\"}".formatted(father2, child2), 201);
        post("/api/v1/relationships", "{\"fromPersonId\":\"%s\",\"toPersonId\":\"%s\",\"type\":\"EX_PARTNER_OF\",\"until\":\"2023-06-01\"}".formatted(mother, father2), 201);
        JsonNode household = post("/api/v1/households", "{\"address\":\"Steenstraat 12\",\"postalCode\":\"6828 CH\",\"municipality\":\"Arnhem\"}", 201);
        String householdId = household.path("id").asText();
        post("/api/v1/households/" + householdId + "/members", "{\"personId\":\"%s\",\"since\":\"2020-01-01\"}".formatted(mother), 200);

        // 1. signal
        HttpResponse<String> opened = send("POST", "/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Politie meldt huiselijk geweld, kinderen waren thuis.",
                 "receivedOn":"%s","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["PARENT","VICTIM"]},{"personId":"%s","roles":["CHILD","WITNESS"]},
                            {"personId":"%s","roles":["CHILD"]},{"personId":"%s","roles":["PARENT","PERPETRATOR"]}]}
                """.formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(3), mother, child1, child2, father2), "application/json");
        assertEquals(opened.body(), 201, opened.statusCode());
        JsonNode kase = JSON.readTree(opened.body());
        String caseId = kase.path("id").asText();
        String caseUrl = "/api/v1/cases/" + caseId;
        assertTrue(opened.headers().firstValue("Location").orElse("").endsWith(caseUrl));
        assertEquals("ACUTE_SAFETY", kase.path("phase").asText());
        assertEquals("VOLUNTARY", kase.path("framework").asText());
        assertEquals(4, kase.path("members").size());

        // 2. team: fixed professional with casusregie, an RVT professional as duo
        post(caseUrl + "/team", """
                {"professionalId":"anna.local","name":"Anna de Vries","organisation":"Wijkteam Arnhem-Oost",
                 "role":"FIXED_PROFESSIONAL","casusregie":true}""", 200);
        JsonNode team = post(caseUrl + "/team", """
                {"professionalId":"rob.rvt","name":"Rob Smit","organisation":"RVT Gelderland-Midden",
                 "role":"RVT_PROFESSIONAL","casusregie":false}""", 200);
        assertEquals(2, team.path("activeProfessionals").asInt());
        // a second fixed professional breaks the rule
        HttpResponse<String> second = send("POST", caseUrl + "/team", """
                {"professionalId":"bert.local","name":"Bert","organisation":"Wijkteam","role":"FIXED_PROFESSIONAL","casusregie":false}""",
                "application/json");
        assertProblem(second, 409);

        // 3. plan v1
        String plan1 = """
                {"goals":[{"id":"g1","personId":"%s","domain":"SAFETY","description":"Samira en de kinderen zijn veilig thuis."}],
                 "actions":[{"id":"a1","goalId":"g1","description":"Traumabehandeling voor Noor","who":"GGZ Gelderland"}],
                 "agreements":[{"id":"s1","description":"Kevin komt niet naar het huis.","who":"Kevin"}],
                 "conditions":[{"id":"c1","description":"Kevin volgt een agressieregulatietraining.",
                                "consequence":"Als dit niet lukt, vragen we de Raad om onderzoek."}],
                 "familyView":"We willen rust in huis.","note":"Eerste plan"}""".formatted(mother);
        HttpResponse<String> v1 = send("POST", caseUrl + "/plan", plan1, "application/json");
        assertEquals(v1.body(), 201, v1.statusCode());
        assertEquals(1, JSON.readTree(v1.body()).path("version").asInt());
        String planEtag = v1.headers().firstValue("ETag").orElseThrow();

        // a court request before any independent review is refused
        HttpResponse<String> early = send("POST", caseUrl + "/court-requests",
                "{\"measure\":\"OTS\",\"grounds\":\"Onveilig\"}", "application/json");
        assertEquals("independent-review-required", assertProblem(early, 409).path("rule").asText());

        // 4. evaluation
        post(caseUrl + "/evaluations", "{\"date\":\"%s\",\"summary\":\"Afspraken worden nagekomen.\",\"familyOpinion\":\"Het gaat beter.\"}"
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), 201);

        // 5. plan v2 on top of v1 (If-Match), and a stale edit gets 412 without losing v2
        String plan2 = plan1.replace("Eerste plan", "Na evaluatie").replace("We willen rust in huis.", "Het is rustiger.");
        HttpResponse<String> v2 = send("POST", caseUrl + "/plan", plan2, "application/json", with(NONE, "If-Match", planEtag));
        assertEquals(v2.body(), 201, v2.statusCode());
        assertEquals(2, JSON.readTree(v2.body()).path("version").asInt());
        HttpResponse<String> stale = send("POST", caseUrl + "/plan", plan2, "application/json", with(NONE, "If-Match", planEtag));
        assertProblem(stale, 412);
        HttpResponse<String> noIfMatch = send("POST", caseUrl + "/plan", plan2, "application/json");
        assertProblem(noIfMatch, 428);
        assertEquals(2, JSON.readTree(get(caseUrl + "/plan/versions").body()).size());
        JsonNode diff = JSON.readTree(get(caseUrl + "/plan/diff?from=1&to=2").body());
        assertTrue(diff.toString(), diff.path("changes").toString().contains("familyView"));

        // 6. warm handover of the fixed professional
        JsonNode handedOver = post(caseUrl + "/team/handovers", """
                {"position":"FIXED_PROFESSIONAL","to":{"professionalId":"fatima.local","name":"Fatima El Amrani",
                 "organisation":"Wijkteam Arnhem-Oost","role":"FIXED_PROFESSIONAL","casusregie":false},
                 "note":"Samira wil vooral rust; Kevin houdt zich aan de afspraken."}""", 200);
        // Anna has handed over: the case is Fatima's now, and Anna no longer sees it
        assertEquals("not_assigned", assertProblem(get(caseUrl), 403).path("reason").asText());
        as(FATIMA);
        long fixed = 0;
        for (JsonNode a : handedOver.path("team")) {
            if ("FIXED_PROFESSIONAL".equals(a.path("role").asText())) {
                fixed++;
                assertEquals("fatima.local", a.path("professionalId").asText());
            }
        }
        assertEquals(1, fixed);
        // Anna held casusregie too: it moves with her in the same change, recorded as its own handover
        JsonNode handovers = JSON.readTree(get(caseUrl + "/team/handovers").body());
        assertEquals(handovers.toString(), 2, handovers.size());
        assertEquals("FIXED_PROFESSIONAL", handovers.get(0).path("position").asText());
        assertEquals("CASUSREGIE", handovers.get(1).path("position").asText());

        // 7. independent review (issue 14 part 8): asked of a named reviewer, who signs it with their own
        // login; someone assigned can neither be asked nor review, nor type a review in for someone else
        assertEquals("reviewer-not-independent", assertProblem(send("POST", caseUrl + "/review-requests",
                "{\"reviewerId\":\"rob.rvt\",\"question\":\"Is een OTS nodig?\"}", "application/json"), 409)
                .path("rule").asText());
        HttpResponse<String> notIndependent = send("POST", caseUrl + "/reviews", """
                {"reviewerName":"Fatima","organisation":"Wijkteam","conclusion":"Eens","supportsCourtRequest":true}""",
                "application/json");
        assertEquals("reviewer-not-independent", assertProblem(notIndependent, 409).path("rule").asText());
        assertEquals("reviewerId", assertProblem(send("POST", caseUrl + "/reviews", """
                {"reviewerId":"iris.review","reviewerName":"Iris Mulder","organisation":"RVT IJsselland",
                 "conclusion":"Eens","supportsCourtRequest":true}""", "application/json"), 400).path("field").asText());
        assertEquals("not_assigned", assertProblem(getAs(REVIEWER, caseUrl), 403).path("reason").asText());
        post(caseUrl + "/review-requests", "{\"reviewerId\":\"iris.review\",\"question\":\"Is een OTS nodig en in "
                + "verhouding?\"}", 201);
        as(REVIEWER);
        assertTrue(get("/api/v1/reviews/requested").body().contains(caseId));
        assertEquals(200, get(caseUrl).statusCode());
        assertEquals(200, get(caseUrl + "/plan").statusCode());
        assertEquals("role", assertProblem(send("POST", caseUrl + "/entries",
                "{\"kind\":\"FACT\",\"text\":\"x\",\"source\":\"y\"}", "application/json"), 403).path("reason").asText());
        JsonNode review = post(caseUrl + "/reviews", """
                {"reviewerName":"Iris Mulder","organisation":"RVT IJsselland",
                 "conclusion":"Een OTS is nodig en in verhouding.","supportsCourtRequest":true}""", 201);
        assertEquals(REVIEWER, review.path("reviewerId").asText());
        assertEquals(REVIEWER, review.path("recordedBy").asText());
        // the review is given: the invitation is over
        assertEquals("not_assigned", assertProblem(get(caseUrl), 403).path("reason").asText());
        as(FATIMA);
        JsonNode requests = JSON.readTree(get(caseUrl + "/review-requests").body());
        assertEquals(review.path("id").asText(), requests.get(requests.size() - 1).path("reviewId").asText());

        // 8. court request, naming the signed review it rests on
        JsonNode court = post(caseUrl + "/court-requests", "{\"measure\":\"OTS\",\"grounds\":\"Ernstige zorgen over veiligheid.\"}", 201);
        assertEquals(review.path("id").asText(), court.path("reviewId").asText());

        // the family view, as JSON and as a printable Dutch page
        JsonNode view = JSON.readTree(get(caseUrl + "/plan/family-view").body());
        assertTrue(view.toString(), view.toString().contains("Als dit niet lukt, vragen we de Raad om onderzoek."));
        HttpResponse<String> html = send("GET", caseUrl + "/plan/family-view", null, null, "Accept", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("lang=\"nl\""));
        assertTrue(html.body().contains("Fatima"));

        // history, search
        JsonNode history = JSON.readTree(get(caseUrl + "/history").body());
        assertTrue(history.size() >= 5);
        JsonNode found = JSON.readTree(get("/api/v1/cases?name=bakker&municipality=Arnhem").body());
        assertTrue(found.toString(), found.path("total").asLong() >= 1);
    }

    @Test
    public void badInputGetsProblemJsonAndStoresNothing() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String personId = person("Lotte", "Visser", "2012-05-05");
        // unknown field
        HttpResponse<String> unknown = send("POST", "/api/v1/persons",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\",\"shoeSize\":42}", "application/json");
        assertEquals("shoeSize", assertProblem(unknown, 400).path("field").asText());
        // deeply nested JSON
        String deep = "[".repeat(100) + "]".repeat(100);
        assertProblem(send("POST", "/api/v1/persons", deep, "application/json"), 400);
        // more than 1 MiB
        String huge = "{\"givenName\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(send("POST", "/api/v1/persons", huge, "application/json"), 413);
        // malformed JSON, wrong type, missing required field
        assertProblem(send("POST", "/api/v1/persons", "{\"givenName\":", "application/json"), 400);
        assertProblem(send("POST", "/api/v1/persons", "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"yesterday\"}", "application/json"), 400);
        assertProblem(send("POST", "/api/v1/persons", "{\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\"}", "application/json"), 400);
        // a national id (BSN) is shown masked, matched for duplicates, and checked (eleven test);
        // at rest it is encrypted (core/engine NationalIdAtRestTest reads the rows)
        String bsn = String.valueOf(100_000_000 + (System.nanoTime() % 800_000_000));
        while (!elevenTest(bsn)) {
            bsn = String.valueOf(Long.parseLong(bsn) + 1);
        }
        String withBsn = "{\"givenName\":\"Mila\",\"familyName\":\"Smit\",\"dateOfBirth\":\"2011-03-03\",\"nationalId\":\"" + bsn + "\"}";
        JsonNode recorded = post("/api/v1/persons", withBsn, 201);
        assertEquals("******" + bsn.substring(6), recorded.path("nationalIdMasked").asText());
        assertFalse(recorded.toString(), recorded.toString().contains(bsn));
        assertEquals("person-already-recorded",
                assertProblem(send("POST", "/api/v1/persons", withBsn, "application/json"), 409).path("rule").asText());
        assertProblem(send("POST", "/api/v1/persons", withBsn.replace(bsn, "123456780"), "application/json"), 400);

        // unknown ids
        assertProblem(get("/api/v1/cases/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(get("/api/v1/persons/no-such-person"), 404);

        // a plan with a condition without consequence is refused, and nothing is stored
        String caseId = JSON.readTree(send("POST", "/api/v1/cases", """
                {"kind":"REQUEST_FOR_HELP","source":"FAMILY","description":"Moeder vraagt hulp bij schulden en opvoeding.",
                 "receivedOn":"%s","municipality":"Ede","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), personId), "application/json").body()).path("id").asText();
        String caseUrl = "/api/v1/cases/" + caseId;
        post(caseUrl + "/team", "{\"professionalId\":\"anna.local\",\"name\":\"Anna de Vries\",\"organisation\":\"Ede\",\"role\":\"FIXED_PROFESSIONAL\",\"casusregie\":true}", 200);
        HttpResponse<String> noConsequence = send("POST", caseUrl + "/plan", """
                {"goals":[],"actions":[],"agreements":[],"conditions":[{"description":"Naar school gaan","consequence":" "}],
                 "familyView":"","note":"v1"}""", "application/json");
        JsonNode problem = assertProblem(noConsequence, 400);
        assertTrue(problem.toString(), problem.path("field").asText().contains("consequence"));
        assertProblem(get(caseUrl + "/plan"), 404);
        assertEquals(0, JSON.readTree(get(caseUrl).body()).path("planVersion").asInt());

        // a stale case version is refused with 412 and changes nothing
        HttpResponse<String> current = get(caseUrl);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        post(caseUrl + "/phase", "{\"phase\":\"STABILISATION\",\"reason\":\"Acute onveiligheid is voorbij\"}", 200);
        HttpResponse<String> stale = send("POST", caseUrl + "/phase", "{\"phase\":\"RECOVERY\",\"reason\":\"x\"}",
                "application/json", with(NONE, "If-Match", etag));
        assertProblem(stale, 412);
        assertEquals("STABILISATION", JSON.readTree(get(caseUrl).body()).path("phase").asText());
        assertNotEquals(etag, get(caseUrl).headers().firstValue("ETag").orElse(""));
    }

    /** The BSN eleven test (elfproef): 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11. */
    private static boolean elevenTest(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
