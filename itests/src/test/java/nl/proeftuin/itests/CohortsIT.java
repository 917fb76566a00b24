package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The pilot evaluation (issue 15) through HTTP in the real distribution: closing with a structured
 * outcome, the family's experience, named municipality groups, the comparison of two cohorts with its
 * warnings, the pseudonymised CSV, who may call what, and the access log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CohortsIT extends KarafTestSupport {

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        if (Boolean.getBoolean("proeftuin.itest.keep")) {
            options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        return options.toArray(new Option[0]);
    }

    private static String open(String municipality, String personId) throws Exception {
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School maakt zich zorgen.",
                 "receivedOn":"%s","municipality":"%s","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(2), municipality, personId), 201).path("id").asText();
    }

    private static String q(String cohort) {
        return "cohort=" + URLEncoder.encode(cohort, StandardCharsets.UTF_8);
    }

    @Test
    public void closeWithAnOutcomeThenCompareTwoCohorts() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String child = person("Lotte", "Cohortsma", "2016-05-04");
        String other = person("Sem", "Vergelijk", "2012-02-01");
        String arnhem = open("Arnhem", child);
        String ede = open("Ede", other);

        // closing records the structured outcome with its reasons
        JsonNode closed = post("/api/v1/cases/" + arnhem + "/close",
                "{\"reason\":\"Doelen bereikt, gezin redt zich\",\"outcome\":\"GOALS_REACHED\"}", 200);
        assertEquals("CLOSED", closed.path("status").asText());
        JsonNode outcome = JSON.readTree(get("/api/v1/cases/" + arnhem + "/outcome").body());
        assertEquals("GOALS_REACHED", outcome.path("outcome").asText());
        assertEquals("Doelen bereikt, gezin redt zich", outcome.path("reasons").asText());
        assertProblem(send("POST", "/api/v1/cases/" + ede + "/close", "{\"reason\":\"x\",\"outcome\":\"MAYBE\"}",
                "application/json"), 400);

        // the family's experience, saying who entered it; also after closing
        JsonNode recorded = post("/api/v1/cases/" + arnhem + "/experiences",
                "{\"personId\":\"%s\",\"score\":4,\"recordedAs\":\"FAMILY\"}".formatted(child), 201);
        assertEquals("FAMILY", recorded.path("experiences").get(0).path("recordedAs").asText());
        JsonNode bad = assertProblem(send("POST", "/api/v1/cases/" + arnhem + "/experiences",
                "{\"personId\":\"%s\",\"score\":9,\"recordedAs\":\"FAMILY\"}".formatted(child), "application/json"), 400);
        assertTrue(bad.toString(), bad.toString().contains("score"));

        // a coordinator keeps the groups; a professional may not
        assertProblem(send("PUT", "/api/v1/monitor/groups/Pilot", "{\"municipalities\":[\"Arnhem\"]}",
                "application/json"), 403);
        as(COORDINATOR);
        HttpResponse<String> pilot = send("PUT", "/api/v1/monitor/groups/Pilot",
                "{\"description\":\"pilot\",\"municipalities\":[\"Arnhem\",\"GM0274\"]}", "application/json");
        assertEquals(pilot.body(), 200, pilot.statusCode());
        assertEquals("[\"Arnhem\",\"Renkum\"]", JSON.readTree(pilot.body()).path("municipalities").toString());
        assertEquals(200, send("PUT", "/api/v1/monitor/groups/Control", "{\"municipalities\":[\"Ede\"]}",
                "application/json").statusCode());
        assertProblem(send("PUT", "/api/v1/monitor/groups/Bad", "{\"municipalities\":[\"Atlantis\"]}",
                "application/json"), 400);
        assertTrue(get("/api/v1/monitor/groups").body().contains("Control"));

        // the comparison: both cohorts, every indicator, and the small-cohort warning in both languages
        String period = ";from=" + LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusDays(30) + ";to=" + LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        HttpResponse<String> compared = get("/api/v1/monitor/compare?" + q("name=pilot;group=Pilot" + period) + "&"
                + q("name=control;group=Control" + period));
        assertEquals(compared.body(), 200, compared.statusCode());
        JsonNode c = JSON.readTree(compared.body());
        assertEquals(2, c.path("cohorts").size());
        assertTrue(c.path("cohorts").get(0).path("cases").asLong() >= 1);
        assertTrue(c.path("cohorts").get(1).path("warningNl").asText().startsWith("Te weinig"));
        assertTrue(c.path("cohorts").get(1).path("warning").asText().startsWith("Too few"));
        assertEquals(11, c.path("indicators").size());
        assertEquals("lead_time_days", c.path("indicators").get(0).path("indicator").asText());
        assertNotNull(c.path("method").asText(null));

        // bad cohorts are a 400 naming the parameter, never a 500
        JsonNode one = assertProblem(get("/api/v1/monitor/compare?" + q("name=pilot;group=Pilot")), 400);
        assertEquals("cohort", one.path("parameter").asText());
        JsonNode key = assertProblem(get("/api/v1/monitor/compare?" + q("name=a;colour=red") + "&" + q("name=b")), 400);
        assertEquals("cohort[0].colour", key.path("parameter").asText());
        assertProblem(get("/api/v1/monitor/compare?" + q("name=a;quarter=2026-Q5") + "&" + q("name=b")), 400);
        assertProblem(get("/api/v1/monitor/compare?" + q("name=a;group=nope") + "&" + q("name=b")), 400);

        // the researchers' CSV: pseudonyms and months, no names, BSN or dates of birth
        HttpResponse<String> csv = get("/api/v1/monitor/compare.csv?" + q("name=pilot;group=Pilot" + period) + "&"
                + q("name=control;group=Control" + period));
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("cohort,case_pseudonym,municipality,signal_month"));
        assertTrue(csv.body(), lines.length >= 3);
        assertFalse(csv.body().contains("Cohortsma"));
        assertFalse(csv.body().contains(arnhem));
        assertFalse(csv.body().contains("2016-05-04"));
        assertTrue(csv.body(), csv.body().contains("GOALS_REACHED"));
        assertTrue(lines[1].split(",")[1].matches("[0-9a-f]{20}"));

        // a professional sees no comparison; the access log has the comparisons and the export
        as(PROFESSIONAL);
        assertProblem(get("/api/v1/monitor/compare?" + q("name=a") + "&" + q("name=b")), 403);
        String log = getAs(AUDITOR, "/api/v1/audit/log?userId=" + COORDINATOR + "&limit=1000").body();
        assertTrue(log, log.contains("/monitor/compare"));
        assertTrue(log, log.contains("cohort-export"));
    }
}
