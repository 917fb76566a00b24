package nl.proeftuin.core.store.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person as stored. The citizen service number never leaves the store unmasked.
 *
 * @param id               identifier
 * @param givenName        given name
 * @param familyName       family name
 * @param dateOfBirth      date of birth
 * @param nationalIdMasked the BSN masked except its last three digits, or null when none was recorded
 * @param createdAt        when recorded
 * @param createdBy        who recorded it
 */
public record StoredPerson(String id, String givenName, String familyName, LocalDate dateOfBirth,
        String nationalIdMasked, Instant createdAt, String createdBy) {
}
