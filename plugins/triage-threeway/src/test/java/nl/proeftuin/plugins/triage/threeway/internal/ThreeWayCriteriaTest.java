package nl.proeftuin.plugins.triage.threeway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.spi.BindingConfiguration;
import nl.proeftuin.core.spi.SafetyConcern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the configuration: defaults, accepted spellings, and a clear error for everything else. */
class ThreeWayCriteriaTest {

    @Test
    void anEmptyOrMissingConfigurationGivesTheDocumentedDefaults() {
        ThreeWayCriteria expected = new ThreeWayCriteria(3, SafetyConcern.SERIOUS, Set.of("ADDICTION", "PSYCHIATRY"), 5,
                null, true, true, Set.of());

        assertEquals(expected, ThreeWayCriteria.from(Map.of()));
        assertEquals(expected, ThreeWayCriteria.from(null));
    }

    @Test
    void everyKeyCanBeSet() {
        Map<String, String> c = new HashMap<>();
        c.put("complex.minProblemDomains", " 2 ");
        c.put("complex.onSafetyConcern", "moderate");
        c.put("complex.onParentalProblems", "addiction, PSYCHIATRY ,INTELLECTUAL_DISABILITY,");
        c.put("multiComplex.minProblemDomains", "4");
        c.put("multiComplex.onSafetyConcern", "Acute");
        c.put("multiComplex.onRepeatedViolence", "FALSE");
        c.put("multiComplex.onEarlierHelpWithoutResult", "false");
        c.put("multiComplex.onParentalProblems", "ADDICTION");

        ThreeWayCriteria criteria = ThreeWayCriteria.from(c);

        assertEquals(new ThreeWayCriteria(2, SafetyConcern.MODERATE,
                Set.of("ADDICTION", "PSYCHIATRY", "INTELLECTUAL_DISABILITY"), 4, SafetyConcern.ACUTE, false, false,
                Set.of("ADDICTION")), criteria);
    }

    @Test
    void criteriaSwitchOff() {
        ThreeWayCriteria c = ThreeWayCriteria.from(Map.of("complex.minProblemDomains", "0",
                "complex.onSafetyConcern", "off", "complex.onParentalProblems", " "));

        assertEquals(0, c.complexMinDomains());
        assertNull(c.complexSafety());
        assertTrue(c.complexParental().isEmpty());
    }

    @Test
    void theDeclaredDefaultsAreTheDocumentedOnes() {
        Map<String, String> documented = Map.of("complex.minProblemDomains", "3", "complex.onSafetyConcern", "SERIOUS",
                "complex.onParentalProblems", "ADDICTION,PSYCHIATRY", "multiComplex.minProblemDomains", "5",
                "multiComplex.onSafetyConcern", "OFF", "multiComplex.onRepeatedViolence", "true",
                "multiComplex.onEarlierHelpWithoutResult", "true", "multiComplex.onParentalProblems", "");

        assertEquals(documented.keySet(), BindingConfiguration.keys(ThreeWayConfig.class), "every key is declared");
        assertEquals(ThreeWayCriteria.from(documented), ThreeWayCriteria.from(Map.of()));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "complex.minProblemDomains        | three      | must be a whole number",
        "complex.minProblemDomains        | -1         | must be from 0 (off) to 9",
        "multiComplex.minProblemDomains   | 10         | must be from 0 (off) to 9",
        "complex.minProblemDomains        | ''         | must be a whole number",
        "complex.onSafetyConcern          | HIGH       | must be MODERATE, SERIOUS, ACUTE or OFF",
        "complex.onSafetyConcern          | NONE       | must be MODERATE, SERIOUS, ACUTE or OFF",
        "multiComplex.onSafetyConcern     | ''         | must be MODERATE, SERIOUS, ACUTE or OFF",
        "multiComplex.onRepeatedViolence  | ja         | must be true or false",
        "multiComplex.onEarlierHelpWithoutResult | 1   | must be true or false",
        "complex.onParentalProblems       | alcohol use, ADDICTION | cannot read [alcohol use]",
        "multiComplex.onParentalProblems  | GGZ;LVB    | cannot read [GGZ;LVB]",
    })
    void anUnusableValueIsRefusedWithTheKeyAndTheReason(String key, String value, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreeWayCriteria.from(Map.of(key, value)));

        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedRatherThanIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreeWayCriteria.from(Map.of("complex.minProblemDomain", "4")));

        assertTrue(e.getMessage().contains("unknown configuration key(s) [complex.minProblemDomain]"), e.getMessage());
        assertTrue(e.getMessage().contains("complex.minProblemDomains"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void meervoudigComplexMayNotNeedFewerDomainsThanComplex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreeWayCriteria.from(Map.of("multiComplex.minProblemDomains", "2")));

        assertEquals("triage-threeway: multiComplex.minProblemDomains (2) must not be lower than "
                + "complex.minProblemDomains (3)", e.getMessage());
        assertFalse(ThreeWayCriteria.from(Map.of("multiComplex.minProblemDomains", "2", "complex.minProblemDomains", "0"))
                .complexParental().isEmpty(), "with the complex criterion off the pair is consistent");
    }

    @Test
    void meervoudigComplexMayNotNeedAMilderConcernThanComplex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreeWayCriteria.from(Map.of("multiComplex.onSafetyConcern", "MODERATE")));

        assertTrue(e.getMessage().contains("must not be milder than complex.onSafetyConcern (SERIOUS)"), e.getMessage());
    }
}
