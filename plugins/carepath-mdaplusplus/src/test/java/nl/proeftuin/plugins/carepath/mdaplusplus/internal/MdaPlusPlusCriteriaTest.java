package nl.proeftuin.plugins.carepath.mdaplusplus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.spi.BindingConfiguration;
import nl.proeftuin.core.spi.SafetyConcern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the configuration: defaults, accepted spellings, and a clear error for everything else. */
class MdaPlusPlusCriteriaTest {

    static final List<String> DEFAULT_TEAM = List.of("Veilig Thuis", "vrouwenopvang", "verslavingszorg", "ggz",
            "jeugdzorg", "ervaringsdeskundige");

    @Test
    void anEmptyOrMissingConfigurationGivesTheDocumentedDefaults() {
        MdaPlusPlusCriteria expected = new MdaPlusPlusCriteria(true, 2, true, SafetyConcern.SERIOUS, DEFAULT_TEAM,
                true, 1, Phase.ACUTE_SAFETY);

        assertEquals(expected, MdaPlusPlusCriteria.from(Map.of()));
        assertEquals(expected, MdaPlusPlusCriteria.from(null));
    }

    @Test
    void everyKeyCanBeSet() {
        Map<String, String> c = new HashMap<>();
        c.put("entry.requireRepeatedViolence", "FALSE");
        c.put("entry.minProblemDomains", " 4 ");
        c.put("entry.requireEarlierHelpWithoutResult", "false");
        c.put("entry.minSafetyConcern", "acute");
        c.put("coreTeam", " Veilig Thuis Gelderland-Midden, Moviera ,politie,,reclassering ");
        c.put("casusregie.required", "False");
        c.put("incidents.escalateAfter", "3");
        c.put("incidents.returnTo", "stabilisation");

        assertEquals(new MdaPlusPlusCriteria(false, 4, false, SafetyConcern.ACUTE,
                List.of("Veilig Thuis Gelderland-Midden", "Moviera", "politie", "reclassering"), false, 3,
                Phase.STABILISATION), MdaPlusPlusCriteria.from(c));
    }

    @Test
    void criteriaSwitchOff() {
        MdaPlusPlusCriteria c = MdaPlusPlusCriteria.from(Map.of("entry.minProblemDomains", "0",
                "entry.minSafetyConcern", "off", "incidents.escalateAfter", "0"));

        assertEquals(0, c.minProblemDomains());
        assertNull(c.minSafetyConcern());
        assertEquals(0, c.escalateAfter());
    }

    @Test
    void theDeclaredKeysAndDefaultsAreTheDocumentedOnes() {
        Map<String, String> documented = Map.of("entry.requireRepeatedViolence", "true", "entry.minProblemDomains", "2",
                "entry.requireEarlierHelpWithoutResult", "true", "entry.minSafetyConcern", "SERIOUS",
                "coreTeam", "Veilig Thuis,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige",
                "casusregie.required", "true", "incidents.escalateAfter", "1", "incidents.returnTo", "ACUTE_SAFETY");

        assertEquals(documented.keySet(), BindingConfiguration.keys(MdaPlusPlusConfig.class));
        assertEquals(MdaPlusPlusCriteria.from(Map.of()), MdaPlusPlusCriteria.from(documented));
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MdaPlusPlusCriteria.from(Map.of("entry.minProblemDomain", "3")));

        assertTrue(e.getMessage().contains("entry.minProblemDomain"), e.getMessage());
        assertTrue(e.getMessage().contains("entry.minProblemDomains"), "lists the known keys: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "entry.requireRepeatedViolence|ja",
        "entry.requireRepeatedViolence|''",
        "entry.requireEarlierHelpWithoutResult|1",
        "casusregie.required|yes",
        "entry.minProblemDomains|two",
        "entry.minProblemDomains|-1",
        "entry.minProblemDomains|10",
        "entry.minProblemDomains|2.5",
        "entry.minSafetyConcern|NONE",
        "entry.minSafetyConcern|high",
        "entry.minSafetyConcern|''",
        "coreTeam|''",
        "coreTeam|Veilig Thuis",
        "coreTeam|' , ,'",
        "coreTeam|Veilig Thuis,ggz,veilig thuis",
        "incidents.escalateAfter|-1",
        "incidents.escalateAfter|101",
        "incidents.escalateAfter|once",
        "incidents.returnTo|RECOVERY",
        "incidents.returnTo|RISK_DRIVEN_CARE",
        "incidents.returnTo|''",
    })
    void anUnusableValueIsRefusedNamingTheKey(String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MdaPlusPlusCriteria.from(Map.of(key, value)));

        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().startsWith("carepath-mdaplusplus: "), e.getMessage());
    }

    @Test
    void aNullValueIsReadAsEmptyAndRefusedWhereEmptyIsUnusable() {
        Map<String, String> c = new HashMap<>();
        c.put("incidents.returnTo", null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MdaPlusPlusCriteria.from(c));
        assertTrue(e.getMessage().contains("incidents.returnTo"), e.getMessage());
    }

    @Test
    void theBoundariesAreAccepted() {
        assertEquals(9, MdaPlusPlusCriteria.from(Map.of("entry.minProblemDomains", "9")).minProblemDomains());
        assertEquals(100, MdaPlusPlusCriteria.from(Map.of("incidents.escalateAfter", "100")).escalateAfter());
        assertEquals(SafetyConcern.MODERATE,
                MdaPlusPlusCriteria.from(Map.of("entry.minSafetyConcern", "MODERATE")).minSafetyConcern());
        assertEquals(List.of("VT", "politie"), MdaPlusPlusCriteria.from(Map.of("coreTeam", "VT,politie")).coreTeam());
    }
}
