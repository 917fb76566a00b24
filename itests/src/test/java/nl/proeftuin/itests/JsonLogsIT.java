package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Decision 0024 in the real distribution: the switch the operator turns ({@code proeftuin.log.json},
 * which {@code PROEFTUIN_LOG_JSON=on} sets through bin/setenv) makes the shipped
 * {@code etc/org.ops4j.pax.logging.cfg} write JSON lines to {@code data/log/karaf.json}; a line written
 * for an API request carries the request's id, which is the {@code X-Request-Id} of its answer and
 * finds its access-log entry through the auditor's API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JsonLogsIT extends KarafTestSupport {

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        options.add(systemProperty("proeftuin.log.json").value("ALL"));
        // the API's own line per request is DEBUG (off in production): on for the REST bundle here
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.proeftuinrest.name",
                "nl.proeftuin.core.rest"));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.proeftuinrest.level",
                "DEBUG"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aJsonLogLineAndAnAccessLogEntryJoinOnTheRequestId() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String forged = "11111111-2222-3333-4444-555555555555";
        HttpResponse<String> cases = send("GET", "/api/v1/cases", null, null, "X-Request-Id", forged);
        assertEquals(cases.body(), 200, cases.statusCode());
        String requestId = cases.headers().firstValue("X-Request-Id").orElse(null);
        assertNotNull("the answer names its request", requestId);
        assertNotEquals("the platform's own id, not the client's", forged, requestId);

        JsonNode line = awaitJsonLine(requestId, Duration.ofSeconds(20));
        System.out.println("JsonLogsIT: a JSON log line: " + line);
        assertEquals("DEBUG", line.path("log.level").asText());
        assertEquals("nl.proeftuin.core.rest.internal.ApiDispatcher", line.path("log.logger").asText());
        assertTrue(line.toString(), line.path("message").asText().startsWith("GET /cases -> 200"));
        assertEquals("the client's id is kept beside it, for the load balancer's log", forged,
                line.path("upstreamRequestId").asText());
        assertTrue(line.toString(), line.hasNonNull("@timestamp"));

        JsonNode entries = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?requestId=" + requestId).body());
        assertEquals(entries.toString(), 1, entries.size());
        JsonNode entry = entries.get(0);
        assertEquals(requestId, entry.path("requestId").asText());
        assertEquals(PROFESSIONAL, entry.path("userId").asText());
        assertTrue(entry.toString(), entry.path("detail").asText().startsWith("GET /cases"));

        // a problem answer: the same id in its header, its body and its access-log entry
        HttpResponse<String> missing = get("/api/v1/persons/" + UUID.randomUUID());
        JsonNode problem = assertProblem(missing, 404);
        String missingId = missing.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(missingId, problem.path("requestId").asText());
        JsonNode refused = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?requestId=" + missingId).body());
        assertEquals(refused.toString(), 1, refused.size());
        assertEquals("FAILURE", refused.get(0).path("outcome").asText());
        awaitJsonLine(missingId, Duration.ofSeconds(20));

        // an entry a service writes while serving the request (the GDPR export's own) carries the id too
        String personId = person("Noor", "Jansen", "2015-04-01");
        HttpResponse<String> export = get("/api/v1/persons/" + personId + "/export");
        assertEquals(export.body(), 200, export.statusCode());
        String exportId = export.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode exported = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?requestId=" + exportId).body());
        assertEquals("the guard's entry and the privacy service's: " + exported, 2, exported.size());

        assertProblem(getAs(AUDITOR, "/api/v1/audit/log?requestId=" + "x".repeat(201)), 400);

        // every line of the file is one JSON object; the text log is written as before
        for (String text : Files.readAllLines(jsonFile(), StandardCharsets.UTF_8)) {
            assertTrue(text, JSON.readTree(text).isObject());
        }
        assertTrue(Files.size(Path.of(System.getProperty("karaf.log"), "karaf.log")) > 0);
    }

    private static Path jsonFile() {
        return Path.of(System.getProperty("karaf.log"), "karaf.json");
    }

    /** The JSON line carrying this request id (the appender flushes each line; the wait is for the file system). */
    private static JsonNode awaitJsonLine(String requestId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seen = lines();
            for (String text : seen) {
                if (text.contains(requestId)) {
                    JsonNode line = JSON.readTree(text);
                    if (requestId.equals(line.path("requestId").asText())) {
                        return line;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no JSON line with requestId " + requestId + " in " + jsonFile() + " ("
                + seen.size() + " lines; last: " + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)) + ")");
    }

    private static List<String> lines() throws IOException {
        return Files.exists(jsonFile()) ? Files.readAllLines(jsonFile(), StandardCharsets.UTF_8) : List.of();
    }
}
