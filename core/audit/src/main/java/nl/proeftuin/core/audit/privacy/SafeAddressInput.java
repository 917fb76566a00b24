package nl.proeftuin.core.audit.privacy;

import java.util.List;

/**
 * A safe address to record for a person.
 *
 * @param address      street and number (required)
 * @param postalCode   postal code, or null
 * @param municipality municipality (required)
 * @param restrictedTo who may see it besides the writer (at least one): "user:&lt;id&gt;" (a known user),
 *                     "role:&lt;ROLE&gt;" (a platform role, or the case position FIXED_PROFESSIONAL or CASUSREGIE:
 *                     whoever holds it now, also after a handover) or "person:&lt;personId&gt;" (a known person)
 */
public record SafeAddressInput(String address, String postalCode, String municipality, List<String> restrictedTo) {
}
