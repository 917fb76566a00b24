package nl.proeftuin.core.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void configurationEntriesBecomeAMapInTheOrderTyped() {
        Map<String, String> configuration = Arguments.configuration(
                List.of("threshold=2", " url = https://lt.example/api?x=1", "token=", "mode=a=b"));
        assertEquals(List.of("threshold", "url", "token", "mode"), List.copyOf(configuration.keySet()));
        assertEquals("2", configuration.get("threshold"));
        assertEquals(" https://lt.example/api?x=1", configuration.get("url"), "the value is kept as typed after the first =");
        assertEquals("", configuration.get("token"));
        assertEquals("a=b", configuration.get("mode"));
        assertEquals(Map.of(), Arguments.configuration(null));
        assertEquals(Map.of(), Arguments.configuration(List.of()));
    }

    @Test
    void badConfigurationEntriesAreRefusedSayingWhich() {
        assertEquals("Configuration must be key=value, not 'threshold'",
                assertThrows(IllegalArgumentException.class, () -> Arguments.configuration(List.of("threshold"))).getMessage());
        assertEquals("Configuration key missing in ' =2'",
                assertThrows(IllegalArgumentException.class, () -> Arguments.configuration(List.of(" =2"))).getMessage());
        assertEquals("Configuration key 'a' given twice",
                assertThrows(IllegalArgumentException.class, () -> Arguments.configuration(List.of("a=1", "a =2"))).getMessage());
    }

    @Test
    void pointsAreCaseInsensitiveAndTakeAHyphen() {
        assertEquals(ExtensionPoint.TRIAGE, Arguments.point("triage"));
        assertEquals(ExtensionPoint.CARE_PATH, Arguments.point("care-path"));
        assertEquals(ExtensionPoint.LOCAL_TEAM, Arguments.point(" LOCAL_TEAM "));
        assertNull(Arguments.optionalPoint(null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Arguments.point("weather"));
        assertEquals("Unknown extension point 'weather': one of TRIAGE, CARE_PATH, LOCAL_TEAM, PROCUREMENT", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.point(" "));
    }

    @Test
    void theScopeIsTheRegionWithoutAMunicipalityAndABlankOneIsRefused() {
        assertNull(Arguments.municipality(null));
        assertEquals("Berg en Dal", Arguments.municipality(" Berg en Dal "));
        assertThrows(IllegalArgumentException.class, () -> Arguments.municipality(" "));
        assertEquals("region", Text.scope(null));
        assertEquals("municipality Arnhem", Text.scope("Arnhem"));
    }

    @Test
    void theReasonIsTheRemainingWordsAndIsRequired() {
        assertEquals("pilot start in Arnhem", Arguments.reason(List.of("pilot", "start ", "in", "Arnhem")));
        assertEquals("Karaf passes a quoted reason as one word", Arguments.reason(List.of("Karaf passes a quoted reason as one word")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Arguments.reason(null)).getMessage().contains("reason is required"));
        assertThrows(IllegalArgumentException.class, () -> Arguments.reason(Arrays.asList(" ", null)));
    }

    @Test
    void theAlertLimitIsFrom1To1000() {
        assertEquals(1, Arguments.limit(1));
        assertEquals(1000, Arguments.limit(1000));
        assertEquals("-n must be from 1 to 1000, not 0",
                assertThrows(IllegalArgumentException.class, () -> Arguments.limit(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.limit(1001));
    }

    @Test
    void completionOffersTheOptionsStartingWithWhatIsTyped() {
        List<String> points = List.of("TRIAGE", "CARE_PATH", "LOCAL_TEAM", "PROCUREMENT");
        assertEquals(List.of("CARE_PATH"), Arguments.matching("ca", points));
        assertEquals(points, Arguments.matching("", points));
        assertEquals(List.of(), Arguments.matching("x", points));
    }
}
