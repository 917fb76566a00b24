package nl.proeftuin.core.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Binding;
import org.junit.jupiter.api.Test;

class TextTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void hashesAreShortenedAndMissingValuesShowAsADash() {
        assertEquals("9f86d081884c", Text.shortHash(HASH));
        assertEquals("abc", Text.shortHash("abc"));
        assertEquals("-", Text.shortHash(null));
        assertEquals("-", Text.time(null, ZoneOffset.UTC));
        assertEquals("(none) -> simple-triage", Text.change(null, "simple-triage"));
        assertEquals("simple-triage -> (none)", Text.change("simple-triage", null));
    }

    @Test
    void timesReadInTheServersZone() {
        Instant at = Instant.parse("2026-03-01T10:00:05Z");
        assertEquals("2026-03-01 10:00:05", Text.time(at, ZoneOffset.UTC));
        assertEquals("2026-03-01 11:00:05", Text.time(at, ZoneId.of("Europe/Amsterdam")));
    }

    @Test
    void aNewBindingIsDescribedWithItsScopeRevisionAndSortedConfiguration() {
        Binding binding = new Binding(ExtensionPoint.TRIAGE, "Arnhem", "joint-triage", Map.of("b", "2", "a", "1"), HASH, 3,
                Instant.parse("2026-03-01T10:00:00Z"), "karaf", "ZVH pilot");
        assertEquals("""
                Bound TRIAGE for the municipality Arnhem to joint-triage (revision 3)
                  configuration 9f86d081884c
                    a = 1
                    b = 2
                  changed 2026-03-01 10:00:00 by karaf: ZVH pilot""", Text.describe(binding, ZoneOffset.UTC));
        Binding region = new Binding(ExtensionPoint.TRIAGE, null, "simple-triage", Map.of(), HASH, 1,
                Instant.parse("2026-03-01T10:00:00Z"), "karaf", "start");
        assertEquals("Bound TRIAGE for the region to simple-triage (revision 1)\n  configuration 9f86d081884c (empty)",
                Text.describe(region, ZoneOffset.UTC).lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }
}
