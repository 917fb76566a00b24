package nl.proeftuin.core.spi;

import java.time.LocalDate;
import java.util.Set;

import nl.proeftuin.core.api.dto.FamilyRole;

/**
 * A person named in a request from a municipality's local team.
 *
 * @param givenName   given name (required)
 * @param familyName  family name (required)
 * @param dateOfBirth date of birth (required)
 * @param nationalId  BSN, or null
 * @param roles       the person's part in the family (at least one)
 */
public record InboundPerson(String givenName, String familyName, LocalDate dateOfBirth, String nationalId,
        Set<FamilyRole> roles) {
}
