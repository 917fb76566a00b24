package nl.proeftuin.core.audit.privacy;

import java.util.List;

/**
 * A safe address to record for a person.
 *
 * @param address      street and number (required)
 * @param postalCode   postal code, or null
 * @param municipality municipality (required)
 * @param restrictedTo who may see it besides the recorder: "user:&lt;id&gt;", "role:&lt;ROLE&gt;" or
 *                     "person:&lt;personId&gt;" (at least one)
 */
public record SafeAddressInput(String address, String postalCode, String municipality, List<String> restrictedTo) {
}
