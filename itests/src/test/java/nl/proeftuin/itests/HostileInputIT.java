package nl.proeftuin.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every operation of the OpenAPI document fed what a hostile or careless client sends, as a user who
 * holds every role: bodies that are no JSON, the wrong JSON, nested thousands deep or not UTF-8; each
 * field of a well-formed body in turn set to the wrong type, null, left out, huge, out of range or
 * an impossible date; query parameters and path ids that mean nothing. The rule it holds the whole
 * platform to: <b>a bad input is a 4xx with an {@code application/problem+json} body, never a 5xx</b>,
 * and nothing already stored is half-written (the access log, which logs every one of these
 * requests, still verifies afterwards). The document is read at run time, so a route added later is
 * fed the same the day it is added. The mutations are drawn from a fixed seed: a failure repeats.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileInputIT extends KarafTestSupport {
    /** Holds every role, so each operation gets past the guard to its validation. */
    private static final String EVERY_ROLE = "hugo.hostile";
    /** Field mutations per operation with a body, drawn from its places x the values below. */
    private static final int MUTATIONS = 24;
    /** Operations that end the user's own session or are throttled per user: walked by other tests. */
    private static final Set<String> SKIPPED = Set.of("POST /auth/logout", "POST /auth/login");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a field is set to (each one is only ever placed into a copy of a body, never changed). */
    private static final List<JsonNode> VALUES = values();

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        options.add(editConfigurationFilePut(USERS_FILE, EVERY_ROLE, "{CRYPT}" + PASSWORD_HASH + "{CRYPT},PROFESSIONAL,"
                + "COORDINATOR,REGIONAL_ADMINISTRATOR,AUDITOR,SAFETY_DIRECTOR,PROCESS_DIRECTOR,INDEPENDENT_REVIEWER,"
                + "MUNICIPALITY"));
        return options.toArray(new Option[0]);
    }

    /** What came back wrong: the request, what it sent, the status and the start of the answer. */
    private final List<String> wrong = new ArrayList<>();
    private int sent;

    @Test
    public void everyBadInputIsA4xxProblemNeverA5xxAndTheLogStillVerifies() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        as(EVERY_ROLE);
        JsonNode document = JSON.readTree(get("/api/v1/openapi.json").body());
        String child = person("Hugo", "Kind", "2015-04-04");
        String parent = person("Hugo", "Ouder", "1985-04-04");
        String caseId = openArnhemCase(child, "CHILD", parent, "PARENT");
        String householdId = post("/api/v1/households",
                "{\"address\":\"Rijnkade 1\",\"postalCode\":\"6811 HA\",\"municipality\":\"Arnhem\"}", 201).path("id").asText();
        Map<String, String> ids = Map.of("caseId", caseId, "personId", child, "householdId", householdId, "code", "GM0202",
                "municipality", "GM0202", "point", "triage");
        Random random = new Random(13);
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!METHODS.contains(op.getKey()) || SKIPPED.contains(method + " " + path.getKey())) {
                    continue;
                }
                operations++;
                feed(document, method, path.getKey(), op.getValue(), ids, random);
            }
        }
        assertTrue("the document lists the API: " + operations, operations > 80);
        assertTrue("every failure below is a request answered wrongly (" + wrong.size() + " of " + sent + "):\n"
                + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))), wrong.isEmpty());
        // nothing half-written: the chain of every entry these requests logged is whole
        JsonNode verified = JSON.readTree(get("/api/v1/audit/verify").body());
        assertTrue("the access log verifies after " + sent + " hostile requests: " + verified,
                verified.path("intact").asBoolean());
    }

    private void feed(JsonNode document, String method, String template, JsonNode operation, Map<String, String> ids,
            Random random) throws Exception {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
        String path = fill(template, parameters, ids, null);
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode body = schema.isMissingNode() ? null : sample(document, schema, 0);
        // path ids that mean nothing
        if (template.contains("{")) {
            for (String junk : List.of("x", "x".repeat(3000), "..", "%00", "' OR 1=1 --")) {
                send(method, fill(template, parameters, ids, junk), body == null ? null : body.toString(),
                        "application/json", "path id " + junk.substring(0, Math.min(12, junk.length())));
            }
        }
        if ("GET".equals(method)) {
            for (JsonNode p : parameters) {
                if (!"query".equals(p.path("in").asText())) {
                    continue;
                }
                // (a malformed escape is Jetty's to refuse: EdgeResponsesTest, JettyEdgesTest)
                // a boolean or a number the server cannot read is refused, never read as absent or false
                JsonNode declared = resolve(document, p.path("schema"));
                String type = declared.path("type").asText();
                boolean typed = "boolean".equals(type) || "integer".equals(type);
                boolean wide = "int64".equals(declared.path("format").asText());
                for (String value : List.of("-1", "2147483648", "99999999999999999999", "x".repeat(5000), "", "2024-02-30",
                        "'", "\u0000", "yes")) {
                    boolean unreadable = typed && !value.isEmpty() && !("integer".equals(type) && value.equals("-1"))
                            && !(wide && value.equals("2147483648"));
                    send(method, path + "?" + p.path("name").asText() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                            null, null, "query " + p.path("name").asText() + "=" + value.substring(0,
                                    Math.min(12, value.length())), unreadable);
                }
            }
            send(method, path, null, null, "as documented");
            return;
        }
        if (body == null) {
            send(method, path, null, null, "no body");
            return;
        }
        // bodies that are not the JSON asked for
        for (String raw : List.of("", "null", "[]", "\"x\"", "{", "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), body + "garbage")) {
            send(method, path, raw, "application/json", "body " + raw.substring(0, Math.min(12, raw.length())));
        }
        send(method, path, body.toString(), "text/plain", "as text/plain");
        sendBytes(method, path, new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}, "application/json",
                "body not UTF-8", false);
        // each field of a well-formed body set to what it must not be, or left out
        for (int i = 0; i < MUTATIONS; i++) {
            JsonNode copy = body.deepCopy();
            int pick = random.nextInt(VALUES.size() + 1);
            List<Runnable> places = new ArrayList<>();
            places(copy, places, pick == VALUES.size() ? null : VALUES.get(pick));
            if (places.isEmpty()) {
                break;
            }
            places.get(random.nextInt(places.size())).run();
            send(method, path, copy.toString(), "application/json", copy.toString());
        }
    }

    /** The path with its variables filled: the fixture's ids (or a fresh id), or the same junk for all. */
    private static String fill(String template, List<JsonNode> parameters, Map<String, String> ids, String junk) {
        String path = template;
        for (JsonNode p : parameters) {
            if ("path".equals(p.path("in").asText())) {
                String name = p.path("name").asText();
                String value = junk != null ? junk : ids.getOrDefault(name, java.util.UUID.randomUUID().toString());
                path = path.replace("{" + name + "}", junk != null && junk.startsWith("%") ? junk
                        : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return "/api/v1" + path;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node.has("$ref")) {
            String[] ref = node.path("$ref").asText().split("/");
            node = document.path("components").path(ref[ref.length - 2]).path(ref[ref.length - 1]);
        }
        return node;
    }

    /** A well-formed value of the schema: the first enum constant, a date, 1, "x", one element. */
    private static JsonNode sample(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = resolve(document, schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(choice)) {
                return sample(document, s.path(choice).get(0), depth + 1);
            }
        }
        String type = s.path("type").asText();
        if ("object".equals(type) || s.has("properties")) {
            ObjectNode object = NODES.objectNode();
            s.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(), sample(document, e.getValue(), depth + 1)));
            return object;
        }
        return switch (type) {
            case "array" -> NODES.arrayNode().add(sample(document, s.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> switch (s.path("format").asText()) {
                case "date" -> NODES.textNode("2024-01-15");
                case "date-time" -> NODES.textNode("2024-01-15T10:00:00Z");
                default -> NODES.textNode("x");
            };
            default -> NODES.nullNode();
        };
    }

    /**
     * Every place in {@code node} (each object member, each array's first element, one unknown member
     * per object) as an action that puts {@code value} there; a null value leaves the member out.
     */
    private static void places(JsonNode node, List<Runnable> out, JsonNode value) {
        if (node instanceof ObjectNode object) {
            out.add(() -> object.set("zzUnknown", NODES.textNode("x")));
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.add(() -> {
                    if (value == null) {
                        object.remove(name);
                    } else {
                        object.set(name, value);
                    }
                });
                places(object.get(name), out, value);
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            out.add(() -> array.set(0, value == null ? NODES.nullNode() : value));
            places(array.get(0), out, value);
        }
    }

    /** The values a field is set to: wrong types, extremes, impossible dates, hostile text. */
    private static List<JsonNode> values() {
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 3000; i++) {
            many.add("x");
        }
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.numberNode(-1), NODES.numberNode(0),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("18446744073709551616")),
                NODES.numberNode(1e308), NODES.numberNode(3.5), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.objectNode(), NODES.arrayNode().addNull(), many));
        for (String text : List.of("", " ", "x".repeat(70_000), "\u0000", "é".repeat(3000), "../../etc/passwd", "%00",
                "9999-99-99", "0000-01-01", "+999999999-12-31", "2024-02-30", "2024-01-15T25:00:00Z", "1900-01-01",
                "-1", "1e309", "\uD83D\uDE00".repeat(2000), "<script>alert(1)</script>", "' OR 1=1 --")) {
            values.add(NODES.textNode(text));
        }
        return List.copyOf(values);
    }

    private void send(String method, String path, String body, String contentType, String what) throws Exception {
        send(method, path, body, contentType, what, false);
    }

    /** Sends and checks the answer; {@code refuse}: it must be a 400 (a parameter the server cannot read). */
    private void send(String method, String path, String body, String contentType, String what, boolean refuse)
            throws Exception {
        sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, what, refuse);
    }

    private void sendBytes(String method, String path, byte[] body, String contentType, String what, boolean refuse)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(EVERY_ROLE));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        sent++;
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        boolean ok = refuse ? status == 400 : status < 500;
        if (ok && status >= 400) {
            // also where Jetty refuses the request before any servlet sees it (a NUL in the path): its
            // server-wide handler is core/jetty's (etc/jetty.xml)
            ok = "application/problem+json".equals(type) && JSON.readTree(response.body()).path("status").asInt() == status;
        }
        if (!ok) {
            String answer = response.body();
            wrong.add(method + " " + path.substring(0, Math.min(120, path.length())) + " [" + what.substring(0,
                    Math.min(200, what.length())) + "] -> " + status + " " + type + " "
                    + answer.substring(0, Math.min(200, answer.length())));
        }
    }
}
