package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.store.Database;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Issue 14 part 4 through HTTP in the real distribution: the municipality decides in the platform. A
 * professional asks Arnhem for maatwerk and care; the case's professional can no longer record the
 * decision (409 municipality-decides); Arnhem's MUNICIPALITY user sees its inbox (and nothing of the
 * case beyond the request), decides with reasons before the deadline, which follows Arnhem's own term;
 * Ede's user cannot see or decide Arnhem's requests (403 other_municipality); a user who asked cannot
 * decide their own request (409 requester-cannot-decide); a request past its deadline alerts Arnhem
 * and the case's fixed professional, not others; the monitor gives the decision time per municipality;
 * every call is in the access log. Subclasses choose the database.
 */
public abstract class MunicipalityDecides extends KarafTestSupport {
    static final String ARNHEM_DECIDER = "mia.arnhem";
    static final String EDE_DECIDER = "eva.ede";
    /** Holds both roles: asks as a professional, and must not decide what they asked. */
    static final String BOTH = "pim.both";

    @Inject
    private UserAdministration users;

    @Inject
    private Database database;

    @Inject
    private CareFinder careFinder;

    /** The test users of this class, in the realm's users file before the first start. */
    static List<Option> options() {
        List<Option> options = new ArrayList<>(baseOptions());
        options.add(editConfigurationFilePut(USERS_FILE, ARNHEM_DECIDER, "{CRYPT}" + PASSWORD_HASH + "{CRYPT},MUNICIPALITY"));
        options.add(editConfigurationFilePut(USERS_FILE, EDE_DECIDER, "{CRYPT}" + PASSWORD_HASH + "{CRYPT},MUNICIPALITY"));
        options.add(editConfigurationFilePut(USERS_FILE, BOTH, "{CRYPT}" + PASSWORD_HASH + "{CRYPT},PROFESSIONAL,MUNICIPALITY"));
        return options;
    }

