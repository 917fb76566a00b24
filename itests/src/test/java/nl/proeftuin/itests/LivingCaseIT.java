package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.security.UserAdministration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The living case (issue 14, decision 0032) through HTTP in the real distribution: a team across
 * municipalities, the measure per child.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LivingCaseIT extends KarafTestSupport {

    @Inject
    private UserAdministration users;

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    /** A case Anna opens in Arnhem with a mother and a son; returns {caseId, mother, son}. */
    private static String[] arnhemCase() throws Exception {
        String mother = person("Samira", "Bakker", "1988-02-02");
        String son = person("Daan", "Bakker", "2014-06-06");
        String caseId = openArnhemCase(mother, "PARENT", son, "CHILD");
        post("/api/v1/cases/" + caseId + "/team", """
                {"professionalId":"anna.local","name":"Anna de Vries","organisation":"Wijkteam Arnhem",
                 "role":"FIXED_PROFESSIONAL","casusregie":true}""", 200);
        return new String[] {caseId, mother, son};
    }

    /** Part 3: the family moved half to Nijmegen; Nijmegen's local team joins the Arnhem case. */
    @Test
    public void aProfessionalOfAnotherMunicipalityOnTheTeamReadsAndWritesTheCase() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        token(NIJMEGEN);
        users.setMunicipalities(NIJMEGEN, Set.of("Nijmegen"));
        String[] k = arnhemCase();
        String caseUrl = "/api/v1/cases/" + k[0];
        assertEquals("other_municipality", assertProblem(getAs(NIJMEGEN, caseUrl), 403).path("reason").asText());

        JsonNode team = post(caseUrl + "/team", """
                {"professionalId":"nina.nijmegen","name":"Nina Jansen","organisation":"Wijkteam Nijmegen",
                 "role":"CARE_PROVIDER","casusregie":false}""", 200);
        String assignmentId = null;
        for (JsonNode a : team.path("team")) {
            if ("nina.nijmegen".equals(a.path("professionalId").asText())) {
                assignmentId = a.path("id").asText();
            }
        }
        // reads the case, its members and its history; writes an entry
        HttpResponse<String> read = getAs(NIJMEGEN, caseUrl);
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals(200, getAs(NIJMEGEN, "/api/v1/persons/" + k[2]).statusCode());
        assertEquals(200, getAs(NIJMEGEN, caseUrl + "/history").statusCode());
        HttpResponse<String> written = sendAs(NIJMEGEN, "POST", caseUrl + "/entries",
                "{\"kind\":\"FACT\",\"text\":\"Huisbezoek bij vader in Nijmegen.\",\"source\":\"Huisbezoek\"}", "application/json");
        assertEquals(written.body(), 201, written.statusCode());
        // her own case list shows the case she is on the team of (decision 0046); opening a case stays within
        // her municipalities
        assertTrue(getAs(NIJMEGEN, "/api/v1/cases?size=100").body().contains(k[0]));
        HttpResponse<String> open = sendAs(NIJMEGEN, "POST", "/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"%s","municipality":"Arnhem",
                 "members":[]}""".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), "application/json");
        assertEquals("other_municipality", assertProblem(open, 403).path("reason").asText());
        // logged as such
        String log = getAs(AUDITOR, "/api/v1/audit/log?caseId=" + k[0] + "&userId=nina.nijmegen&limit=1000").body();
        assertTrue(log, log.contains("team across municipalities"));

        // the assignment ends: the scope is back at once
        post(caseUrl + "/team/" + assignmentId + "/end", "{\"reason\":\"Vader verhuisd naar Arnhem.\"}", 200);
        assertEquals("other_municipality", assertProblem(getAs(NIJMEGEN, caseUrl), 403).path("reason").asText());
        assertFalse(getAs(NIJMEGEN, "/api/v1/cases?size=100").body().contains(k[0]));
    }

    /** Part 2 (first piece): a measure per child, with its court decision, term and end. */
    @Test
    public void aMeasureIsRecordedPerChildWithItsCourtDecisionAndEnds() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String[] k = arnhemCase();
        String measures = "/api/v1/cases/" + k[0] + "/measures";
        LocalDate start = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusMonths(2);
        String ots = """
                {"personId":"%s","type":"OTS","startDate":"%s","endDate":"%s",
                 "courtDecisionReference":"C/05/412345 / JE RK 26-1001"}""";
        // the mother is no child of the case; an OTS needs its end date; the reference is required
        assertEquals("measure-child-not-in-case", assertProblem(send("POST", measures,
                ots.formatted(k[1], start, start.plusYears(1)), "application/json"), 409).path("rule").asText());
        assertEquals("endDate", assertProblem(send("POST", measures, """
                {"personId":"%s","type":"OTS","startDate":"%s","courtDecisionReference":"C/05/1"}"""
                .formatted(k[2], start), "application/json"), 400).path("field").asText());
        assertEquals("endDate", assertProblem(send("POST", measures,
                ots.formatted(k[2], start, start.minusDays(1)), "application/json"), 400).path("field").asText());
        assertEquals("courtDecisionReference", assertProblem(send("POST", measures, """
                {"personId":"%s","type":"OTS","startDate":"%s","endDate":"%s"}"""
                .formatted(k[2], start, start.plusYears(1)), "application/json"), 400).path("field").asText());

        HttpResponse<String> created = send("POST", measures, ots.formatted(k[2], start, start.plusYears(1)),
                "application/json");
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode m = JSON.readTree(created.body());
        assertEquals(k[2], m.path("personId").asText());
        assertEquals(start.plusYears(1).toString(), m.path("endDate").asText());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/measures/" + m.path("id").asText()));
        assertEquals("measure-already-running", assertProblem(send("POST", measures,
                ots.formatted(k[2], start.plusMonths(1), start.plusYears(1)), "application/json"), 409).path("rule").asText());
        JsonNode list = JSON.readTree(get(measures).body());
        assertEquals(1, list.size());
        assertEquals("C/05/412345 / JE RK 26-1001", list.get(0).path("courtDecisionReference").asText());

        String end = measures + "/" + m.path("id").asText() + "/end";
        JsonNode ended = post(end, "{\"endedOn\":\"%s\",\"reason\":\"Opgeheven: het gaat goed.\"}"
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), 200);
        assertEquals(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(), ended.path("endedOn").asText());
        assertEquals("measure-ended", assertProblem(send("POST", end, "{\"endedOn\":\"%s\",\"reason\":\"x\"}"
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), "application/json"), 409).path("rule").asText());
        assertProblem(send("POST", measures + "/no-such-measure/end", "{\"endedOn\":\"%s\",\"reason\":\"x\"}"
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), "application/json"), 404);
        // history and access log name the child
        assertTrue(get("/api/v1/cases/" + k[0] + "/history").body().contains("CHILD_MEASURE_ENDED"));
        String log = getAs(AUDITOR, "/api/v1/audit/log?personId=" + k[2] + "&limit=1000").body();
        assertTrue(log, log.contains("/measures"));
        // another professional of the region, not on the team, cannot see the measures
        assertEquals("not_assigned", assertProblem(getAs(FATIMA, measures), 403).path("reason").asText());
    }

    /**
     * Part 7: the joint (Veiligheidshuis) triage is completed only by assessments of different users who
     * hold the directors' roles; they see the cases pending their assessment without joining the team.
     */
    @Test
    public void theJointTriageIsCompletedByTheTwoDirectorsThemselves() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature("proeftuin-plugin-triage-veiligheidshuis");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!getAs(COORDINATOR, "/api/v1/plugins").body().contains("\"triage-veiligheidshuis\"")) {
            assertTrue("the plugin appears", System.nanoTime() < deadline);
            Thread.sleep(100);
        }
        HttpResponse<String> bound = sendAs(COORDINATOR, "PUT", "/api/v1/bindings/TRIAGE/municipalities/Ede",
                JSON.writeValueAsString(Map.of("pluginId", "triage-veiligheidshuis", "configuration", Map.of(),
                        "reason", "test: joint triage in Ede")), "application/json");
        assertEquals(bound.body(), 200, bound.statusCode());
        token(SAFETY_DIRECTOR);
        users.setMunicipalities(SAFETY_DIRECTOR, Set.of("Ede"));

        String child = person("Noor", "Jansen", "2014-06-01");
        String caseId = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Herhaald huiselijk geweld.","receivedOn":"%s",
                 "municipality":"Ede","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), child), 201).path("id").asText();
        String caseUrl = "/api/v1/cases/" + caseId;
        // before the triage waits for them, the directors see nothing of the case
        assertEquals("not_assigned", assertProblem(getAs(SAFETY_DIRECTOR, caseUrl), 403).path("reason").asText());
        JsonNode pending = post(caseUrl + "/triage", """
                {"problemDomains":["SAFETY","PARENTING"],"safetyConcern":"SERIOUS","repeatedViolence":true,
                 "earlierHelpWithoutResult":true,"parentalProblems":[]}""", 201);
        assertTrue(pending.toString(), pending.path("decision").path("pending").asBoolean());

        String assessment = "{\"assessorRole\":\"%s\",\"recommendation\":\"VEILIGHEIDSHUIS_TABLE\",\"note\":\"%s\"}";
        // the case's own professional cannot post a director's assessment
        assertEquals("assessor-role-required", assertProblem(send("POST", caseUrl + "/triage/assessments",
                assessment.formatted("SAFETY_DIRECTOR", "namens de directeur"), "application/json"), 409)
                .path("rule").asText());
        // the safety director: the case is on her list, she reads it, she cannot change anything else
        assertTrue(getAs(SAFETY_DIRECTOR, "/api/v1/triage/assessments/pending").body().contains(caseId));
        assertEquals(200, getAs(SAFETY_DIRECTOR, caseUrl).statusCode());
        assertEquals("role", assertProblem(sendAs(SAFETY_DIRECTOR, "POST", caseUrl + "/entries",
                "{\"kind\":\"FACT\",\"text\":\"x\",\"source\":\"y\"}", "application/json"), 403).path("reason").asText());
        assertEquals("assessor-role-required", assertProblem(sendAs(SAFETY_DIRECTOR, "POST", caseUrl
                + "/triage/assessments", assessment.formatted("PROCESS_DIRECTOR", "ook dit"), "application/json"), 409)
                .path("rule").asText());
        HttpResponse<String> one = sendAs(SAFETY_DIRECTOR, "POST", caseUrl + "/triage/assessments",
                assessment.formatted("SAFETY_DIRECTOR", "structureel onveilig"), "application/json");
        assertEquals(one.body(), 201, one.statusCode());
        assertTrue(JSON.readTree(one.body()).path("decision").path("pending").asBoolean());
        // while the round waits she may still read (and revise) it
        assertEquals(200, getAs(SAFETY_DIRECTOR, caseUrl).statusCode());
        String log = getAs(AUDITOR, "/api/v1/audit/log?caseId=" + caseId + "&userId=" + SAFETY_DIRECTOR + "&limit=1000")
                .body();
        assertTrue(log, log.contains("invited safety_director"));

        // one person holding both roles cannot complete it alone
        assertEquals(201, sendAs(BOTH_DIRECTORS, "POST", caseUrl + "/triage/assessments",
                assessment.formatted("SAFETY_DIRECTOR", "onveilig"), "application/json").statusCode());
        JsonNode alone = assertProblem(sendAs(BOTH_DIRECTORS, "POST", caseUrl + "/triage/assessments",
                assessment.formatted("PROCESS_DIRECTOR", "eens met mezelf"), "application/json"), 409);
        assertEquals("joint-triage-different-assessors", alone.path("rule").asText());
        // the process director completes it
        HttpResponse<String> two = sendAs(PROCESS_DIRECTOR, "POST", caseUrl + "/triage/assessments",
                assessment.formatted("PROCESS_DIRECTOR", "eens"), "application/json");
        assertEquals(two.body(), 201, two.statusCode());
        JsonNode decided = JSON.readTree(two.body()).path("decision");
        assertFalse(decided.toString(), decided.path("pending").asBoolean());
        assertEquals("VEILIGHEIDSHUIS_TABLE", decided.path("route").asText());
        // decided: the directors' invitation is over
        assertEquals("not_assigned", assertProblem(getAs(SAFETY_DIRECTOR, caseUrl), 403).path("reason").asText());
        assertFalse(getAs(SAFETY_DIRECTOR, "/api/v1/triage/assessments/pending").body().contains(caseId));
    }

    /**
     * Part 2: a second signal about the same mother is linked to her open case, not duplicated; a separate
     * case needs a stated reason, which is recorded.
     */
    @Test
    public void aSecondSignalAboutTheSameMotherIsLinkedNotDuplicated() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String[] k = arnhemCase();
        String second = """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School meldt verzuim van Daan.","receivedOn":"%s",
                 "municipality":"Arnhem","members":[{"personId":"%s","roles":["PARENT"]}]}""".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), k[1]);
        // a second case for the same mother: refused, naming the open case (its id, not its content)
        HttpResponse<String> refused = send("POST", "/api/v1/cases", second, "application/json");
        JsonNode problem = assertProblem(refused, 409);
        assertEquals("open-case-exists", problem.path("rule").asText());
        assertEquals(k[0], problem.path("caseIds").get(0).asText());
        assertFalse(refused.body(), refused.body().contains("Bakker"));
        // linking needs the persons to be ones the user may see: 403 for Fatima; Anna links it
        assertEquals(403, sendAs(FATIMA, "POST", "/api/v1/cases/" + k[0] + "/signals", second, "application/json")
                .statusCode());
        String mine = person("Kevin", "Bakker", "1985-01-01");
        assertEquals("signal-persons-not-in-case", assertProblem(send("POST", "/api/v1/cases/" + k[0] + "/signals",
                second.replace(k[1], mine), "application/json"), 409).path("rule").asText());
        HttpResponse<String> linked = send("POST", "/api/v1/cases/" + k[0] + "/signals", second, "application/json");
        assertEquals(linked.body(), 201, linked.statusCode());
        JsonNode signals = JSON.readTree(get("/api/v1/cases/" + k[0] + "/signals").body());
        assertEquals(1, signals.size());
        assertEquals("SCHOOL", signals.get(0).path("source").asText());
        assertTrue(get("/api/v1/cases/" + k[0] + "/history").body().contains("SIGNAL_LINKED"));
        // not duplicated: still one case for the mother
        assertEquals(409, send("POST", "/api/v1/cases", second, "application/json").statusCode());
        // a separate case with a stated reason: opened, the reason recorded in its history
        HttpResponse<String> separate = send("POST", "/api/v1/cases?separateCaseReason="
                + java.net.URLEncoder.encode("Andere kinderen, ander gezin", java.nio.charset.StandardCharsets.UTF_8),
                second, "application/json");
        assertEquals(separate.body(), 201, separate.statusCode());
        String history = get("/api/v1/cases/" + JSON.readTree(separate.body()).path("id").asText() + "/history").body();
        assertTrue(history, history.contains("OPENED_BESIDE_OPEN_CASES") && history.contains("Andere kinderen, ander gezin"));
    }

    /** Part 2: the family system over time: members join, change roles and leave; the history is kept. */
    @Test
    public void membersJoinChangeRolesAndLeaveWithTheirHistoryKept() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String[] k = arnhemCase();
        String caseUrl = "/api/v1/cases/" + k[0];
        String partner = person("Kevin", "Smit", "1986-05-05");
        String baby = person("Liv", "Bakker", LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusMonths(1).toString());
        JsonNode joined = post(caseUrl + "/members", "{\"personId\":\"%s\",\"roles\":[\"PARENT\"],\"reason\":\"Nieuwe partner woont in.\"}"
                .formatted(partner), 200);
        assertEquals(3, joined.path("members").size());
        post(caseUrl + "/members", "{\"personId\":\"%s\",\"roles\":[\"CHILD\"],\"since\":\"%s\"}"
                .formatted(baby, LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusMonths(1)), 200);
        assertEquals("already-member", assertProblem(send("POST", caseUrl + "/members",
                "{\"personId\":\"%s\",\"roles\":[\"PARENT\"]}".formatted(partner), "application/json"), 409)
                .path("rule").asText());
        // a person Anna may not see cannot be pulled in
        String fatimas = sendAs(FATIMA, "POST", "/api/v1/persons",
                "{\"givenName\":\"Els\",\"familyName\":\"Vos\",\"dateOfBirth\":\"1990-01-01\"}", "application/json").body();
        assertEquals(403, send("POST", caseUrl + "/members", "{\"personId\":\"%s\",\"roles\":[\"NETWORK\"]}"
                .formatted(JSON.readTree(fatimas).path("id").asText()), "application/json").statusCode());
        post(caseUrl + "/members/" + partner + "/roles", "{\"roles\":[\"PARENT\",\"PERPETRATOR\"],\"reason\":\"Incident\"}", 200);
        JsonNode left = post(caseUrl + "/members/" + partner + "/end", "{\"until\":\"%s\",\"reason\":\"Verhuisd.\"}"
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), 200);
        assertEquals(3, left.path("members").size());
        assertFalse(left.toString(), left.path("members").toString().contains(partner));
        // the team still sees the former member
        assertEquals(200, get("/api/v1/persons/" + partner).statusCode());
        JsonNode history = JSON.readTree(get(caseUrl + "/members/history").body());
        List<String> kinds = new java.util.ArrayList<>();
        history.forEach(h -> kinds.add(h.path("kind").asText() + ":" + h.path("personId").asText()));
        assertEquals(List.of("ADDED:" + k[1], "ADDED:" + k[2], "ADDED:" + partner, "ADDED:" + baby,
                "ROLES_CHANGED:" + partner, "ENDED:" + partner), kinds);
        // back again later: a new membership, the history keeps both
        post(caseUrl + "/members", "{\"personId\":\"%s\",\"roles\":[\"NETWORK\"]}".formatted(partner), 200);
        assertEquals(7, JSON.readTree(get(caseUrl + "/members/history").body()).size());
        // the last member cannot leave
        String lone = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"%s","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")),
                person("Alleen", "Kind", "2015-01-01")), 201).path("id").asText();
        JsonNode only = JSON.readTree(get("/api/v1/cases/" + lone).body());
        assertEquals("last-member", assertProblem(send("POST", "/api/v1/cases/" + lone + "/members/"
                + only.path("members").get(0).path("person").path("id").asText() + "/end",
                "{\"until\":\"%s\",\"reason\":\"x\"}".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), "application/json"), 409)
                .path("rule").asText());
    }

    /** Part 2: parental authority (gezag) per child: one or two holders at a time, from when, until when. */
    @Test
    public void parentalAuthorityIsRecordedPerChildWithAtMostTwoHolders() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String[] k = arnhemCase();
        String authority = "/api/v1/cases/" + k[0] + "/authority";
        String father = person("Kevin", "Bakker", "1985-01-01");
        post("/api/v1/cases/" + k[0] + "/members", "{\"personId\":\"%s\",\"roles\":[\"PARENT\"]}".formatted(father), 200);
        String byParent = "{\"personId\":\"%s\",\"holderPersonId\":\"%s\",\"since\":\"2014-06-06\"}";
        assertEquals("authority-child-not-in-case", assertProblem(send("POST", authority,
                byParent.formatted(k[1], father), "application/json"), 409).path("rule").asText());
        assertEquals("holderPersonId", assertProblem(send("POST", authority, "{\"personId\":\"%s\",\"since\":\"2014-06-06\"}"
                .formatted(k[2]), "application/json"), 400).path("field").asText());
        JsonNode mother = post(authority, byParent.formatted(k[2], k[1]), 201);
        post(authority, byParent.formatted(k[2], father), 201);
        assertEquals("authority-already-held", assertProblem(send("POST", authority,
                byParent.formatted(k[2], father), "application/json"), 409).path("rule").asText());
        String gi = "{\"personId\":\"%s\",\"holderOrganisation\":\"William Schrikker Stichting\",\"since\":\"%s\"}"
                .formatted(k[2], LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")));
        assertEquals("authority-at-most-two", assertProblem(send("POST", authority, gi, "application/json"), 409)
                .path("rule").asText());
        // the court ends the mother's authority; a GI then holds it beside the father
        post(authority + "/" + mother.path("id").asText() + "/end", "{\"until\":\"%s\",\"reason\":\"Gezag beëindigd door de rechter.\"}"
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))), 200);
        post(authority, gi, 201);
        JsonNode all = JSON.readTree(get(authority).body());
        assertEquals(3, all.size());
        assertEquals(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(), all.get(0).path("until").asText());
        assertEquals("William Schrikker Stichting", all.get(2).path("holderOrganisation").asText());
        assertTrue(get("/api/v1/cases/" + k[0] + "/history").body().contains("AUTHORITY_ENDED"));
    }

    /**
     * Part 9: a member of a family appears in a second open case: the fixed professionals of both get a
     * notice naming each other and the other case's id, never its content.
     */
    @Test
    public void theFixedProfessionalsOfTwoCasesSharingAMemberAreToldOfEachOther() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String[] anna = arnhemCase();
        // Fatima's own case about a child she recorded; Anna works in it too
        String child = JSON.readTree(sendAs(FATIMA, "POST", "/api/v1/persons",
                "{\"givenName\":\"Mees\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2017-03-03\"}",
                "application/json").body()).path("id").asText();
        HttpResponse<String> opened = sendAs(FATIMA, "POST", "/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"Geheime inhoud van Fatima's casus","receivedOn":"%s",
                 "municipality":"Arnhem","members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), child),
                "application/json");
        assertEquals(opened.body(), 201, opened.statusCode());
        String fatimasCase = JSON.readTree(opened.body()).path("id").asText();
        for (String member : new String[] {
                "{\"professionalId\":\"fatima.local\",\"name\":\"Fatima El Amrani\",\"organisation\":\"Veilig Thuis\",\"role\":\"FIXED_PROFESSIONAL\",\"casusregie\":true}",
                "{\"professionalId\":\"anna.local\",\"name\":\"Anna de Vries\",\"organisation\":\"Wijkteam Arnhem\",\"role\":\"CARE_PROVIDER\",\"casusregie\":false}"}) {
            HttpResponse<String> assigned = sendAs(FATIMA, "POST", "/api/v1/cases/" + fatimasCase + "/team", member,
                    "application/json");
            assertEquals(assigned.body(), 200, assigned.statusCode());
        }
        assertEquals("[]", getAs(FATIMA, "/api/v1/notices/regie").body());
        // Anna adds the child to her own case: the child is in two open cases now
        post("/api/v1/cases/" + anna[0] + "/members", "{\"personId\":\"%s\",\"roles\":[\"CHILD\"]}".formatted(child), 200);
        JsonNode annas = JSON.readTree(get("/api/v1/notices/regie").body());
        assertEquals(annas.toString(), 1, annas.size());
        assertEquals(anna[0], annas.get(0).path("caseId").asText());
        assertEquals(fatimasCase, annas.get(0).path("otherCaseId").asText());
        assertEquals(FATIMA, annas.get(0).path("otherUserId").asText());
        String fatimas = getAs(FATIMA, "/api/v1/notices/regie").body();
        JsonNode hers = JSON.readTree(fatimas);
        assertEquals(1, hers.size());
        assertEquals(anna[0], hers.get(0).path("otherCaseId").asText());
        assertEquals(PROFESSIONAL, hers.get(0).path("otherUserId").asText());
        assertFalse(fatimas, fatimas.contains("Bakker") || fatimas.contains("Melding"));
        assertFalse(annas.toString(), annas.toString().contains("Geheime inhoud"));
    }
}
