package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.health.HealthReport;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.runtime.PluginRuntime;
import org.junit.jupiter.api.Test;

/**
 * Holds the hand-written OpenAPI document and the route table to each other, both ways, and the
 * document's schemas to the records Jackson really writes and reads.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final Json json = new Json();
    private final JsonNode document = read();
    private final Router router = new ApiDispatcher(json, r -> Reply.noContent(), () -> null, () -> null, () -> null,
            () -> null, () -> null)
            .router();

    private JsonNode read() {
        try {
            return json.mapper().readTree(OpenApiResource.load());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private Set<String> routed() {
        return router.routes().stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> missing = new TreeSet<>(routed());
        missing.removeAll(documented());
        assertTrue(missing.isEmpty(), "routes missing from openapi.json: " + missing);
    }

    @Test
    void everyDocumentedOperationIsARoute() {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(routed());
        assertTrue(extra.isEmpty(), "openapi.json operations without a route: " + extra);
    }

    @Test
    void theTableIsTheOneTheApiPromises() {
        // A guard against both sides drifting together: the size of the surface is deliberate
        // (65 core, 19 audit, privacy and monitor, 6 login and break-glass, 4 restricted-data readers,
        // history and notices, 2 readiness and health details, 3 municipality register).
        assertEquals(65 + 19 + 6 + 4 + 2 + 3, routed().size(), routed().toString());
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
        Set<String> open = Set.of("GET /health", "GET /health/ready", "POST /auth/login");
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
                for (String status : List.of("401", "403")) {
                    assertTrue(op.getValue().path("responses").has(status), where + " lacks " + status);
                }
                List<String> headers = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> headers.add(resolve(p).path("name").asText()));
                assertFalse(headers.stream().anyMatch(h -> h.startsWith("X-Actor")), where + ": the actor is the logged-in user");
                checked++;
            }
        }
        assertEquals(open, seenOpen);
        assertEquals(routed().size() - open.size(), checked);
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

    /** A schema named like an API record lists exactly the members Jackson writes and reads for it. */
    @Test
    void schemasMatchTheRecordsAsJacksonSeesThem() throws Exception {
        ObjectMapper mapper = json.mapper();
        Map<String, Class<?>> extra = Map.of("FamilyViewSection", FamilyView.Section.class,
                "Team", CaseResource.Team.class, "CaseSummaryPage", nl.proeftuin.core.api.dto.Page.class,
                "AccessView", AuditResource.AccessView.class, "LoginInput", AuthResource.LoginInput.class,
                "LoginReply", AuthResource.LoginReply.class, "BreakGlassInput", BreakGlassResource.BreakGlassInput.class,
                "HealthStatus", Readiness.HealthStatus.class, "HealthDetails", Readiness.HealthDetails.class);
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            Class<?> type = extra.get(schema.getKey());
            if (type == null) {
                type = load("nl.proeftuin.core.api.dto." + schema.getKey());
            }
            for (String pkg : List.of(HealthReport.class.getPackageName(), ExtensionPoint.class.getPackageName(),
                    PluginRuntime.class.getPackageName(), "nl.proeftuin.core.audit", "nl.proeftuin.core.audit.privacy",
                    "nl.proeftuin.core.security")) {
                if (type == null) {
                    type = load(pkg + "." + schema.getKey());
                }
            }
            if (type == null) {
                assertEquals("Problem", schema.getKey(), "schema without a Java type: " + schema.getKey());
                continue;
            }
            checked++;
            if (type.isEnum()) {
                Set<String> values = new TreeSet<>();
                schema.getValue().path("enum").forEach(v -> values.add(v.asText()));
                assertEquals(Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)),
                        values, schema.getKey());
                continue;
            }
            Set<String> properties = new TreeSet<>();
            schema.getValue().path("properties").fieldNames().forEachRemaining(properties::add);
            BeanDescription written = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            assertEquals(names(written.findProperties()), properties, schema.getKey() + " (as written)");
            if (schema.getKey().endsWith("Input") || type.getSimpleName().endsWith("Input")) {
                assertFalse(schema.getValue().path("additionalProperties").asBoolean(true),
                        schema.getKey() + ": unknown members are refused, say so");
            }
        }
        assertTrue(checked > 75, "checked " + checked);
    }

    @Test
    void nestedEnumsInTheDocumentMatchTheirTypes() {
        JsonNode status = document.at("/components/schemas/HealthReport/properties/status/enum");
        Set<String> values = new TreeSet<>();
        status.forEach(v -> values.add(v.asText()));
        assertEquals(Arrays.stream(HealthReport.Status.values()).map(Enum::name).collect(Collectors.toSet()), values);
        assertEquals("3.0.3", document.path("openapi").asText());
    }

    private static Set<String> names(List<BeanPropertyDefinition> properties) {
        return properties.stream().map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asText().substring(1));
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
        }
        node.elements().forEachRemaining(child -> walk(child, visitor));
    }
}