    private JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        return JSON.readTree(response.body());
    }

    private JsonNode inboxItem(String userId, String requestId) throws Exception {
        for (JsonNode i : json(getAs(userId, "/api/v1/municipality/inbox?all=true"), 200)) {
            if (i.path("id").asText().equals(requestId)) {
                return i;
            }
        }
        return null;
    }

    @Test
    public void theMunicipalityDecidesInThePlatform() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        token(ARNHEM_DECIDER);
        token(EDE_DECIDER);
        token(BOTH);
        users.setMunicipalities(ARNHEM_DECIDER, Set.of("Arnhem"));
        users.setMunicipalities(EDE_DECIDER, Set.of("Ede"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));

        // Arnhem's own decision term, set by the regional administrator (the register's municipality)
        as(ADMINISTRATOR);
        assertProblem(send("PUT", "/api/v1/municipalities/GM0202/decision-term", "{\"days\":0}", "application/json"), 400);
        JsonNode term = json(send("PUT", "/api/v1/municipalities/GM0202/decision-term", "{\"days\":28}",
                "application/json"), 200);
        assertEquals(28, term.path("days").asInt());
        assertTrue(term.path("own").asBoolean());
        assertEquals(56, json(getAs(ARNHEM_DECIDER, "/api/v1/municipalities/Ede/decision-term"), 200).path("days").asInt());
        as(PROFESSIONAL);
        assertEquals(403, send("PUT", "/api/v1/municipalities/GM0202/decision-term", "{\"days\":7}",
                "application/json").statusCode());

        // a case in Arnhem with anna as its fixed professional
        String mother = person("Lotte", "Smits", "1990-02-03");
        String son = person("Bram", "Smits", "2013-06-07");
        JsonNode kase = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School maakt zich zorgen om Bram.",
                 "receivedOn":"%s","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["PARENT"]},{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(today, mother, son), 201);
        String caseUrl = "/api/v1/cases/" + kase.path("id").asText();
        post(caseUrl + "/team", """
                {"professionalId":"anna.local","name":"Anna de Vries","organisation":"Wijkteam Arnhem-Oost",
                 "role":"FIXED_PROFESSIONAL","casusregie":true}""", 200);
        post(caseUrl + "/team", """
                {"professionalId":"fatima.local","name":"Fatima El Amrani","organisation":"Wijkteam Arnhem-Oost",
                 "role":"RVT_PROFESSIONAL","casusregie":false}""", 200);

        JsonNode decidedInTime = post(caseUrl + "/maatwerk", """
                {"personId":"%s","provider":"Praktijk De Linde","motivation":"Geen gecontracteerde aanbieder past."}"""
                .formatted(son), 201);
        assertEquals(today.plusDays(28).toString(), decidedInTime.path("deadline").asText());
        JsonNode leftWaiting = post(caseUrl + "/maatwerk", """
                {"personId":"%s","provider":"Zorgboerderij Het Hof","motivation":"Dagbesteding op de boerderij."}"""
                .formatted(son), 201);
        JsonNode care = post(caseUrl + "/care-requests", """
                {"personId":"%s","provider":"12345678","productCategory":"45","start":"%s",
                 "motivation":"Ambulante gezinsbehandeling"}""".formatted(son, today.plusDays(7)), 201);

        // the professional no longer records the municipality's decision
        JsonNode closed = assertProblem(send("POST", caseUrl + "/maatwerk/" + decidedInTime.path("id").asText()
                + "/decision", "{\"state\":\"GRANTED\",\"detail\":\"zelf toegekend\"}", "application/json"), 409);
        assertEquals("municipality-decides", closed.path("rule").asText());

        // Arnhem's inbox: the three requests, what deciding needs, nothing else of the case
        JsonNode item = inboxItem(ARNHEM_DECIDER, decidedInTime.path("id").asText());
        assertTrue("in Arnhem's inbox", item != null);
        assertEquals("MAATWERK", item.path("kind").asText());
        assertEquals("Bram Smits", item.path("personName").asText());
        assertEquals(today.plusDays(28).toString(), item.path("deadline").asText());
        assertFalse(item.toString(), item.toString().contains("School maakt zich zorgen"));
        JsonNode careItem = inboxItem(ARNHEM_DECIDER, care.path("id").asText());
        assertEquals(today.plusDays(28).toString(), careItem.path("deadline").asText());
        assertEquals(403, getAs(ARNHEM_DECIDER, caseUrl).statusCode());
        // Ede sees none of it and cannot decide it
        assertEquals(null, inboxItem(EDE_DECIDER, decidedInTime.path("id").asText()));
        JsonNode outside = assertProblem(sendAs(EDE_DECIDER, "POST", "/api/v1/municipality/inbox/"
                + decidedInTime.path("id").asText() + "/decision", "{\"outcome\":\"REFUSED\",\"reasons\":\"nee\"}",
                "application/json"), 403);
        assertEquals("other_municipality", outside.path("reason").asText());

        // Arnhem decides before the deadline
        String decideUrl = "/api/v1/municipality/inbox/" + decidedInTime.path("id").asText() + "/decision";
        assertProblem(sendAs(ARNHEM_DECIDER, "POST", decideUrl, "{\"outcome\":\"MAYBE\",\"reasons\":\"?\"}",
                "application/json"), 400);
        JsonNode decided = json(sendAs(ARNHEM_DECIDER, "POST", decideUrl,
                "{\"outcome\":\"PARTLY\",\"reasons\":\"Zes maanden in plaats van twaalf.\"}", "application/json"), 200);
        assertEquals("PARTLY", decided.path("decision").path("outcome").asText());
        assertEquals(ARNHEM_DECIDER, decided.path("decision").path("decidedBy").asText());
        assertEquals(today.plusDays(42).toString(), decided.path("decision").path("objectionUntil").asText());
        assertEquals("already-decided", assertProblem(sendAs(ARNHEM_DECIDER, "POST", decideUrl,
                "{\"outcome\":\"REFUSED\",\"reasons\":\"toch niet\"}", "application/json"), 409).path("rule").asText());
        JsonNode asCaseSees = json(get(caseUrl + "/maatwerk"), 200);
        assertEquals("PARTLY", asCaseSees.get(0).path("state").asText());
        json(sendAs(ARNHEM_DECIDER, "POST", "/api/v1/municipality/inbox/" + care.path("id").asText() + "/decision",
                "{\"outcome\":\"GRANTED\",\"reasons\":\"Past bij de vraag.\"}", "application/json"), 200);

        // whoever asked cannot decide their own request, even holding the municipality's role
        as(BOTH);
        String own = person("Sem", "Smits", "2016-01-01");
        JsonNode ownCase = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"Zorgen om Sem.","receivedOn":"%s","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(today, own), 201);
        JsonNode asked = post("/api/v1/cases/" + ownCase.path("id").asText() + "/maatwerk", """
                {"personId":"%s","provider":"Praktijk De Linde","motivation":"Eigen vraag."}""".formatted(own), 201);
        assertEquals("requester-cannot-decide", assertProblem(send("POST", "/api/v1/municipality/inbox/"
                + asked.path("id").asText() + "/decision", "{\"outcome\":\"GRANTED\",\"reasons\":\"ja\"}",
                "application/json"), 409).path("rule").asText());
        as(PROFESSIONAL);

        // the other request passes its deadline (eight weeks later, as the deadline watch would see it)
        database.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE maatwerk_request SET deadline = ? WHERE id = ?")) {
                ps.setObject(1, today.minusDays(1));
                ps.setString(2, leftWaiting.path("id").asText());
                return ps.executeUpdate();
            }
        });
        assertTrue(careFinder.checkDeadlines() >= 1);
        assertTrue(inboxItem(ARNHEM_DECIDER, leftWaiting.path("id").asText()).path("overdue").asBoolean());
        String caseId = kase.path("id").asText();
        assertTrue("Arnhem is alerted", alerted(ARNHEM_DECIDER, caseId));
        assertTrue("the fixed professional is alerted", alerted(PROFESSIONAL, caseId));
        assertFalse("not the RVT colleague", alerted(FATIMA, caseId));
        assertFalse("not Ede", alerted(EDE_DECIDER, caseId));
        assertEquals(403, getAs(COORDINATOR, "/api/v1/municipality/alerts").statusCode());

        // the monitor: time from request to decision per municipality
        JsonNode arnhem = null;
        for (JsonNode row : json(getAs(COORDINATOR, "/api/v1/monitor/decision-times"), 200)) {
            if (row.path("municipality").asText().equals("Arnhem")) {
                arnhem = row;
            }
        }
        assertTrue(arnhem != null);
        assertTrue(arnhem.toString(), arnhem.path("decided").asLong() >= 2);
        assertTrue(arnhem.toString(), arnhem.path("overdue").asLong() >= 1);
        assertTrue(arnhem.toString(), arnhem.path("averageDays").isNumber());
        for (JsonNode row : json(getAs(EDE_DECIDER, "/api/v1/monitor/decision-times"), 200)) {
            assertEquals("Ede's user sees Ede only", "Ede", row.path("municipality").asText());
        }

        // the access log holds the decision, by its decider, naming the person it concerns
        JsonNode log = json(getAs(AUDITOR, "/api/v1/audit/log?userId=" + ARNHEM_DECIDER + "&limit=1000"), 200);
        boolean logged = false;
        for (JsonNode e : log) {
            logged |= e.path("detail").asText().contains("POST /municipality/inbox/{requestId}/decision maatwerk request "
                    + decidedInTime.path("id").asText()) && caseId.equals(e.path("caseId").asText())
                    && e.path("personIds").toString().contains(son) && "SUCCESS".equals(e.path("outcome").asText());
        }
        assertTrue(log.toString(), logged);
    }

    /** Issue 14 part 5: a wait for a GI worker shows its age and the responsible professional throughout. */
    @Test
    public void waitingIsExplicit() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        token(ARNHEM_DECIDER);
        token(EDE_DECIDER);
        users.setMunicipalities(ARNHEM_DECIDER, Set.of("Arnhem"));
        users.setMunicipalities(EDE_DECIDER, Set.of("Ede"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        String child = person("Mila", "Wachter", "2012-03-04");
        JsonNode kase = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Politie meldt zorgen om Mila.","receivedOn":"%s",
                 "municipality":"Arnhem","members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(today, child), 201);
        String caseId = kase.path("id").asText();
        String caseUrl = "/api/v1/cases/" + caseId;
        post(caseUrl + "/team", """
                {"professionalId":"anna.local","name":"Anna de Vries","organisation":"Wijkteam Arnhem-Oost",
                 "role":"FIXED_PROFESSIONAL","casusregie":true}""", 200);
        post(caseUrl + "/team", """
                {"professionalId":"fatima.local","name":"Fatima El Amrani","organisation":"Wijkteam Arnhem-Oost",
                 "role":"RVT_PROFESSIONAL","casusregie":false}""", 200);

        String gi = """
                {"waitFor":"GI_WORKER","waitingOn":"GI Gelderland","responsibleId":"%s","since":"%s","expected":"%s",
                 "note":"OTS uitgesproken"}""";
        JsonNode nobody = assertProblem(send("POST", caseUrl + "/waits", gi.formatted("nobody", today.minusDays(10),
                today.plusDays(5)), "application/json"), 409);
        assertEquals("no-interim-responsible", nobody.path("rule").asText());
        assertProblem(send("POST", caseUrl + "/waits", gi.formatted("fatima.local", today.plusDays(1), today.plusDays(5)),
                "application/json"), 400);
        JsonNode wait = post(caseUrl + "/waits", gi.formatted("fatima.local", today.minusDays(10), today.plusDays(5)), 201);
        assertEquals(10, wait.path("ageDays").asInt());
        assertEquals("Fatima El Amrani", wait.path("responsibleName").asText());
        JsonNode onCase = json(get(caseUrl + "/waits"), 200);
        assertEquals(1, onCase.size());
        assertTrue(onCase.get(0).path("responsibleActive").asBoolean());

        // a care request that could not be sent (no connector bound) is not waited on
        JsonNode unsent = post(caseUrl + "/care-requests", """
                {"personId":"%s","provider":"12345678","productCategory":"45","start":"%s","motivation":"Hulp thuis"}"""
                .formatted(child, today.plusDays(7)), 201);
        assertEquals("FALLBACK", unsent.path("state").asText());
        assertEquals("care-request-not-sent", assertProblem(send("POST", caseUrl + "/waits", """
                {"waitFor":"CARE","waitingOn":"Karakter","careRequestId":"%s","responsibleId":"anna.local"}"""
                .formatted(unsent.path("id").asText()), "application/json"), 409).path("rule").asText());

        // the waiting lists: per organisation and municipality, without the family
        JsonNode list = json(getAs(COORDINATOR, "/api/v1/waits?waitingOn=GI%20Gelderland"), 200);
        JsonNode listed = null;
        for (JsonNode i : list) {
            if (i.path("caseId").asText().equals(caseId)) {
                listed = i;
            }
        }
        assertTrue(list.toString(), listed != null);
        assertEquals(10, listed.path("ageDays").asInt());
        assertEquals("Fatima El Amrani", listed.path("responsibleName").asText());
        assertFalse(list.toString(), list.toString().contains("Wachter"));
        assertTrue(json(getAs(ARNHEM_DECIDER, "/api/v1/waits?municipality=Arnhem"), 200).toString().contains(caseId));
        assertFalse(json(getAs(EDE_DECIDER, "/api/v1/waits"), 200).toString().contains(caseId));
        assertEquals(403, getAs(PROFESSIONAL, "/api/v1/waits").statusCode());
        boolean counted = false;
        for (JsonNode row : json(getAs(COORDINATOR, "/api/v1/monitor/waits"), 200)) {
            counted |= row.path("municipality").asText().equals("Arnhem") && row.path("waitFor").asText().equals("GI_WORKER")
                    && row.path("waiting").asInt() >= 1 && row.path("oldestDays").asInt() >= 10;
        }
        assertTrue(counted);

        // the wait ends when the GI worker starts
        String end = caseUrl + "/waits/" + wait.path("id").asText() + "/end";
        JsonNode ended = json(send("POST", end, "{\"reason\":\"Jeugdbeschermer Kim is begonnen\"}", "application/json"), 200);
        assertEquals(today.toString(), ended.path("endedOn").asText());
        assertEquals("wait-ended", assertProblem(send("POST", end, "{\"reason\":\"nog eens\"}", "application/json"), 409)
                .path("rule").asText());
        assertFalse(json(getAs(COORDINATOR, "/api/v1/waits"), 200).toString().contains(caseId));
    }

    private boolean alerted(String userId, String caseId) throws Exception {
        for (JsonNode a : json(getAs(userId, "/api/v1/municipality/alerts"), 200)) {
            if (caseId.equals(a.path("caseId").asText()) && a.path("kind").asText().equals("MAATWERK_OVERDUE")) {
                return true;
            }
        }
        return false;
    }
}
