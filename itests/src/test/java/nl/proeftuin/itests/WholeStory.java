package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.living.LivingCaseService;
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.store.Database;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Issue 14's whole story, replayed through the real distribution's HTTP API (decision 0038): a family in
 * Arnhem splits over two municipalities; both local teams work in one case; the son's OTS runs with its
 * evaluation reminder; a maatwerk request is decided by the municipality before its deadline and another
 * raises the overdue alert; a wait for a GI worker shows its age and the responsible professional
 * throughout; a second signal about the same mother is linked, not duplicated; the family then moves, and
 * the case's municipality, its undecided request and its wait move with it; the Raad's report and the
 * reporter's feedback have deadlines with alerts; and too many professionals around the family are noticed.
 * Time passing is simulated by moving dates back in the database, as the deadline watch would see it later.
 * Subclasses choose the database.
 */
public abstract class WholeStory extends KarafTestSupport {
    static final String ARNHEM_DECIDER = "mia.arnhem";
    static final String NIJMEGEN_DECIDER = "noa.nijmegen";

    @Inject
    private UserAdministration users;

    @Inject
    private Database database;

    @Inject
    private CareFinder careFinder;

    @Inject
    private LivingCaseService living;

    static List<Option> options() {
        List<Option> options = new ArrayList<>(baseOptions());
        options.add(editConfigurationFilePut(USERS_FILE, ARNHEM_DECIDER, "{CRYPT}" + PASSWORD_HASH + "{CRYPT},MUNICIPALITY"));
        options.add(editConfigurationFilePut(USERS_FILE, NIJMEGEN_DECIDER, "{CRYPT}" + PASSWORD_HASH
                + "{CRYPT},MUNICIPALITY"));
        return options;
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return null;
    }

    private static boolean alerted(String userId, String caseId, String kind) throws Exception {
        for (JsonNode a : json(getAs(userId, "/api/v1/municipality/alerts"), 200)) {
            if (caseId.equals(a.path("caseId").asText()) && kind.equals(a.path("kind").asText())) {
                return true;
            }
        }
        return false;
    }

