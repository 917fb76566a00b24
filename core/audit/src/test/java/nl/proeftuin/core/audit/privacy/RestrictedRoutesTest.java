package nl.proeftuin.core.audit.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLogEntry;
import org.junit.jupiter.api.Test;

/**
 * Which entries a person's access view and export leave out: those about restricted data, known by their
 * flag, their object type or the route they were logged for. Never by text a user chose: a professional
 * who read a family's case with {@code ?x=/safe-address} in the URL hid that read from the family.
 */
class RestrictedRoutesTest {

    private static AccessLogEntry entry(String purpose, String detail, String objectType, boolean restricted) {
        return new AccessLogEntry("e1", 1, Instant.EPOCH, "node", AccessAction.READ, "SUCCESS", "bram", "Bram",
                "PROFESSIONAL", "RVT", null, purpose, List.of("p1"), "k1", objectType, "k1", null, detail, restricted,
                null, "h");
    }

    @Test
    void theRoutesOfRestrictedDataAreLeftOut() {
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry(null, "GET /persons/{personId}/safe-address -> 200",
                "person", false)));
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry(null,
                "GET /persons/{personId}/safe-address: other_municipality", "person", false)), "a refusal too");
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry(null,
                "POST /cases/{caseId}/restricted-entries/{entryId}/readers -> 200", "case", false)));
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry("break-glass: GET /cases/{caseId}/restricted-entries",
                "GET /cases/{caseId}/restricted-entries -> 200", "case", false)));
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry(null, "GET /restricted-notices -> 200", null, false)));
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry(null, "read", "safe-address", false)));
        assertTrue(RestrictedRoutes.concernsRestrictedData(entry(null, "anything", "case", true)));
    }

    @Test
    void textAUserTypedHidesNothing() {
        assertFalse(RestrictedRoutes.concernsRestrictedData(entry(null, "GET /cases/{caseId} ?x=/safe-address -> 200",
                "case", false)), "a query value");
        assertFalse(RestrictedRoutes.concernsRestrictedData(entry(null,
                "POST /cases/{caseId}/entries {\"text\":\"/restricted-entries\"} -> 201", "case", false)));
        assertFalse(RestrictedRoutes.concernsRestrictedData(entry(null,
                "rectified givenName: zie /safe-address", "person", false)), "a reason in a service's line");
        assertFalse(RestrictedRoutes.concernsRestrictedData(entry("onderzoek /restricted-notices",
                "GET /cases/{caseId} -> 200", "case", false)), "a purpose");
        assertFalse(RestrictedRoutes.isRestrictedRoute("/cases/{caseId}/safe-address-history-of-nothing"));
        assertFalse(RestrictedRoutes.isRestrictedRoute(null));
    }
}
