package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.health.HealthReport;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is generated from the declared routes: it holds every declared route and
 * nothing else (no count kept by hand), says which need the bearer token, declares the problems every
 * write can answer, resolves every reference, and its schemas are the records as Jackson sees them.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final Json json = new Json();
    private final InMemoryCore core = new InMemoryCore();
    private final ApiDispatcher api = new ApiDispatcher(json, r -> Reply.noContent(), () -> core.family, () -> core.cases,
            () -> core.plans, () -> null, () -> null, TestSecurity.over(core).services());
    private final Router router = api.router();
    private final JsonNode document = OpenApiDocument.of(json.mapper(), router.routes());

    private Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private Set<String> declared() {
        return router.routes().stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyDeclaredRouteIsDocumentedWithItsOperation() {
        for (Route route : router.routes()) {
            JsonNode op = document.path("paths").path(route.template()).path(route.method().toLowerCase());
            assertFalse(op.isMissingNode(), route + " is missing from the document");
            assertEquals(route.operationId(), op.path("operationId").asText(), route.toString());
            assertEquals(route.tag(), op.path("tags").get(0).asText(), route.toString());
            assertEquals(route.summary(), op.path("summary").asText(), route.toString());
        }
        assertTrue(router.routes().size() > 80, "the whole API: " + declared());
    }

    @Test
    void everyDocumentedOperationIsADeclaredRoute() {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(declared());
        assertTrue(extra.isEmpty(), "operations without a route: " + extra);
        assertEquals(declared(), documented());
    }

    /** The document the API serves is the one generated from its routes. */
    @Test
    void theServedDocumentIsTheGeneratedOne() {
        assertEquals(401, Http.get("/openapi.json").anonymous().on(api).status, "the map is for logged-in users");
        Http served = Http.get("/openapi.json").on(api);
        assertEquals(200, served.status, served.text());
        assertEquals(document, served.body());
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(op -> ids.add(op.path("operationId").asText())));
        assertEquals(ids.size(), new TreeSet<>(ids).size(), ids.toString());
        assertFalse(ids.contains(""), "every operation has an id");
    }

    @Test
    void everyTagIsUsedAndDescribed() {
        Set<String> tags = new TreeSet<>();
        document.path("tags").forEach(t -> {
            tags.add(t.path("name").asText());
            assertFalse(t.path("description").asText().isBlank(), t.toString());
        });
        Set<String> used = router.routes().stream().map(Route::tag).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tags, used);
    }

    @Test
    void everyOperationDeclaresExactlyTheTemplateVariablesAsPathParameters() {
        document.path("paths").fields().forEachRemaining(path -> {
            Set<String> variables = new TreeSet<>();
            Matcher m = VARIABLE.matcher(path.getKey());
            while (m.find()) {
                variables.add(m.group(1));
            }
            path.getValue().fields().forEachRemaining(operation -> {
                Set<String> declared = new TreeSet<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    JsonNode p = resolve(parameter);
                    assertFalse(p.isMissingNode(), parameter.toString());
                    if ("path".equals(p.path("in").asText())) {
                        declared.add(p.path("name").asText());
                        assertTrue(p.path("required").asBoolean(), path.getKey() + " " + p);
                    }
                }
                assertEquals(variables, declared, operation.getKey() + " " + path.getKey());
            });
        });
    }

    /** Health and login are open; every other operation (this document too) says it answers 401 and 403. */
    @Test
    void everyOperationButTheOpenOnesNeedsABearerTokenAndSaysSo() {
        Set<String> open = Set.of("GET /health", "GET /health/ready", "GET /health/live", "POST /auth/login");
        JsonNode scheme = document.at("/components/securitySchemes/bearerAuth");
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
        assertTrue(document.path("security").get(0).has("bearerAuth"), "bearer applies to every operation by default");
        Set<String> seenOpen = new TreeSet<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode security = op.getValue().get("security");
                if (open.contains(where)) {
                    assertTrue(security != null && security.isEmpty(), where + " is open: security []");
                    seenOpen.add(where);
                    continue;
                }
                assertTrue(security == null, where + " must not override the bearer requirement");
                for (String status : List.of("401", "403", "503")) {
                    assertTrue(op.getValue().path("responses").has(status), where + " lacks " + status);
                }
                List<String> headers = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> headers.add(resolve(p).path("name").asText()));
                assertFalse(headers.stream().anyMatch(h -> h.startsWith("X-Actor")), where + ": the actor is the logged-in user");
                checked++;
            }
        }
        assertEquals(open, seenOpen);
        assertEquals(declared().size() - open.size(), checked);
        // and the document says what the routes' policies say
        for (Route route : router.routes()) {
            assertEquals(open.contains(route.toString()), route.policy().open(), route.toString());
        }
    }

    @Test
    void everyWriteDeclaresItsProblems() {
        int writes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "delete")) {
                JsonNode write = path.getValue().path(method);
                if (write.isMissingNode()) {
                    continue;
                }
                writes++;
                String where = method.toUpperCase() + " " + path.getKey();
                boolean hasBody = !"delete".equals(method) && !where.startsWith("POST /auth/logout")
                        && !where.endsWith("/review");
                List<String> statuses = hasBody ? List.of("400", "413", "415", "503") : List.of("400", "503");
                for (String status : statuses) {
                    assertTrue(write.path("responses").has(status), where + " lacks " + status);
                }
                assertEquals(hasBody, write.path("requestBody").path("required").asBoolean(), where);
                for (JsonNode problem : List.of(write.at("/responses/400"), write.at("/responses/503"))) {
                    assertTrue(resolve(problem).path("content").has("application/problem+json"), where + " " + problem);
                }
            }
        }
        assertTrue(writes > 20, "checked " + writes);
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        walk(document, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && document.at(ref.asText().substring(1)).isMissingNode()) {
                broken.add(ref.asText());
            }
        });
        assertTrue(broken.isEmpty(), broken.toString());
    }

    /** The schemas are the records as Jackson writes them; a type a route reads refuses unknown members. */
    @Test
    void schemasAreTheRecordsAsJacksonSeesThem() {
        ObjectMapper mapper = json.mapper();
        for (Class<?> type : List.of(CaseView.class, SignalInput.class, Readiness.HealthDetails.class, AuthResource.LoginReply.class)) {
            Set<String> properties = new TreeSet<>();
            document.path("components").path("schemas").path(type.getSimpleName()).path("properties").fieldNames()
                    .forEachRemaining(properties::add);
            BeanDescription written = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            assertEquals(names(written.findProperties()), properties, type.getSimpleName());
        }
        Set<String> status = new TreeSet<>();
        resolve(document.at("/components/schemas/HealthDetails/properties/status")).path("enum").forEach(v -> status.add(v.asText()));
        assertEquals(Arrays.stream(HealthReport.Status.values()).map(Enum::name).collect(Collectors.toSet()), status);
        // every body's schema, and every record it contains, refuses unknown members
        int bodies = 0;
        for (Route route : router.routes()) {
            if (route.body() == null) {
                continue;
            }
            bodies++;
            JsonNode schema = document.path("paths").path(route.template()).path(route.method().toLowerCase())
                    .at("/requestBody/content/application~1json/schema");
            walkSchema(schema, new TreeSet<>(), s -> {
                if ("object".equals(s.path("type").asText()) && s.has("properties")) {
                    assertFalse(s.path("additionalProperties").asBoolean(true), route + ": " + s);
                }
            });
        }
        assertTrue(bodies > 40, "bodies " + bodies);
        assertEquals("3.0.3", document.path("openapi").asText());
        assertTrue(document.at("/components/schemas/Problem/properties").has("detail"));
    }

    /** The schemas' prose and required lists name only schemas and members the document has (nothing stale). */
    @Test
    void everyDescriptionNamesAGeneratedSchemaOrMember() {
        Properties descriptions = OpenApiDocument.readDescriptions();
        JsonNode schemas = document.path("components").path("schemas");
        List<String> stale = new ArrayList<>();
        for (String key : descriptions.stringPropertyNames()) {
            if (key.endsWith(OpenApiDocument.REQUIRED)) {
                JsonNode schema = schemas.path(key.substring(0, key.length() - OpenApiDocument.REQUIRED.length()));
                for (String member : descriptions.getProperty(key).split("\\s*,\\s*")) {
                    if (!schema.path("properties").has(member)) {
                        stale.add(key + " " + member);
                    }
                }
                continue;
            }
            String[] parts = key.split("\\.", 2);
            JsonNode schema = schemas.path(parts[0]);
            if (schema.isMissingNode() || parts.length == 2 && !schema.path("properties").has(parts[1])) {
                stale.add(key);
            }
        }
        assertTrue(stale.isEmpty(), "descriptions of nothing: " + new TreeSet<>(stale));
        assertEquals(descriptions.getProperty("CaseView"), schemas.path("CaseView").path("description").asText());
        Set<String> required = new TreeSet<>();
        schemas.at("/SignalInput/required").forEach(m -> required.add(m.asText()));
        assertEquals(Set.of("kind", "source", "description", "receivedOn", "municipality", "members"), required);
    }

    private static Set<String> names(List<BeanPropertyDefinition> properties) {
        return properties.stream().map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = document.at(n.get("$ref").asText().substring(1));
        }
        if (n.has("allOf")) {
            return resolve(n.get("allOf").get(0));
        }
        return n;
    }

    private void walkSchema(JsonNode schema, Set<String> seen, java.util.function.Consumer<JsonNode> visitor) {
        if (schema.has("$ref") && !seen.add(schema.get("$ref").asText())) {
            return;
        }
        JsonNode s = resolve(schema);
        visitor.accept(s);
        s.path("properties").forEach(p -> walkSchema(p, seen, visitor));
        if (s.has("items")) {
            walkSchema(s.get("items"), seen, visitor);
        }
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
        }
        node.elements().forEachRemaining(child -> walk(child, visitor));
    }
}
