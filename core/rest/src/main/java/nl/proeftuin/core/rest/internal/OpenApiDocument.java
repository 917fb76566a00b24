package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0.3 document of the API, generated from the declared routes ({@link Route}): every
 * route is an operation (its operationId, tag, summary, parameters, body, answers and whether it needs
 * the bearer token), and every type a route reads or answers is a schema, generated from the Java
 * record or enum by Jackson's own introspection (so the schema lists exactly the members Jackson
 * writes and reads). What is not about a route comes from two resources of this bundle:
 * {@code openapi-base.json} (info, tags, the bearer scheme, the shared parameters, headers and
 * problem+json responses) and {@code openapi-descriptions.properties} (the prose of the schemas and
 * their members, keyed {@code Schema} and {@code Schema.member}, and the members a client must send,
 * {@code Schema[required]}).
 *
 * <p>Answers every route of a kind gives are added here, not declared one by one: 401, 403 and 503
 * for a route that needs a login (503: a service or the access log is not available); 400, 413 and
 * 415 for one that reads a body; 404 where need to know applies to the path (an unknown id).
 */
final class OpenApiDocument {
    static final String BASE = "/openapi-base.json";
    static final String DESCRIPTIONS = "/openapi-descriptions.properties";
    /** The key suffix of a schema's required members in {@link #DESCRIPTIONS}: {@code SignalInput[required]}. */
    static final String REQUIRED = "[required]";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String REST_PACKAGE = OpenApiDocument.class.getPackageName();

    /** The shared problem answers of {@code components/responses}, by status. */
    private static final Map<Integer, String> RESPONSES = Map.ofEntries(Map.entry(304, "NotModified"),
            Map.entry(400, "BadRequest"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "NotFound"), Map.entry(406, "NotAcceptable"), Map.entry(409, "Conflict"),
            Map.entry(412, "PreconditionFailed"), Map.entry(413, "ContentTooLarge"),
            Map.entry(415, "UnsupportedMediaType"), Map.entry(428, "PreconditionRequired"),
            Map.entry(429, "TooManyRequests"), Map.entry(503, "ServiceUnavailable"));

    private final ObjectMapper mapper;
    private final ObjectNode document;
    private final ObjectNode schemas;
    private final Properties descriptions;
    /** Schema name to the type it describes: two types never share a name. */
    private final Map<String, JavaType> named = new HashMap<>();
    /** Schemas of types a route reads: unknown members are refused (the mapper fails on them). */
    private final Set<String> read = new HashSet<>();

