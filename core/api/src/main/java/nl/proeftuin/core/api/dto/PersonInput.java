package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A person to record.
 *
 * @param givenName   given name (required)
 * @param familyName  family name (required)
 * @param dateOfBirth date of birth (required; ages 0 to 100 are all in scope)
 * @param nationalId  optional citizen service number (BSN, nine digits, passes the eleven test);
 *                    stored, but only ever shown masked
 */
public record PersonInput(String givenName, String familyName, LocalDate dateOfBirth, String nationalId) {
}
