package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.store.Database;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Proof, not promises: every operation of the OpenAPI document the running distribution serves
 * (generated from the declared routes, so a new route is covered the day it is declared) answers 401
 * without a token, with a forged one, with one whose session was logged out and with one past its idle
 * timeout; every operation on a case, person or household answers 403 (or 404) to a professional not
 * assigned to it and to one of another municipality. Then break-glass: a reason first, access for a limited time, listed for review.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorisationIT extends KarafTestSupport {
    private static final Set<String> OPEN = Set.of("GET /health", "GET /health/ready", "GET /health/live", "POST /auth/login");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Inject
    private UserAdministration users;

    @Inject
    private Database database;

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    /** An operation of the document with its path variables filled in. */
    private record Operation(String method, String template, String path) {
        String name() {
            return method + " " + template;
        }

        boolean scoped() {
            return template.startsWith("/cases/{caseId}") || template.startsWith("/persons/{personId}")
                    || template.startsWith("/households/{householdId}");
        }
    }

    /** Anna's case in Arnhem, with a person and a household she recorded. */
    private record Fixture(String caseId, String personId, String householdId) {
    }

    private static Fixture fixture() throws Exception {
        String child = person("Noor", "de Wit", "2015-04-04");
        String householdId = post("/api/v1/households",
                "{\"address\":\"Rijnkade 1\",\"postalCode\":\"6811 HA\",\"municipality\":\"Arnhem\"}", 201).path("id").asText();
        post("/api/v1/households/" + householdId + "/members", "{\"personId\":\"%s\",\"since\":\"2020-01-01\"}"
                .formatted(child), 200);
        String caseId = post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"%s","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), child), 201)
                .path("id").asText();
        return new Fixture(caseId, child, householdId);
    }

    private static List<Operation> operations(Fixture fixture) throws Exception {
        HttpResponse<String> document = sendAs(AUDITOR, "GET", "/api/v1/openapi.json", null, null);
        assertEquals(200, document.statusCode());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(document.body()).path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replace("{caseId}", fixture.caseId()).replace("{personId}", fixture.personId())
                    .replace("{householdId}", fixture.householdId()).replaceAll("\\{[^}]+}", "no-such-id");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), "/api/v1" + concrete));
                }
            }
        }
        assertTrue("the document lists the API: " + operations.size(), operations.size() > 80);
        return operations;
    }

    private static HttpResponse<String> call(String user, Operation op, String... headers) throws Exception {
        boolean body = !op.method().equals("GET") && !op.method().equals("DELETE");
        return sendAs(user, op.method(), op.path(), body ? "{}" : null, body ? "application/json" : null, headers);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void everyOperationButTheOpenOnesIs401WithoutAValidToken() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        List<Operation> operations = operations(fixture());
        // a session ended by logout, and one left alone past its idle timeout
        String loggedOut = login(FATIMA, PASSWORD);
        assertEquals(204, sendAs(null, "POST", "/api/v1/auth/logout", null, null, "Authorization", "Bearer " + loggedOut)
                .statusCode());
        String idle = login(FATIMA, PASSWORD);
        assertEquals(200, sendAs(null, "GET", "/api/v1/auth/me", null, null, "Authorization", "Bearer " + idle).statusCode());
        String hash = sha256(idle);
        assertEquals(Integer.valueOf(1), database.inTransaction(c -> {
            try (var update = c.prepareStatement("UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?")) {
                update.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1));
                update.setString(2, hash);
                int n = update.executeUpdate();
                // a node serves a session it read less than a minute ago from memory (decision 0035); moving
                // the sessions' revision makes it read this one again, as after a day of real idleness
                try (var revision = c.prepareStatement("UPDATE session_revision SET revision = revision + 1 WHERE id = 1")) {
                    revision.executeUpdate();
                }
                return n;
            }
        }));
        // a well-formed token nobody issued (43 base64url characters, like a real one)
        String forged = "Bearer " + "A".repeat(43);
        Set<String> checked = new TreeSet<>();
        for (Operation op : operations) {
            if (OPEN.contains(op.name())) {
                continue;
            }
            for (String[] headers : List.of(new String[0], new String[] {"Authorization", forged},
                    new String[] {"Authorization", "Bearer " + loggedOut}, new String[] {"Authorization", "Bearer " + idle},
                    new String[] {"X-Actor-Id", PROFESSIONAL, "X-Actor-Name", "Anna"})) {
                HttpResponse<String> response = call(null, op, headers);
                assertEquals(op.name() + " " + List.of(headers) + ": " + response.body(), 401, response.statusCode());
                assertTrue(op.name(), response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            }
            checked.add(op.name());
        }
        assertEquals(operations.size() - OPEN.size(), checked.size());
        assertTrue(checked.contains("GET /cases/{caseId}"));
        // the open ones stay open
        assertEquals(200, sendAs(null, "GET", "/api/v1/health", null, null).statusCode());
    }

    @Test
    public void everyOperationOnACaseOrPersonIsRefusedToTheUnassignedAndToAnotherMunicipality() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        Fixture fixture = fixture();
        token(NIJMEGEN); // the account exists from the first login on; an administrator then scopes it
        users.setMunicipalities(NIJMEGEN, Set.of("Nijmegen"));
        List<String> scoped = new ArrayList<>();
        for (Operation op : operations(fixture)) {
            // break-glass and linking a new signal (living, open-case-exists) are for those not on the team
            if (!op.scoped() || op.template().endsWith("/break-glass")
                    || op.name().equals("POST /cases/{caseId}/signals")) {
                continue;
            }
            for (String user : List.of(FATIMA, NIJMEGEN)) {
                HttpResponse<String> response = call(user, op);
                assertTrue(user + " " + op.name() + ": " + response.statusCode() + " " + response.body(),
                        response.statusCode() == 403 || response.statusCode() == 404);
            }
            scoped.add(op.name());
        }
        assertTrue(scoped.toString(), scoped.size() > 40);
        // the refusal says why: not assigned, or outside the user's municipalities
        assertEquals("not_assigned", assertProblem(getAs(FATIMA, "/api/v1/cases/" + fixture.caseId()), 403)
                .path("reason").asText());
        assertEquals("other_municipality", assertProblem(getAs(NIJMEGEN, "/api/v1/cases/" + fixture.caseId()), 403)
                .path("reason").asText());
        // and Anna, who opened the case, still works on it
        assertEquals(200, get("/api/v1/cases/" + fixture.caseId()).statusCode());
        // lists show neither of them the case
        assertFalse(getAs(FATIMA, "/api/v1/cases?size=100").body().contains(fixture.caseId()));
        assertFalse(getAs(NIJMEGEN, "/api/v1/cases?size=100").body().contains(fixture.caseId()));
        assertEquals("[]", getAs(FATIMA, "/api/v1/persons?name=de%20wit").body());
        // nor can a body pull Anna's person into Fatima's case
        JsonNode pulled = assertProblem(sendAs(FATIMA, "POST", "/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"%s","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), fixture.personId()),
                "application/json"), 403);
        assertEquals("members", pulled.path("field").asText());
        // roles: a coordinator and an auditor see no case content
        assertEquals("role", assertProblem(getAs(COORDINATOR, "/api/v1/cases/" + fixture.caseId()), 403).path("reason").asText());
        assertEquals("role", assertProblem(getAs(AUDITOR, "/api/v1/cases/" + fixture.caseId()), 403).path("reason").asText());
    }

    @Test
    public void breakGlassNeedsAReasonOpensTheCaseForALimitedTimeAndIsListedForReview() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        Fixture fixture = fixture();
        String caseUrl = "/api/v1/cases/" + fixture.caseId();
        assertProblem(getAs(FATIMA, caseUrl), 403);
        assertEquals("reason", assertProblem(sendAs(FATIMA, "POST", caseUrl + "/break-glass", "{\"reason\":\" \"}",
                "application/json"), 400).path("field").asText());
        assertProblem(getAs(FATIMA, caseUrl), 403);

        HttpResponse<String> opened = sendAs(FATIMA, "POST", caseUrl + "/break-glass",
                "{\"reason\":\"Acute zorg in de nacht, casushouder onbereikbaar\"}", "application/json");
        assertEquals(opened.body(), 201, opened.statusCode());
        JsonNode grant = JSON.readTree(opened.body());
        Instant expires = Instant.parse(grant.path("expiresAt").asText());
        assertTrue(grant.toString(), expires.isAfter(Instant.now()) && expires.isBefore(Instant.now().plus(Duration.ofDays(1))));
        assertEquals(200, getAs(FATIMA, caseUrl).statusCode());
        assertEquals(200, getAs(FATIMA, caseUrl + "/plan/versions").statusCode());

        // listed for review (auditor, coordinator), never for the professionals themselves
        JsonNode flagged = JSON.readTree(getAs(AUDITOR, "/api/v1/break-glass?unreviewed=true").body());
        assertTrue(flagged.toString(), flagged.toString().contains(grant.path("id").asText()));
        assertProblem(getAs(FATIMA, "/api/v1/break-glass"), 403);
        // the access log shows the break-glass reads
        String log = getAs(AUDITOR, "/api/v1/audit/log?limit=1000").body();
        assertTrue(log, log.contains("BREAK_GLASS"));
        // the chain verifies with its key (etc/, 0600) and its checkpoints outside the database
        JsonNode verified = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/verify").body());
        assertTrue(verified.toString(), verified.path("intact").asBoolean());
        // an incremental check starts at that verification's mark: it reads only what was written since
        JsonNode since = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/verify?sinceLast=true").body());
        assertTrue(since.toString(), since.path("intact").asBoolean());
        assertTrue(since + " vs " + verified, since.path("entriesChecked").asLong()
                < verified.path("entriesChecked").asLong());
        assertProblem(getAs(AUDITOR, "/api/v1/audit/verify?sinceLast=yes"), 400);
        java.nio.file.Path key = java.nio.file.Path.of(System.getProperty("karaf.etc"), "proeftuin-access-log.key");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(key)));

        // another municipality cannot break the glass
        token(NIJMEGEN);
        users.setMunicipalities(NIJMEGEN, Set.of("Nijmegen"));
        assertProblem(sendAs(NIJMEGEN, "POST", caseUrl + "/break-glass", "{\"reason\":\"Nood\"}", "application/json"), 409);

        // time-limited: once the grant has expired, the case is closed to her again
        String grantId = grant.path("id").asText();
        database.inTransaction(c -> {
            try (var update = c.prepareStatement("UPDATE break_glass SET expires_at = ? WHERE id = ?")) {
                update.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
                update.setString(2, grantId);
                return update.executeUpdate();
            }
        });
        assertEquals("not_assigned", assertProblem(getAs(FATIMA, caseUrl), 403).path("reason").asText());

        HttpResponse<String> reviewed = sendAs(AUDITOR, "POST", "/api/v1/break-glass/" + grantId + "/review", null, null);
        assertEquals(reviewed.body(), 200, reviewed.statusCode());
        assertFalse(JSON.readTree(reviewed.body()).path("reviewedAt").isNull());
        assertFalse(getAs(AUDITOR, "/api/v1/break-glass?unreviewed=true").body().contains(grantId));
    }
}
