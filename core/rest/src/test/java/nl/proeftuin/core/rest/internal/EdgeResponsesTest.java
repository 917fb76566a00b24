package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.CaseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of every response: undecodable input (invalid UTF-8, malformed percent-encoding) is a 400
 * problem, never a 500 with a stack trace; error responses carry the security headers too.
 */
class EdgeResponsesTest {
    private InMemoryCore core;
    private ApiDispatcher api;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        TestSecurity security = TestSecurity.over(core);
        AtomicReference<CaseService> cases = new AtomicReference<>(core.cases);
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, cases::get, () -> core.plans,
                () -> null, () -> null, security.services());
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    @Test
    void invalidUtf8OrMalformedPercentEncodingInAQueryIs400() {
        for (String bad : List.of("%C3%28", "%FF", "%E2%82", "%zz", "%", "abc%2", "%ED%A0%80")) {
            for (String target : List.of("/persons?name=" + bad, "/cases?name=" + bad, "/cases?municipality=Arnhem&x=" + bad)) {
                JsonNode body = problem(Http.get(target).on(api), 400);
                assertEquals("undecodable", body.path("reason").asText(), target);
            }
            JsonNode audit = problem(Http.get("/audit/log?actor=" + bad).as("audrey.audit").on(api), 400);
            assertEquals("undecodable", audit.path("reason").asText());
        }
        // well-formed UTF-8 still passes
        assertEquals(200, Http.get("/persons?name=%C3%A9l%C3%A8ve").on(api).status);
        assertEquals(200, Http.get("/cases?name=Z%C3%BCrich+x").on(api).status);
    }

    /**
     * U+0000 in a query value or in any text of a body is a 400: PostgreSQL refuses it in every text
     * parameter, so it reached the database and answered 500 there (H2 stored it). Nothing is stored.
     */
    @Test
    void theNulCharacterInAQueryOrABodyTextIs400() {
        for (String target : List.of("/persons?name=%00", "/persons?name=Jan%00sen", "/cases?municipality=Arnhem%00")) {
            JsonNode body = problem(Http.get(target).on(api), 400);
            assertEquals("undecodable", body.path("reason").asText(), target);
        }
        int before = core.family.findPersons("Jan").size();
        for (String json : List.of("{\"givenName\":\"Jan\\u0000\",\"familyName\":\"Jansen\",\"dateOfBirth\":\"2015-01-01\"}",
                "{\"givenName\":\"Jan\",\"familyName\":\"\\u0000\",\"dateOfBirth\":\"2015-01-01\"}")) {
            JsonNode body = problem(Http.post("/persons", json).on(api), 400);
            assertTrue(body.toString().contains("NUL character"), body.toString());
            assertFalse(body.toString().contains("\\u0000"), "the value is not echoed: " + body);
        }
        assertEquals(before, core.family.findPersons("Jan").size(), "nothing stored");
        JsonNode login = problem(Http.post("/auth/login", "{\"username\":\"admin\\u0000\",\"password\":\"x\"}")
                .anonymous().on(api), 400);
        assertEquals("username", login.path("field").asText(), login.toString());
    }

    @Test
    void theContainersOwnDecodingFailureIs400NotA500() {
        ApiProblem problem = ApiProblem.fromService(new IllegalArgumentException("wrapped",
                new org.eclipse.jetty.http.BadMessageException(400, "Unable to parse URI query")));
        assertNotNull(problem);
        assertEquals(400, problem.status);
    }

    @Test
    void errorResponsesCarryTheSecurityHeaders() {
        List<Http> errors = List.of(
                Http.get("/nothing-here").on(api),                               // 404
                Http.get("/persons").anonymous().on(api),                         // 401
                Http.get("/audit/log").on(api),                                   // 403
                Http.request("PATCH", "/persons").on(api),                        // 405
                Http.get("/persons?name=%C3%28").on(api));                        // 400
        for (Http http : errors) {
            assertEquals("application/problem+json", http.mediaType(), http.text());
            assertEquals(SecurityHeadersFilter.CSP, http.headers.get("Content-Security-Policy"), http.method + " " + http.target);
            assertEquals("nosniff", http.headers.get("X-Content-Type-Options"));
            assertEquals("DENY", http.headers.get("X-Frame-Options"));
            assertEquals("no-referrer", http.headers.get("Referrer-Policy"));
            assertNotNull(http.headers.get("Permissions-Policy"));
            assertEquals("no-store", http.headers.get("Cache-Control"));
        }
    }
}
