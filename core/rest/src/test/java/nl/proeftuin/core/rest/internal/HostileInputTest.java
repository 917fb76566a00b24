package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.internal.GdprRights;
import nl.proeftuin.core.audit.privacy.internal.LoggedRestrictedData;
import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.Session;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.RestTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fuzz / property test: every POST and PUT of the OpenAPI document gets malformed and hostile bodies
 * (truncated JSON, wrong top-level and member types, huge numbers, deep nesting, unicode controls,
 * SQL and script strings in unknown members, random bytes, invalid UTF-8, the wrong media type). Each
 * must answer 4xx problem+json, never 5xx, and store nothing: the in-memory core's state and the row
 * count of every table of the real database are the same before and after.
 *
 * <p>Operations whose service this test does not provide (the plugin runtime, care path, ...) answer
 * 503 before they read a body; they are counted as not exercised, and the test requires that most are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private static final long SEED = 20270312L;

    /** A user with every role, assigned to everything: the guard lets each request through to its body. */
    private static final Principal FUZZ = new Principal("fuzz", "Fuzz", java.util.EnumSet.allOf(Role.class), java.util.Set.of(Principal.ALL_MUNICIPALITIES),
            "Fuzz BV");
    private static final Authenticator EVERYONE = new Authenticator() {
        @Override
        public Session login(String username, char[] password, String clientAddress) {
            throw new AuthenticationException(AuthenticationException.Reason.INVALID_CREDENTIALS, "not in this test", null);
        }

        @Override
        public Principal authenticate(String token) {
            if (!"fuzz-token".equals(token)) {
                throw new AuthenticationException(AuthenticationException.Reason.INVALID_TOKEN, "unknown token", null);
            }
            return FUZZ;
        }

        @Override
        public void logout(String token) {
        }
    };
    private static final NeedToKnow ASSIGNED = new NeedToKnow() {
        @Override
        public CaseAccess toCase(Principal principal, String caseId) {
            return CaseAccess.ASSIGNED;
        }

        @Override
        public CaseAccess toPerson(Principal principal, String personId) {
            return CaseAccess.ASSIGNED;
        }

        @Override
        public CaseAccess toHousehold(Principal principal, String householdId) {
            return CaseAccess.ASSIGNED;
        }

        @Override
        public CaseAccess withinScope(Principal principal, String objectType, String objectId) {
            return CaseAccess.ASSIGNED;
        }
    };

    private final InMemoryCore core = new InMemoryCore();
    private final Json json = new Json();
    private Path dir;
    private Database database;
    private ApiDispatcher api;
    private String personId;
    private String caseId;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("rest-fuzz");
        database = RestTestDatabase.h2(dir);
        AccessLog log = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), Clock.systemUTC(), "fuzz");
        PrivacyService privacy = new GdprRights(database, new nl.proeftuin.core.store.internal.JdbcPrivacyStore(),
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcErasureStore(), core.family, log, Clock.systemUTC(), Map.of("case", 20, "person", 20));
        RestrictedData restricted = new LoggedRestrictedData(database,
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcPrivacyStore(), log, Clock.systemUTC());
        api = new ApiDispatcher(json, r -> Reply.noContent(), () -> core.family, () -> core.cases, () -> core.plans,
                () -> null, () -> null, new Services().with(AccessLog.class, () -> log)
                        .with(PrivacyService.class, () -> privacy).with(RestrictedData.class, () -> restricted)
                        .with(Authenticator.class, () -> EVERYONE).with(NeedToKnow.class, () -> ASSIGNED));
        Actor ans = new Actor("ans", "Ans");
        personId = core.family.createPerson(ans, new PersonInput("Sanne", "Jansen", LocalDate.of(2016, 5, 1), null)).id();
        caseId = core.cases.open(ans, new SignalInput(SignalKind.SIGNAL, SignalSource.SCHOOL, "zorgen", LocalDate.of(2027, 3, 1),
                "Arnhem", List.of(new CaseMemberInput(personId, java.util.Set.of(FamilyRole.CHILD))))).id();
    }

    @AfterAll
    void stop() {
        RestTestDatabase.close(database);
    }

    /** The bodies every write gets, whatever its schema. */
    static List<byte[]> genericBodies() {
        List<String> texts = new ArrayList<>(List.of("", "{", "{\"", "{\"a\":", "{\"a\":1", "[", "]", "}", "null", "true",
                "123", "-1e99999", "\"text\"", "[]", "[{}]", "{}{}", "{} trailing", "{\"a\":1,}", "{'a':1}", "{a:1}",
                "NaN", "{\"x\":123456789012345678901234567890123456789}",
                "{\"\\u0000<script>alert(1)</script>\":\"'; DROP TABLE person; --\"}",
                "{\"givenName\":\"\\u202e\\u0000\\r\\n\",\"extra\":\"' OR '1'='1\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(200) + "1" + "}".repeat(200),
                "\"" + "\\ud800" + "\""));
        List<byte[]> bodies = new ArrayList<>();
        texts.forEach(t -> bodies.add(t.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'});
        Random random = new Random(SEED);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[1 + random.nextInt(300)];
            random.nextBytes(b);
            bodies.add(b);
        }
        return bodies;
    }

    /** Bodies shaped by the operation's schema: each member alone with a value of the wrong type. */
    List<String> wrongTypes(JsonNode document, JsonNode schema) {
        List<String> out = new ArrayList<>();
        JsonNode resolved = resolve(document, schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode type = resolve(document, p.getValue());
            String name = p.getKey();
            String t = type.path("type").asText("object");
            List<String> wrong = switch (t) {
                case "string" -> List.of("{\"deep\":{\"sql\":\"' OR 1=1 --\"}}", "[\"<script>\"]", "true");
                case "integer", "number" -> List.of("\"12abc\"", "1e400", "99999999999999999999999", "{}", "\"' OR 1=1\"");
                case "boolean" -> List.of("\"yes\"", "2", "[]");
                case "array" -> List.of("\"not a list\"", "{\"0\":1}", "[[[[[[\"x\"]]]]]]", "[null]");
                default -> List.of("\"\\u0000\"", "12", "[1,2]");
            };
            for (String w : wrong) {
                out.add("{\"" + name + "\":" + w + "}");
            }
            if (type.has("enum") || "string".equals(t) && type.path("format").asText().startsWith("date")) {
                out.add("{\"" + name + "\":\"NOT_A_VALUE_\\u0007\"}");
            }
        }
        return out;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = document.at(n.get("$ref").asText().substring(1));
        }
        if (n.has("allOf")) {
            return resolve(document, n.get("allOf").get(0));
        }
        return n;
    }

    private String path(String template) {
        return template.replace("{personId}", personId).replace("{caseId}", caseId).replaceAll("\\{[^}]+}", "x");
    }

    private String state() throws SQLException {
        StringBuilder s = new StringBuilder(String.valueOf(core.family.persons)).append(core.cases.views)
                .append(core.cases.reviews).append(core.plans.versions);
        database.read(c -> {
            List<String> tables = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // the access log grows by design: the guard logs every authorised request before the
            // handler reads its body (NEN 7513 logs attempts too); it is no stored data of the request
            tables.removeIf(t -> t.toLowerCase(java.util.Locale.ROOT).startsWith("access_log"));
            for (String t : tables) {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
                    rs.next();
                    s.append(t).append('=').append(rs.getLong(1)).append(';');
                }
            }
            return null;
        });
        return s.toString();
    }

    @Test
    void everyWriteRefusesHostileInputWith4xxAndStoresNothing() throws Exception {
        JsonNode document = OpenApiDocument.of(json.mapper(), api.router().routes());
        String before = state();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> exercised = new LinkedHashMap<>();
        TreeSet<String> notExercised = new TreeSet<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put")) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode() || !op.path("requestBody").path("required").asBoolean()) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                List<byte[]> bodies = new ArrayList<>(genericBodies());
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                wrongTypes(document, schema).forEach(b -> bodies.add(b.getBytes(StandardCharsets.UTF_8)));
                for (byte[] body : bodies) {
                    Http http = Http.request(method.toUpperCase(), path(path.getKey())).bearer("fuzz-token")
                            .header("Content-Type", "application/json").body(body, true).on(api);
                    requests++;
                    if (http.status == 503) {
                        notExercised.add(where);
                        continue;
                    }
                    exercised.merge(where, 1, Integer::sum);
                    if (http.status < 400 || http.status >= 500 || !"application/problem+json".equals(http.mediaType())) {
                        String shown = new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
                        failures.add(where + " <- " + shown.substring(0, Math.min(80, shown.length())) + " -> "
                                + http.status + " " + http.text());
                    }
                }
                // the wrong media type with an SQL payload
                Http plain = Http.request(method.toUpperCase(), path(path.getKey())).bearer("fuzz-token")
                        .header("Content-Type", "text/plain").body("'; DROP TABLE person; --".getBytes(StandardCharsets.UTF_8), true)
                        .on(api);
                if (plain.status != 503 && plain.status != 415 && plain.status != 400) {
                    failures.add(where + " text/plain -> " + plain.status);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        assertEquals(before, state(), "a refused request stored something");
        assertTrue(exercised.size() >= 20, "exercised " + exercised.keySet() + "; not (no service here): " + notExercised);
        assertTrue(exercised.keySet().containsAll(List.of("POST /persons", "POST /cases", "PUT /persons/{personId}/safe-address",
                "POST /cases/{caseId}/restricted-entries", "POST /persons/{personId}/rectifications",
                "POST /persons/{personId}/erasure-requests", "POST /legal-holds")), exercised.keySet().toString());
        assertTrue(requests > 1000, "requests " + requests);
    }
}