    private OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
        this.document = (ObjectNode) readBase(mapper);
        this.schemas = object(object(document, "components"), "schemas");
        this.descriptions = readDescriptions();
    }

    /**
     * The document of these routes.
     *
     * @throws IllegalStateException when a route names a tag or shared parameter the base lacks, or two
     *                               types would share a schema name
     */
    static ObjectNode of(ObjectMapper mapper, List<Route> routes) {
        OpenApiDocument generator = new OpenApiDocument(mapper);
        // the types read first, so that every schema a body reaches says it refuses unknown members
        for (Route route : routes) {
            if (route.body() != null) {
                generator.schema(mapper.constructType(route.body()), true);
            }
        }
        ObjectNode paths = generator.document.putObject("paths");
        for (Route route : routes) {
            generator.operation(paths, route);
        }
        return generator.document;
    }

    private void operation(ObjectNode paths, Route route) {
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        if (!tags.contains(route.tag())) {
            throw new IllegalStateException(route + ": tag " + route.tag() + " is not among the document's " + tags);
        }
        ObjectNode op = object(paths, route.template()).putObject(route.method().toLowerCase(java.util.Locale.ROOT));
        op.put("operationId", route.operationId());
        op.putArray("tags").add(route.tag());
        op.put("summary", route.summary());
        if (route.description() != null) {
            op.put("description", route.description());
        }
        ArrayNode parameters = op.putArray("parameters");
        Matcher variables = VARIABLE.matcher(route.template());
        while (variables.find()) {
            String shared = sharedParameter(variables.group(1), "path");
            if (shared != null) {
                parameters.addObject().put("$ref", "#/components/parameters/" + shared);
            } else {
                ObjectNode p = parameters.addObject().put("name", variables.group(1)).put("in", "path");
                p.put("required", true).putObject("schema").put("type", "string");
            }
        }
        for (String component : route.parameters()) {
            if (!document.path("components").path("parameters").has(component)) {
                throw new IllegalStateException(route + ": no shared parameter " + component);
            }
            parameters.addObject().put("$ref", "#/components/parameters/" + component);
        }
        for (Route.Query q : route.queries()) {
            ObjectNode p = parameters.addObject().put("name", q.name()).put("in", "query");
            if (q.required()) {
                p.put("required", true);
            }
            if (q.description() != null) {
                p.put("description", q.description());
            }
            p.set("schema", schema(mapper.constructType(q.type()), false));
        }
        if (parameters.isEmpty()) {
            op.remove("parameters");
        }
        if (route.body() != null) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .set("schema", schema(mapper.constructType(route.body()), true));
        }
        TreeMap<Integer, JsonNode> responses = new TreeMap<>();
        for (Route.Answer answer : route.answers()) {
            ObjectNode r = mapper.createObjectNode().put("description", answer.description);
            if (!answer.headers.isEmpty()) {
                ObjectNode headers = r.putObject("headers");
                for (String h : answer.headers) {
                    if (!document.path("components").path("headers").has(h)) {
                        throw new IllegalStateException(route + ": no shared header " + h);
                    }
                    headers.putObject(h).put("$ref", "#/components/headers/" + h);
                }
            }
            if (!answer.content.isEmpty()) {
                ObjectNode content = r.putObject("content");
                answer.content.forEach((mediaType, type) -> content.putObject(mediaType).set("schema", answer.problem
                        ? ref("Problem")
                        : mediaType.endsWith("json") ? schema(mapper.constructType(type), false)
                        : mapper.createObjectNode().put("type", "string")));
            }
            responses.put(answer.status, r);
        }
        List<Integer> problems = new ArrayList<>(route.shared());
        RoutePolicy policy = route.policy();
        if (!policy.open()) {
            problems.addAll(List.of(401, 403, 503));
        }
        if (route.body() != null) {
            problems.addAll(List.of(400, 413, 415));
        }
        if (policy.scope() == RoutePolicy.Scope.CASE || policy.scope() == RoutePolicy.Scope.PERSON
                || policy.scope() == RoutePolicy.Scope.HOUSEHOLD) {
            problems.add(404);
        }
        for (int status : problems) {
            String shared = RESPONSES.get(status);
            if (shared == null) {
                throw new IllegalStateException(route + ": no shared answer for " + status);
            }
            responses.putIfAbsent(status, mapper.createObjectNode().put("$ref", "#/components/responses/" + shared));
        }
        ObjectNode out = op.putObject("responses");
        responses.forEach((status, r) -> out.set(String.valueOf(status), r));
        if (policy.open()) {
            op.putArray("security"); // no bearer token: the document's default does not apply
        }
    }

    /** The member {@code name} of {@code parent}, added when absent ({@code with} reads "/..." as a pointer). */
    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
    }

    /** The name of the shared parameter {@code name} in {@code in}, or null. */
    private String sharedParameter(String name, String in) {
        var it = document.path("components").path("parameters").fields();
        while (it.hasNext()) {
            var p = it.next();
            if (name.equals(p.getValue().path("name").asText()) && in.equals(p.getValue().path("in").asText())) {
                return p.getKey();
            }
        }
        return null;
    }

    private ObjectNode ref(String name) {
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** The schema of a type, inline for scalars and collections, a reference for records and enums. */
    private ObjectNode schema(JavaType type, boolean reading) {
        Class<?> raw = type.getRawClass();
        ObjectNode s = mapper.createObjectNode();
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return s.put("type", "string");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class || raw == byte.class
                || raw == Byte.class) {
            return s.put("type", "integer").put("format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return s.put("type", "integer").put("format", "int64");
        }
        if (raw == BigInteger.class) {
            return s.put("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            return s.put("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return s.put("type", "boolean");
        }
        if (raw == LocalDate.class) {
            return s.put("type", "string").put("format", "date");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == LocalDateTime.class) {
            return s.put("type", "string").put("format", "date-time");
        }
        if (raw == LocalTime.class || raw == YearMonth.class || raw == Duration.class) {
            return s.put("type", "string");
        }
        if (raw == UUID.class) {
            return s.put("type", "string").put("format", "uuid");
        }
        if (raw == Optional.class) {
            return schema(type.containedTypeOrUnknown(0), reading);
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            s.put("type", "array").set("items", schema(type.getContentType(), reading));
            return s;
        }
        if (type.isMapLikeType()) {
            s.put("type", "object").set("additionalProperties", schema(type.getContentType(), reading));
            return s;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return s; // any JSON value
        }
        String name = name(type);
        JavaType known = named.putIfAbsent(name, type);
        if (known != null && !known.equals(type)) {
            throw new IllegalStateException("two types would be schema " + name + ": " + known + " and " + type);
        }
        if (known == null) {
            schemas.set(name, raw.isEnum() ? enumSchema(name, raw) : objectSchema(name, type, reading));
        }
        return ref(name);
    }

    private ObjectNode enumSchema(String name, Class<?> type) {
        ObjectNode s = described(name).put("type", "string");
        ArrayNode values = s.putArray("enum");
        for (Object constant : type.getEnumConstants()) {
            values.add(mapper.valueToTree(constant).asText());
        }
        return s;
    }

    private ObjectNode objectSchema(String name, JavaType type, boolean reading) {
        ObjectNode s = described(name).put("type", "object");
        schemas.set(name, s); // before its members: a type may contain itself
        if (reading) {
            read.add(name);
        }
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        ObjectNode properties = s.putObject("properties");
        List<String> required = new ArrayList<>();
        String listed = descriptions.getProperty(name + REQUIRED);
        if (listed != null) {
            required.addAll(List.of(listed.split("\\s*,\\s*")));
        }
        for (BeanPropertyDefinition p : bean.findProperties()) {
            ObjectNode member = schema(p.getPrimaryType(), reading);
            String description = descriptions.getProperty(name + "." + p.getName());
            if (description != null) {
                if (member.has("$ref")) {
                    ObjectNode wrapped = mapper.createObjectNode();
                    wrapped.putArray("allOf").add(member);
                    member = wrapped;
                }
                member.put("description", description);
            }
            properties.set(p.getName(), member);
            if (reading && (p.isRequired() || p.getPrimaryType().isPrimitive()) && !required.contains(p.getName())) {
                required.add(p.getName()); // a missing true/false or number is a 400, never guessed
            }
        }
        if (!required.isEmpty()) {
            ArrayNode list = mapper.createArrayNode();
            required.forEach(list::add);
            s.set("required", list);
        }
        if (reading) {
            s.put("additionalProperties", false);
        }
        return s;
    }

    private ObjectNode described(String name) {
        ObjectNode s = mapper.createObjectNode();
        String description = descriptions.getProperty(name);
        if (description != null) {
            s.put("description", description);
        }
        return s;
    }

    /**
     * A record's schema name: its simple name; a type nested in another type outside this package
     * is prefixed with the enclosing names ({@code FamilyView.Section} is {@code FamilyViewSection});
     * a generic type is prefixed with its arguments ({@code Page<CaseSummary>} is {@code CaseSummaryPage}).
     */
    static String name(JavaType type) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < type.containedTypeCount(); i++) {
            name.append(name(type.containedType(i)));
        }
        Class<?> raw = type.getRawClass();
        StringBuilder simple = new StringBuilder(raw.getSimpleName());
        if (!raw.getPackageName().equals(REST_PACKAGE)) {
            for (Class<?> outer = raw.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                simple.insert(0, outer.getSimpleName());
            }
        }
        return name.append(simple).toString();
    }

    private static JsonNode readBase(ObjectMapper mapper) {
        try (InputStream in = resource(BASE)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties readDescriptions() {
        Properties p = new Properties();
        try (InputStream in = resource(DESCRIPTIONS)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static InputStream resource(String name) {
        InputStream in = OpenApiDocument.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the bundle");
        }
        return in;
    }
}
