package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Scheduled and safe switches and the replay of a candidate triage (issue 15 parts 4 and 5, decision
 * 0031) in the real distribution, through HTTP: a planned switch takes effect at its time (a few
 * seconds ahead) with no restart and no write in between, and ends at its end; a rebind against a
 * stale revision is a 409 binding-changed; a replay over stored triage facts reports exactly the
 * decisions that differ, writes nothing and is in the access log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwitchesIT extends KarafTestSupport {
    private static final String THREEWAY = "proeftuin-plugin-triage-threeway";
    private static final String EXAMPLE = "proeftuin-plugin-example-triage";

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    @Test
    public void aPlannedSwitchTakesEffectAtItsTimeAndAReplayShowsWhatACandidateWouldChange() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature(THREEWAY);
        installFeature(EXAMPLE);
        awaitPlugin("triage-threeway");
        awaitPlugin("example-triage");

        // --- the expected revision ---------------------------------------------------------------------
        JsonNode region = bind("TRIAGE/region", "triage-threeway", null, 200);
        long revision = region.path("revision").asLong();
        JsonNode stale = bind("TRIAGE/region", "example-triage", revision - 1, 409);
        assertEquals(stale.toString(), "binding-changed", stale.path("rule").asText());
        assertEquals(stale.toString(), revision, stale.path("currentRevision").asLong());
        region = bind("TRIAGE/region", "triage-threeway", revision, 200);
        revision = region.path("revision").asLong();

        // --- a planned switch for Arnhem: a few seconds ahead, and its end ----------------------------
        String arnhem = openCase("Arnhem");
        Instant from = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        Instant until = from.plusSeconds(4);
        HttpResponse<String> planned = sendAs(COORDINATOR, "POST", "/api/v1/bindings/TRIAGE/switches",
                JSON.writeValueAsString(Map.of("municipality", "Arnhem", "pluginId", "example-triage",
                        "configuration", Map.of(), "from", from.toString(), "until", until.toString(),
                        "reason", "itest: Arnhem tries the example", "expectedRevision", 0)), "application/json");
        assertEquals(planned.body(), 201, planned.statusCode());
        long switchId = JSON.readTree(planned.body()).get(0).path("id").asLong();
        assertEquals("triage-threeway", effective("Arnhem").path("pluginId").asText());
        assertEquals("triage-threeway", triage(arnhem, 1).path("provenance").path("pluginId").asText());

        sleepUntil(from.plusMillis(300));
        JsonNode now = effective("Arnhem");
        assertEquals(now.toString(), "example-triage", now.path("pluginId").asText());
        assertEquals(now.toString(), switchId, now.path("revision").asLong());
        JsonNode outcome = triage(arnhem, 1);
        assertEquals(outcome.toString(), "example-triage", outcome.path("provenance").path("pluginId").asText());
        assertEquals(outcome.toString(), switchId, outcome.path("provenance").path("bindingRevision").asLong());
        assertEquals("the region's own binding did not change", "triage-threeway",
                effective(null).path("pluginId").asText());

        sleepUntil(until.plusMillis(300));
        assertEquals("ended: the region's applies again", "triage-threeway", effective("Arnhem").path("pluginId").asText());
        JsonNode switches = JSON.readTree(getAs(COORDINATOR, "/api/v1/bindings/switches?point=TRIAGE").body());
        assertEquals(switches.toString(), 2, switches.size());
        switches.forEach(s -> assertEquals(switches.toString(), "APPLIED", s.path("state").asText()));
        String history = getAs(COORDINATOR, "/api/v1/bindings/history?point=TRIAGE").body();
        assertTrue(history, history.contains("itest: Arnhem tries the example (end)"));

        // a switch planned further ahead can be cancelled, and then never takes effect
        HttpResponse<String> later = sendAs(COORDINATOR, "POST", "/api/v1/bindings/TRIAGE/switches",
                JSON.writeValueAsString(Map.of("pluginId", "example-triage", "from",
                        Instant.now().plusSeconds(3600).toString(), "reason", "itest: next quarter")), "application/json");
        assertEquals(later.body(), 201, later.statusCode());
        long laterId = JSON.readTree(later.body()).get(0).path("id").asLong();
        HttpResponse<String> cancelled = sendAs(COORDINATOR, "DELETE", "/api/v1/bindings/TRIAGE/switches/" + laterId
                + "?reason=itest", null, null);
        assertEquals(cancelled.body(), 200, cancelled.statusCode());
        assertEquals("CANCELLED", JSON.readTree(cancelled.body()).path("state").asText());

        // --- replay: three Ede cases triaged by the three-way triage with its defaults ------------------
        String one = openCase("Ede");
        String two = openCase("Ede");
        String three = openCase("Ede");
        assertEquals("LOCAL_TEAM", triage(one, 1).path("decision").path("route").asText());
        assertEquals("LOCAL_TEAM", triage(two, 2).path("decision").path("route").asText());
        assertEquals("REGIONAL_SAFETY_TEAM", triage(three, 3).path("decision").path("route").asText());
        String before = getAs(PROFESSIONAL, "/api/v1/cases/" + two + "/triage").body();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        String candidate = JSON.writeValueAsString(Map.of("pluginId", "triage-threeway",
                "configuration", Map.of("complex.minProblemDomains", "2"), "from", today.minusDays(1).toString(),
                "to", today.toString(), "municipality", "Ede"));
        HttpResponse<String> replayed = sendAs(COORDINATOR, "POST", "/api/v1/triage-replays", candidate,
                "application/json");
        assertEquals(replayed.body(), 200, replayed.statusCode());
        JsonNode r = JSON.readTree(replayed.body());
        assertEquals(r.toString(), 3, r.path("cases").asInt());
        assertEquals(r.toString(), 1, r.path("differing").asInt());
        assertEquals(r.toString(), 0, r.path("failed").asInt());
        Map<String, Integer> table = new HashMap<>();
        r.path("table").forEach(c -> table.put(c.path("oldDecision").asText() + ">" + c.path("newDecision").asText(),
                c.path("cases").asInt()));
        assertEquals(r.toString(), Map.of("LOCAL_TEAM>LOCAL_TEAM", 1, "LOCAL_TEAM>REGIONAL_SAFETY_TEAM", 1,
                "REGIONAL_SAFETY_TEAM>REGIONAL_SAFETY_TEAM", 1), table);
        assertTrue("no case content: " + r, !replayed.body().contains(two) && !replayed.body().contains("Sem"));
        assertEquals("nothing written", before, getAs(PROFESSIONAL, "/api/v1/cases/" + two + "/triage").body());
        assertEquals(403, sendAs(PROFESSIONAL, "POST", "/api/v1/triage-replays", candidate, "application/json")
                .statusCode());
        HttpResponse<String> badConfig = sendAs(COORDINATOR, "POST", "/api/v1/triage-replays",
                candidate.replace("complex.minProblemDomains", "complex.minProblemDomainz"), "application/json");
        assertEquals(badConfig.body(), 400, badConfig.statusCode());

        // replays are in the access log
        JsonNode log = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?action=READ&limit=1000").body());
        List<String> details = new java.util.ArrayList<>();
        log.forEach(e -> details.add(e.path("userId").asText() + " " + e.path("outcome").asText() + " "
                + e.path("detail").asText()));
        assertTrue(details.toString(), details.stream().anyMatch(d -> d.startsWith(COORDINATOR + " SUCCESS")
                && d.contains("/triage-replays")));
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static JsonNode bind(String scopePath, String pluginId, Long expected, int status) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("pluginId", pluginId, "configuration", Map.of(),
                "reason", "itest: bind " + pluginId));
        if (expected != null) {
            body.put("expectedRevision", expected);
        }
        HttpResponse<String> response = sendAs(COORDINATOR, "PUT", "/api/v1/bindings/" + scopePath,
                JSON.writeValueAsString(body), "application/json");
        assertEquals(response.body(), status, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static JsonNode effective(String municipality) throws Exception {
        HttpResponse<String> r = getAs(COORDINATOR, "/api/v1/bindings/effective?point=TRIAGE"
                + (municipality == null ? "" : "&municipality=" + municipality));
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    private static String openCase(String municipality) throws Exception {
        String child = person("Sem", "Kok", "2015-02-03");
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School meldt zorgen.","receivedOn":"%s",
                 "municipality":"%s","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), municipality, child), 201).path("id").asText();
    }

    /** Triage with this many problem domains and nothing else of concern. */
    private static JsonNode triage(String caseId, int domains) throws Exception {
        String list = String.join(",", List.of("\"SAFETY\"", "\"PARENTING\"", "\"HOUSING\"").subList(0, domains));
        return post("/api/v1/cases/" + caseId + "/triage", """
                {"problemDomains":[%s],"safetyConcern":"NONE","repeatedViolence":false,
                 "earlierHelpWithoutResult":false,"parentalProblems":[]}""".formatted(list), 201);
    }

    private static void awaitPlugin(String pluginId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (getAs(COORDINATOR, "/api/v1/plugins").body().contains("\"" + pluginId + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plugin " + pluginId + " never appeared");
    }
}
