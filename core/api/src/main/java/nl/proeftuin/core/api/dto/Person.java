package nl.proeftuin.core.api.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded person.
 *
 * @param id               identifier
 * @param givenName        given name
 * @param familyName       family name
 * @param dateOfBirth      date of birth
 * @param age              age in whole years today
 * @param nationalIdMasked the BSN masked except its last three digits (for example {@code ******782}), or null
 * @param createdAt        when recorded
 * @param createdBy        who recorded it
 */
public record Person(String id, String givenName, String familyName, LocalDate dateOfBirth, int age,
        String nationalIdMasked, Instant createdAt, String createdBy) {
}
