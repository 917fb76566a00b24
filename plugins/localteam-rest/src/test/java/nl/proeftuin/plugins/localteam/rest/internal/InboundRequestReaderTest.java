package nl.proeftuin.plugins.localteam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.spi.InboundRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundRequestReaderTest {

    static final String VALID = """
            {"idempotencyKey":"lt-2026-0042","externalRef":"ZAAK-12","description":"Zorgen over thuissituatie",
             "receivedOn":"2026-11-20",
             "persons":[{"givenName":"Sam","familyName":"Jansen","dateOfBirth":"2016-04-01","roles":["CHILD"]},
                        {"givenName":"Eva","familyName":"Jansen","dateOfBirth":"1988-02-11","nationalId":"123456782",
                         "roles":["PARENT","VICTIM"]}]}
            """;

    final InboundRequestReader reader = new InboundRequestReader();

    InboundRequest read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), "Arnhem");
    }

    @Test
    void readsAValidRequest() {
        InboundRequest request = read(VALID);
        assertEquals("lt-2026-0042", request.idempotencyKey());
        assertEquals("Arnhem", request.municipality());
        assertEquals("ZAAK-12", request.externalRef());
        assertEquals(LocalDate.of(2026, 11, 20), request.receivedOn());
        assertEquals(2, request.persons().size());
        assertNull(request.persons().get(0).nationalId());
        assertEquals(Set.of(FamilyRole.PARENT, FamilyRole.VICTIM), request.persons().get(1).roles());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field           | \"municipality\":\"Ede\",                        | municipality",
        "key missing             | \"idempotencyKey\":null,                         | idempotencyKey",
        "description a number    | \"description\":42,                              | description",
        "bad date                | \"receivedOn\":\"20-11-2026\",                   | receivedOn",
        "persons not an array    | \"persons\":{},                                  | persons",
        "persons empty           | \"persons\":[],                                  | persons",
        "bad role                | \"persons\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2015-01-01\",\"roles\":[\"UNCLE\"]}], | persons[0].roles[0]",
        "person unknown field    | \"persons\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2015-01-01\",\"roles\":[\"CHILD\"],\"bsn\":\"1\"}], | persons[0].bsn",
        "bad national id         | \"persons\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2015-01-01\",\"roles\":[\"CHILD\"],\"nationalId\":\"12a\"}], | persons[0].nationalId",
        "family name missing     | \"persons\":[{\"givenName\":\"A\",\"dateOfBirth\":\"2015-01-01\",\"roles\":[\"CHILD\"]}], | persons[0].familyName",
        "key with a slash        | \"idempotencyKey\":\"a/b\",                      | idempotencyKey",
    })
    void refusesWithTheField(String why, String override, String field) {
        // the override comes first: with duplicate detection on, a repeated member is refused itself,
        // so build the object with the override replacing the member
        String json = replace(VALID, override);
        Problem problem = assertThrows(Problem.class, () -> read(json));
        assertEquals(400, problem.status);
        assertEquals(field, problem.extensions.get("field"), problem.getMessage());
    }

    @Test
    void refusesMalformedJsonDuplicatesTooLongTextAndTrailingData() {
        assertEquals("Malformed JSON", assertThrows(Problem.class, () -> read("{\"idempotencyKey\":")).title);
        assertEquals("Malformed JSON", assertThrows(Problem.class,
                () -> read("{\"description\":\"a\",\"description\":\"b\"}")).title);
        assertEquals("Malformed JSON", assertThrows(Problem.class, () -> read(VALID + "{}")).title);
        assertEquals("Malformed request", assertThrows(Problem.class, () -> read("[1]")).title);
        Problem tooLong = assertThrows(Problem.class,
                () -> read(replace(VALID, "\"description\":\"" + "x".repeat(4001) + "\",")));
        assertEquals("description", tooLong.extensions.get("field"));
        assertEquals("must be at most 4000 characters", tooLong.extensions.get("reason"));
    }

    /** VALID with the member named in {@code member} ("name":value,) replaced or added. */
    static String replace(String json, String member) {
        String name = member.substring(0, member.indexOf(':'));
        String value = member.substring(member.indexOf(':') + 1, member.length() - 1);
        java.util.Map<String, Object> tree;
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> parsed = mapper.readValue(json, java.util.LinkedHashMap.class);
            tree = parsed;
            tree.put(mapper.readValue(name, String.class), mapper.readValue(value, Object.class));
            return mapper.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(member, e);
        }
    }
}