    private void sql(String statement, Object... params) throws Exception {
        database.inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private static String team(String id, String name, String organisation, String role, boolean regie) {
        return """
                {"professionalId":"%s","name":"%s","organisation":"%s","role":"%s","casusregie":%s}"""
                .formatted(id, name, organisation, role, regie);
    }

    @Test
    public void aFamilySplitsOverTwoMunicipalitiesAndEveryDecisionHasAnOwnerAndADeadline() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        for (String u : List.of(ARNHEM_DECIDER, NIJMEGEN_DECIDER, NIJMEGEN, FATIMA)) {
            token(u);
        }
        users.setMunicipalities(ARNHEM_DECIDER, Set.of("Arnhem"));
        users.setMunicipalities(NIJMEGEN_DECIDER, Set.of("Nijmegen"));
        users.setMunicipalities(NIJMEGEN, Set.of("Nijmegen"));
        users.setMunicipalities(FATIMA, Set.of("Arnhem"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));

        // --- a school reports about Daan; Anna (Arnhem) opens the family's case, the reporter is recorded
        String mother = person("Samira", "Verhoef", "1987-04-04");
        String father = person("Kevin", "Verhoef", "1985-01-01");
        String son = person("Daan", "Verhoef", "2013-06-06");
        String daughter = person("Noor", "Verhoef", "2016-09-09");
        JsonNode kase = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"Daan vertelt over ruzie en klappen thuis.",
                 "receivedOn":"%s","municipality":"Arnhem","members":[{"personId":"%s","roles":["PARENT"]},
                 {"personId":"%s","roles":["PARENT"]},{"personId":"%s","roles":["CHILD"]},{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(today, mother, father, son, daughter), 201);
        String caseId = kase.path("id").asText();
        String caseUrl = "/api/v1/cases/" + caseId;
        post(caseUrl + "/team", team(PROFESSIONAL, "Anna de Vries", "Wijkteam Arnhem", "FIXED_PROFESSIONAL", true), 200);
        JsonNode reporter = post(caseUrl + "/reporters",
                "{\"organisation\":\"OBS De Linde\",\"contact\":\"juf Ans, 026-1234567\"}", 201);
        assertEquals(today.plusDays(10).toString(), reporter.path("feedbackDue").asText());

        // --- the family splits: the parents separate, father and son move to Nijmegen
        JsonNode partners = post("/api/v1/relationships", """
                {"fromPersonId":"%s","toPersonId":"%s","type":"PARTNER_OF","since":"2010-01-01"}"""
                .formatted(mother, father), 201);
        JsonNode arnhemHome = post("/api/v1/households", "{\"address\":\"Steenstraat 1\",\"municipality\":\"Arnhem\"}", 201);
        String arnhemHomeUrl = "/api/v1/households/" + arnhemHome.path("id").asText();
        for (String p : List.of(mother, father, son, daughter)) {
            json(send("POST", arnhemHomeUrl + "/members", "{\"personId\":\"%s\",\"since\":\"2016-09-09\"}".formatted(p),
                    "application/json"), 200);
        }
        JsonNode ended = post("/api/v1/relationships/" + partners.path("id").asText() + "/end",
                "{\"until\":\"%s\",\"reason\":\"Uit elkaar na het incident.\"}".formatted(today.minusDays(30)), 200);
        assertEquals(today.minusDays(30).toString(), ended.path("until").asText());
        assertEquals("relationship-ended", assertProblem(send("POST", "/api/v1/relationships/"
                + partners.path("id").asText() + "/end", "{\"until\":\"%s\",\"reason\":\"x\"}".formatted(today),
                "application/json"), 409).path("rule").asText());
        post("/api/v1/relationships", """
                {"fromPersonId":"%s","toPersonId":"%s","type":"EX_PARTNER_OF","since":"%s"}"""
                .formatted(mother, father, today.minusDays(30)), 201);
        for (String p : List.of(father, son)) {
            post(arnhemHomeUrl + "/members/" + p + "/end",
                    "{\"until\":\"%s\",\"reason\":\"Verhuisd naar Nijmegen.\"}".formatted(today.minusDays(30)), 200);
        }
        assertEquals("household-membership-ended", assertProblem(send("POST", arnhemHomeUrl + "/members/" + son
                + "/end", "{\"until\":\"%s\",\"reason\":\"x\"}".formatted(today), "application/json"), 409)
                .path("rule").asText());
        JsonNode nijmegenHome = post("/api/v1/households", "{\"address\":\"Molenstraat 9\",\"municipality\":\"Nijmegen\"}",
                201);
        for (String p : List.of(father, son)) {
            json(send("POST", "/api/v1/households/" + nijmegenHome.path("id").asText() + "/members",
                    "{\"personId\":\"%s\",\"since\":\"%s\"}".formatted(p, today.minusDays(30)), "application/json"), 200);
        }
        // the family graph shows the current relationships and homes; the history keeps the ended ones
        JsonNode graph = json(get(caseUrl + "/family-system"), 200);
        assertEquals(1, graph.path("relationships").size());
        assertEquals("EX_PARTNER_OF", graph.path("relationships").get(0).path("type").asText());
        JsonNode stillArnhem = find(graph.path("households"), "id", arnhemHome.path("id").asText());
        assertEquals(2, stillArnhem.path("members").size());
        assertNotNull(find(graph.path("households"), "id", nijmegenHome.path("id").asText()));
        assertEquals(2, json(get("/api/v1/persons/" + mother + "/relationships"), 200).size());

        // --- both local teams work in one case
        assertEquals("other_municipality", assertProblem(getAs(NIJMEGEN, caseUrl), 403).path("reason").asText());
        post(caseUrl + "/team", team(NIJMEGEN, "Nina Jansen", "Wijkteam Nijmegen", "CARE_PROVIDER", false), 200);
        assertEquals(200, getAs(NIJMEGEN, caseUrl).statusCode());
        assertEquals(201, sendAs(NIJMEGEN, "POST", caseUrl + "/entries",
                "{\"kind\":\"FACT\",\"text\":\"Huisbezoek bij vader en Daan in Nijmegen.\",\"source\":\"Huisbezoek\"}",
                "application/json").statusCode());

        // --- the son's OTS with its evaluation reminder (due eight weeks before the end)
        LocalDate otsEnd = today.plusWeeks(8).plusDays(7);
        JsonNode ots = post(caseUrl + "/measures", """
                {"personId":"%s","type":"OTS","startDate":"%s","endDate":"%s","courtDecisionReference":"C/05/998877 JE RK 26-77"}"""
                .formatted(son, today.minusMonths(10), otsEnd), 201);
        JsonNode cycle = json(get(caseUrl + "/measures/cycle"), 200).get(0);
        assertEquals(today.plusDays(7).toString(), cycle.path("evaluationDue").asText());
        assertFalse(cycle.path("overdue").asBoolean());
        living.checkCycles();
        assertTrue("Anna is reminded", alerted(PROFESSIONAL, caseId, "MEASURE_EVALUATION_DUE"));
        assertFalse("not the care provider", alerted(NIJMEGEN, caseId, "MEASURE_EVALUATION_DUE"));
        JsonNode evaluated = post(caseUrl + "/measures/" + ots.path("id").asText() + "/evaluation", """
                {"evaluatedOn":"%s","choice":"REQUEST_EXTENSION","reasons":"Veiligheid van Daan nog niet duurzaam."}"""
                .formatted(today), 201);
        assertEquals("REQUEST_EXTENSION", evaluated.path("choice").asText());
        assertEquals("measure-already-evaluated", assertProblem(send("POST", caseUrl + "/measures/"
                + ots.path("id").asText() + "/evaluation", "{\"evaluatedOn\":\"%s\",\"choice\":\"END\",\"reasons\":\"x\"}"
                .formatted(today), "application/json"), 409).path("rule").asText());

        // --- a wait for a GI worker, Anna responsible meanwhile
        JsonNode wait = post(caseUrl + "/waits", """
                {"waitFor":"GI_WORKER","waitingOn":"GI Gelderland","responsibleId":"%s","since":"%s","expected":"%s"}"""
                .formatted(PROFESSIONAL, today.minusDays(20), today.plusDays(10)), 201);
        assertEquals(20, wait.path("ageDays").asInt());
        assertEquals("Anna de Vries", wait.path("responsibleName").asText());

        // --- maatwerk: Arnhem decides one before its deadline; another passes its deadline
        JsonNode inTime = post(caseUrl + "/maatwerk", """
                {"personId":"%s","provider":"Praktijk De Linde","motivation":"Traumabehandeling in het Tigrinya."}"""
                .formatted(daughter), 201);
        JsonNode late = post(caseUrl + "/maatwerk", """
                {"personId":"%s","provider":"Zorgboerderij Het Hof","motivation":"Dagbesteding."}""".formatted(daughter), 201);
        JsonNode decided = json(sendAs(ARNHEM_DECIDER, "POST", "/api/v1/municipality/inbox/" + inTime.path("id").asText()
                + "/decision", "{\"outcome\":\"GRANTED\",\"reasons\":\"Past bij de vraag.\"}", "application/json"), 200);
        assertEquals(ARNHEM_DECIDER, decided.path("decision").path("decidedBy").asText());
        sql("UPDATE maatwerk_request SET deadline = ? WHERE id = ?", today.minusDays(1), late.path("id").asText());
        careFinder.checkDeadlines();
        assertTrue("Arnhem is alerted", alerted(ARNHEM_DECIDER, caseId, "MAATWERK_OVERDUE"));
        assertTrue("Anna is alerted", alerted(PROFESSIONAL, caseId, "MAATWERK_OVERDUE"));
        JsonNode undecided = post(caseUrl + "/maatwerk", """
                {"personId":"%s","provider":"Praktijk Noord","motivation":"Ouderbegeleiding."}""".formatted(mother), 201);

        // --- a second signal about the same mother is linked, not duplicated
        String second = """
                {"kind":"SIGNAL","source":"POLICE","description":"Politie meldt ruzie bij moeder.","receivedOn":"%s",
                 "municipality":"Arnhem","members":[{"personId":"%s","roles":["PARENT"]}]}""".formatted(today, mother);
        JsonNode exists = assertProblem(send("POST", "/api/v1/cases", second, "application/json"), 409);
        assertEquals("open-case-exists", exists.path("rule").asText());
        assertEquals(caseId, exists.path("caseIds").get(0).asText());
        JsonNode linked = post(caseUrl + "/signals", second, 201);
        JsonNode police = post(caseUrl + "/reporters", "{\"signalId\":\"%s\",\"organisation\":\"Politie Oost-Nederland\","
                .formatted(linked.path("id").asText()) + "\"contact\":\"wijkagent Jansen\"}", 201);
        assertEquals(linked.path("id").asText(), police.path("signalId").asText());

        // --- mother and daughter follow: the case's municipality moves to Nijmegen
        assertNull(find(json(getAs(NIJMEGEN_DECIDER, "/api/v1/municipality/inbox"), 200), "id",
                undecided.path("id").asText()));
        HttpResponse<String> read = get(caseUrl);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String move = "{\"municipality\":\"%s\",\"movedOn\":\"%s\",\"reason\":\"%s\"}";
        assertEquals("same-municipality", assertProblem(send("POST", caseUrl + "/municipality",
                move.formatted("Arnhem", today, "x"), "application/json"), 409).path("rule").asText());
        assertEquals("municipality", assertProblem(send("POST", caseUrl + "/municipality",
                move.formatted("Arnhm", today, "x"), "application/json"), 400).path("field").asText());
        assertEquals(412, send("POST", caseUrl + "/municipality", move.formatted("Nijmegen", today, "x"),
                "application/json", "If-Match", "\"999\"").statusCode());
        HttpResponse<String> moved = send("POST", caseUrl + "/municipality", move.formatted("nijmegen", today.minusDays(2),
                "Moeder en Noor wonen nu ook in Nijmegen (BRP-mutatie)."), "application/json", "If-Match", etag);
        JsonNode movedCase = json(moved, 200);
        assertEquals("Nijmegen", movedCase.path("municipality").asText());
        JsonNode moves = json(get(caseUrl + "/municipality/moves"), 200);
        assertEquals(1, moves.size());
        assertEquals("Arnhem", moves.get(0).path("fromMunicipality").asText());
        assertEquals(PROFESSIONAL, moves.get(0).path("recordedBy").asText());
        assertEquals("the undecided and the overdue request", 2, moves.get(0).path("requestsMoved").asInt());
        assertEquals(1, moves.get(0).path("waitsMoved").asInt());
        assertTrue(get(caseUrl + "/history").body().contains("BRP-mutatie"));
        // the undecided request is Nijmegen's to decide now; the decided one stays Arnhem's
        assertNotNull(find(json(getAs(NIJMEGEN_DECIDER, "/api/v1/municipality/inbox"), 200), "id",
                undecided.path("id").asText()));
        assertNull(find(json(getAs(ARNHEM_DECIDER, "/api/v1/municipality/inbox"), 200), "id",
                undecided.path("id").asText()));
        assertNotNull(find(json(getAs(ARNHEM_DECIDER, "/api/v1/municipality/inbox?all=true"), 200), "id",
                inTime.path("id").asText()));
        // need to know follows: Nijmegen finds it, Arnhem's colleague off the team no longer sees it, Anna (team) does
        assertTrue(getAs(NIJMEGEN, "/api/v1/cases?municipality=Nijmegen&size=100").body().contains(caseId));
        assertEquals("other_municipality", assertProblem(getAs(FATIMA, caseUrl), 403).path("reason").asText());
        assertEquals(200, get(caseUrl).statusCode());

        // --- the wait kept its age and its responsible throughout, now on Nijmegen's list
        JsonNode waitNow = json(get(caseUrl + "/waits"), 200).get(0);
        assertEquals(20, waitNow.path("ageDays").asInt());
        assertEquals("Anna de Vries", waitNow.path("responsibleName").asText());
        assertTrue(waitNow.path("responsibleActive").asBoolean());
        assertNotNull(find(json(getAs(NIJMEGEN_DECIDER, "/api/v1/waits?municipality=Nijmegen"), 200), "caseId", caseId));

        // --- the Raad investigates Noor; its report is due in three months, an overdue one alerts Anna
        JsonNode raad = post(caseUrl + "/raad-investigations", """
                {"personId":"%s","question":"Is een ondertoezichtstelling van Noor nodig?","requestedOn":"%s"}"""
                .formatted(daughter, today), 201);
        assertEquals(today.plusMonths(3).toString(), raad.path("reportDue").asText());
        sql("UPDATE raad_investigation SET report_due = ? WHERE id = ?", today.minusDays(1), raad.path("id").asText());
        living.checkCycles();
        assertTrue(alerted(PROFESSIONAL, caseId, "RAAD_REPORT_OVERDUE"));
        JsonNode reported = post(caseUrl + "/raad-investigations/" + raad.path("id").asText() + "/report", """
                {"reportedOn":"%s","conclusion":"MEASURE_REQUESTED","summary":"Verzoek OTS voor Noor ingediend."}"""
                .formatted(today), 200);
        assertEquals("MEASURE_REQUESTED", reported.path("conclusion").asText());

        // --- the school was not told in time: Anna is alerted; then she tells them, without case content
        sql("UPDATE signal_reporter SET feedback_due = ? WHERE id = ?", today.minusDays(1), reporter.path("id").asText());
        living.checkCycles();
        assertTrue(alerted(PROFESSIONAL, caseId, "REPORTER_FEEDBACK_OVERDUE"));
        JsonNode told = post(caseUrl + "/reporters/" + reporter.path("id").asText() + "/feedback",
                "{\"outcome\":\"FOLLOW_UP_STARTED\",\"channel\":\"PHONE\",\"toldOn\":\"%s\"}".formatted(today), 200);
        assertFalse(told.path("message").asText().isEmpty());
        assertFalse(told.path("message").asText().contains("Verhoef"));
        assertEquals("reporter-told", assertProblem(send("POST", caseUrl + "/reporters/" + reporter.path("id").asText()
                + "/feedback", "{\"outcome\":\"NO_FOLLOW_UP\",\"channel\":\"EMAIL\",\"toldOn\":\"%s\"}".formatted(today),
                "application/json"), 409).path("rule").asText());

        // --- six professionals around the family: Anna gets a notice naming them (no content)
        for (String[] p : new String[][] {{"gijs.gi", "Gijs Bakker", "GI Gelderland", "GI"},
                {"rob.rvt", "Rob Smit", "RVT Oost", "RVT_PROFESSIONAL"}, {"vera.vt", "Vera Kok", "Veilig Thuis", "VEILIG_THUIS"},
                {"ben.bs", "Ben de Wit", "Karakter", "BEHAVIOURAL_SCIENTIST"}}) {
            post(caseUrl + "/team", team(p[0], p[1], p[2], p[3], false), 200);
        }
        assertEquals("[]", get("/api/v1/notices/professionals").body());
        living.checkCycles();
        JsonNode notices = json(get("/api/v1/notices/professionals"), 200);
        assertEquals(notices.toString(), 1, notices.size());
        assertEquals(6, notices.get(0).path("count").asInt());
        assertTrue(notices.toString().contains("Gijs Bakker") && notices.toString().contains("Nina Jansen"));
        assertFalse(notices.toString().contains("Verhoef"));

        // --- every step is in the access log
        String log = getAs(AUDITOR, "/api/v1/audit/log?caseId=" + caseId + "&limit=1000").body();
        for (String route : List.of("/cases/{caseId}/municipality", "/measures/{measureId}/evaluation",
                "/cases/{caseId}/raad-investigations", "/reporters/{reporterId}/feedback")) {
            assertTrue(route, log.contains(route));
        }
        String personLog = getAs(AUDITOR, "/api/v1/audit/log?personId=" + son + "&limit=1000").body();
        assertTrue(personLog, personLog.contains("/households/{householdId}/members/{memberId}/end"));
    }
}
