package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void formatsAVersionAsAStrongTag() {
        assertEquals("\"3\"", ETags.of(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" "})
    void ifMatchAcceptsTheVersionInItsThreeSpellings(String header) {
        assertEquals(3L, ETags.ifMatch(header));
    }

    @Test
    void absentIfMatchMeansNoExpectedVersion() {
        assertNull(ETags.ifMatch(null));
        assertNull(ETags.ifMatchInt(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "abc", "\"abc\"", "\"3\", \"4\"", "-1", "\"-1\"", "03", "3.0", "w/\"3\"",
            "\"3", "3\"", "99999999999999999999"})
    void anythingElseIs400NamingIfMatch(String header) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> ETags.ifMatch(header));
        assertEquals(400, problem.status);
        assertEquals("If-Match", problem.extensions.get("header"));
    }

    @Test
    void aPlanVersionMustFitAnInt() {
        assertEquals(7, ETags.ifMatchInt("\"7\""));
        assertEquals(400, assertThrows(ApiProblem.class, () -> ETags.ifMatchInt("\"4294967296\"")).status);
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(ETags.noneMatchHits("\"3\"", "\"3\""));
        assertTrue(ETags.noneMatchHits("W/\"3\"", "\"3\""));
        assertTrue(ETags.noneMatchHits("\"1\", \"3\"", "\"3\""));
        assertTrue(ETags.noneMatchHits("*", "\"3\""));
        assertFalse(ETags.noneMatchHits("\"2\"", "\"3\""));
        assertFalse(ETags.noneMatchHits(null, "\"3\""));
    }
}
