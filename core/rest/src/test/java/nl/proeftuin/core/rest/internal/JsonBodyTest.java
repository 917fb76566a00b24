package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The limits and checks every JSON request body goes through, seen over HTTP. */
class JsonBodyTest {
    private final InMemoryCore core = new InMemoryCore();
    private final ApiDispatcher api = new ApiDispatcher(new Json(), r -> Reply.noContent(),
            () -> core.family, () -> core.cases, () -> core.plans, () -> null, () -> null,
            TestSecurity.over(core).services());

    private JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.text());
        assertEquals("application/problem+json", http.mediaType());
        JsonNode body = http.body();
        assertEquals(status, body.path("status").asInt());
        assertTrue(!body.path("detail").asText().isEmpty());
        return body;
    }

    @Test
    void aValidBodyIsRead() {
        Http http = Http.post("/persons", "{\"givenName\":\"Noor\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}").on(api);
        assertEquals(201, http.status, http.text());
        assertEquals(1, core.family.persons.size());
    }

    @Test
    void theMapperRefusesNestingDeeperThan64Levels() throws Exception {
        // Typed bodies usually fail on shape before they get deep, so the limit is proven on the
        // mapper itself: it guards every read, whatever the target type.
        Json json = new Json();
        json.mapper().readTree("[".repeat(64) + "]".repeat(64));
        assertThrows(StreamConstraintsException.class, () -> json.mapper().readTree("[".repeat(65) + "]".repeat(65)));
        assertThrows(StreamConstraintsException.class,
                () -> json.mapper().readValue("{\"a\":".repeat(65) + "1" + "}".repeat(65), Object.class));
    }

    @Test
    void deeplyNestedBodiesAre400() {
        problem(Http.post("/persons", "[".repeat(100) + "]".repeat(100)).on(api), 400);
        JsonNode deepValue = problem(Http.post("/persons",
                "{\"givenName\":" + "[".repeat(100) + "]".repeat(100) + "}").on(api), 400);
        assertEquals("givenName", deepValue.path("field").asText(), deepValue.toString());
    }

    @Test
    void anUnknownFieldIs400NamingItsPath() {
        JsonNode top = problem(Http.post("/persons",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\",\"shoeSize\":42}").on(api), 400);
        assertEquals("shoeSize", top.path("field").asText());

        JsonNode nested = problem(Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"x","receivedOn":"2026-01-01","municipality":"Ede",
                 "members":[{"personId":"p1","roles":["CHILD"],"shoeSize":42}]}""").on(api), 400);
        assertEquals("members[0].shoeSize", nested.path("field").asText());
        assertEquals("unknown field", nested.path("reason").asText());
    }

    @Test
    void trailingTokensAre400() {
        problem(Http.post("/persons", "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\"} {}").on(api), 400);
        assertTrue(core.family.persons.isEmpty());
    }

    @Test
    void aBodyOver1MiBIs413WhetherDeclaredOrStreamed() {
        byte[] huge = ("{\"givenName\":\"" + "x".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        problem(Http.post("/persons", "{}").body(huge, true).on(api), 413);
        problem(Http.post("/persons", "{}").body(huge, false).on(api), 413);
        assertTrue(core.family.persons.isEmpty());
    }

    @Test
    void wrongTypesBadDatesAndBadEnumsAre400NamingTheField() {
        JsonNode date = problem(Http.post("/persons",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"yesterday\"}").on(api), 400);
        assertEquals("dateOfBirth", date.path("field").asText());

        JsonNode type = problem(Http.post("/persons", "{\"givenName\":{\"a\":1},\"familyName\":\"B\"}").on(api), 400);
        assertEquals("givenName", type.path("field").asText());

        JsonNode kind = problem(Http.post("/cases", """
                {"kind":"RUMOUR","source":"POLICE","description":"x","receivedOn":"2026-01-01","municipality":"Ede","members":[]}""")
                .on(api), 400);
        assertEquals("kind", kind.path("field").asText());
        assertTrue(kind.path("reason").asText().contains("SIGNAL, REQUEST_FOR_HELP"), kind.toString());
    }

    @Test
    void aNullInsideAListIs400NamingTheSlot() {
        JsonNode body = problem(Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"x","receivedOn":"2026-01-01","municipality":"Ede","members":[null]}""")
                .on(api), 400);
        assertEquals("members[0]", body.path("field").asText());
    }

    @Test
    void malformedEmptyNullAndNonJsonBodiesAreRefused() {
        problem(Http.post("/persons", "{\"givenName\":").on(api), 400);
        problem(Http.post("/persons", "").on(api), 400);
        problem(Http.post("/persons", "null").on(api), 400);
        problem(Http.post("/persons", "{}").header("Content-Type", "text/plain").on(api), 415);
    }

    @Test
    void aServiceFieldRuleIs400WithFieldAndReason() {
        JsonNode body = problem(Http.post("/persons", "{\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\"}").on(api), 400);
        assertEquals("givenName", body.path("field").asText());
        assertEquals("is required", body.path("reason").asText());
    }
}
