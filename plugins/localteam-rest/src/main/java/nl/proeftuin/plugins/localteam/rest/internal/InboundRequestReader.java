package nl.proeftuin.plugins.localteam.rest.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.spi.InboundPerson;
import nl.proeftuin.core.spi.InboundRequest;

/**
 * Reads the body of {@code POST /localteam/v1/{municipality}/requests} strictly: a JSON object with
 * exactly these members, nothing else (a typo must not be dropped silently):
 *
 * <pre>
 * {
 *   "idempotencyKey": "lt-2026-0042",        required, 1..100 of A-Z a-z 0-9 . _ : -
 *   "externalRef":    "ZAAK-12",             optional, at most 100 characters
 *   "description":    "why help is asked",   required, 1..4000 characters
 *   "receivedOn":     "2026-11-20",          required, ISO date
 *   "persons": [                             required, 1..20
 *     {"givenName": "Sam", "familyName": "Jansen", "dateOfBirth": "2016-04-01",   required, 1..100 / ISO date
 *      "nationalId": "123456782",                                                optional, 9 digits
 *      "roles": ["CHILD"]}                                                       required, 1..6 FamilyRole names
 *   ]
 * }
 * </pre>
 *
 * Everything wrong becomes a {@link Problem} 400 with the field path ({@code persons[1].dateOfBirth})
 * and the reason. The core checks the rest (a date of birth in the future, a BSN's checksum, ...).
 */
final class InboundRequestReader {
    static final int MAX_KEY = 100;
    static final int MAX_REF = 100;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NAME = 100;
    static final int MAX_PERSONS = 20;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]+");
    static final Pattern NATIONAL_ID = Pattern.compile("[0-9]{9}");

    private static final Set<String> REQUEST_FIELDS = Set.of("idempotencyKey", "externalRef", "description",
            "receivedOn", "persons");
    private static final Set<String> PERSON_FIELDS = Set.of("givenName", "familyName", "dateOfBirth", "nationalId",
            "roles");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** @throws Problem 400 naming the field and the reason */
    InboundRequest read(byte[] body, String municipality) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonParseException e) {
            throw new Problem(400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Problem(400, "Malformed JSON", "the body is not valid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new Problem(400, "Malformed JSON", "the body is empty");
        }
        object(root, "", REQUEST_FIELDS);
        String key = text(root, "idempotencyKey", MAX_KEY, true);
        if (!KEY.matcher(key).matches()) {
            throw Problem.invalidField("idempotencyKey", "only letters, digits and . _ : - are allowed");
        }
        String externalRef = text(root, "externalRef", MAX_REF, false);
        String description = text(root, "description", MAX_DESCRIPTION, true);
        LocalDate receivedOn = date(root, "receivedOn");
        JsonNode persons = root.get("persons");
        if (persons == null || persons.isNull()) {
            throw Problem.invalidField("persons", "is required");
        }
        if (!persons.isArray()) {
            throw Problem.invalidField("persons", "must be an array");
        }
        if (persons.isEmpty() || persons.size() > MAX_PERSONS) {
            throw Problem.invalidField("persons", "must name 1 to " + MAX_PERSONS + " persons");
        }
        List<InboundPerson> read = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            read.add(person(persons.get(i), "persons[" + i + "]"));
        }
        return new InboundRequest(key, municipality, externalRef, description, receivedOn, List.copyOf(read));
    }

    private static InboundPerson person(JsonNode node, String path) {
        object(node, path + ".", PERSON_FIELDS);
        String givenName = text(node, "givenName", path, MAX_NAME, true);
        String familyName = text(node, "familyName", path, MAX_NAME, true);
        LocalDate dateOfBirth = date(node, "dateOfBirth", path);
        String nationalId = text(node, "nationalId", path, 9, false);
        if (nationalId != null && !NATIONAL_ID.matcher(nationalId).matches()) {
            throw Problem.invalidField(path + ".nationalId", "must be 9 digits");
        }
        JsonNode roles = node.get("roles");
        String field = path + ".roles";
        if (roles == null || roles.isNull()) {
            throw Problem.invalidField(field, "is required");
        }
        if (!roles.isArray() || roles.isEmpty()) {
            throw Problem.invalidField(field, "must be a non-empty array of " + EnumSet.allOf(FamilyRole.class));
        }
        Set<FamilyRole> read = EnumSet.noneOf(FamilyRole.class);
        for (int i = 0; i < roles.size(); i++) {
            JsonNode role = roles.get(i);
            if (!role.isTextual()) {
                throw Problem.invalidField(field + "[" + i + "]", "must be a string");
            }
            try {
                read.add(FamilyRole.valueOf(role.asText()));
            } catch (IllegalArgumentException e) {
                throw Problem.invalidField(field + "[" + i + "]",
                        "'" + role.asText() + "' is not one of " + EnumSet.allOf(FamilyRole.class));
            }
        }
        return new InboundPerson(givenName, familyName, dateOfBirth, nationalId, Set.copyOf(read));
    }

    private static void object(JsonNode node, String prefix, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw prefix.isEmpty() ? new Problem(400, "Malformed request", "the body must be a JSON object")
                    : Problem.invalidField(prefix.substring(0, prefix.length() - 1), "must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                throw Problem.invalidField(prefix + name, "unknown field (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String name, int max, boolean required) {
        return text(node, name, null, max, required);
    }

    private static String text(JsonNode node, String name, String path, int max, boolean required) {
        String field = path == null ? name : path + "." + name;
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw Problem.invalidField(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw Problem.invalidField(field, "must be a string");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                throw Problem.invalidField(field, "must not be blank");
            }
            return null;
        }
        if (text.length() > max) {
            throw Problem.invalidField(field, "must be at most " + max + " characters");
        }
        return text;
    }

    private static LocalDate date(JsonNode node, String name) {
        return date(node, name, null);
    }

    private static LocalDate date(JsonNode node, String name, String path) {
        String text = text(node, name, path, 10, true);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(path == null ? name : path + "." + name, "must be a date as yyyy-mm-dd");
        }
    }
}
