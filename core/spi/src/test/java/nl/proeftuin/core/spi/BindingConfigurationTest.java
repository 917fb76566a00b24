package nl.proeftuin.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/** The call-time check of a binding configuration, and the Converter reading what it passes. */
class BindingConfigurationTest {

    /** A plugin's configuration type, as an {@code @ObjectClassDefinition} declares it. */
    public @interface Sample {
        int complex_minProblemDomains() default 3;

        boolean onRepeatedViolence() default true;

        long refresh$_$seconds() default 300L;

        String some__name() default "x";
    }

    private static Sample read(Map<String, String> config) {
        return Converters.standardConverter().convert(BindingConfiguration.checked("p", config, Sample.class))
                .to(Sample.class);
    }

    @Test
    void keysFollowTheMetatypeNaming() {
        assertEquals(Set.of("complex.minProblemDomains", "onRepeatedViolence", "refresh-seconds", "some_name"),
                BindingConfiguration.keys(Sample.class));
        assertEquals("a$b", BindingConfiguration.key("a$$b"));
        assertEquals("ab", BindingConfiguration.key("a$b"));
    }

    @Test
    void theConverterReadsTheCheckedValuesAndTheDefaults() {
        Sample defaults = read(null);
        assertEquals(3, defaults.complex_minProblemDomains());
        assertTrue(defaults.onRepeatedViolence());
        assertEquals(300L, defaults.refresh$_$seconds());

        Sample set = read(Map.of("complex.minProblemDomains", " 2 ", "onRepeatedViolence", "FALSE",
                "refresh-seconds", "0", "some_name", " y "));
        assertEquals(2, set.complex_minProblemDomains());
        assertEquals(false, set.onRepeatedViolence());
        assertEquals(0L, set.refresh$_$seconds());
        assertEquals("y", set.some__name());
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("complex.minProblemDomain", "2")));
        assertEquals("p: unknown configuration key(s) [complex.minProblemDomain]; known keys are"
                + " [complex.minProblemDomains, onRepeatedViolence, refresh-seconds, some_name]", e.getMessage());
    }

    @Test
    void whatTheConverterWouldReadSilentlyIsRefused() {
        assertEquals("p: onRepeatedViolence must be true or false, not 'ja'", assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("onRepeatedViolence", "ja"))).getMessage());
        assertEquals("p: complex.minProblemDomains must be a whole number, not 'three'",
                assertThrows(IllegalArgumentException.class, () -> read(Map.of("complex.minProblemDomains", "three")))
                        .getMessage());
        assertEquals("p: refresh-seconds must be a whole number, not ''", assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("refresh-seconds", ""))).getMessage());
    }
}
