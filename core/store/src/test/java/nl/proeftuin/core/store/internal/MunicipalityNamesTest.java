package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nl.proeftuin.core.store.region.MunicipalityNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names that look alike are one name, or refused: the hostile test's spellings of Arnhem. */
class MunicipalityNamesTest {

    @Test
    void caseAndSpacingAndCompatibilityFormsShareTheKey() {
        assertEquals("arnhem", MunicipalityNames.key("arnhem"));
        assertEquals("arnhem", MunicipalityNames.key("ARNHEM"));
        assertEquals("arnhem", MunicipalityNames.key(" Arnhem "));
        assertEquals("arnhem", MunicipalityNames.key("\uFF21rnhem"), "full-width A is NFKC's plain A");
        assertEquals("'s-hertogenbosch", MunicipalityNames.key("'s-Hertogenbosch"));
        assertEquals("súdwest-fryslân", MunicipalityNames.key("Súdwest-Fryslân"));
        assertEquals("bergen op zoom", MunicipalityNames.key("Bergen  op Zoom"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Arnhem\u200b", "Arnhem\u0000", "Arnh\u0435m", "\u0410rnhem", "Arnhem\u202e", "Arnhem\n",
            "Arnhem1", "Arnhem;DROP", "", "   ", "-Arnhem", "Arn\u00adhem"})
    void controlZeroWidthAndLookAlikeCharactersAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> MunicipalityNames.key(name));
    }

    @Test
    void cbsCodes() {
        assertEquals(true, MunicipalityNames.isCbsCode("GM0202"));
        assertEquals(false, MunicipalityNames.isCbsCode("gm0202"));
        assertEquals(false, MunicipalityNames.isCbsCode("GM202"));
    }
}
