package nl.proeftuin.core.api.dto;

import java.util.Set;

/**
 * A person in a case's family system.
 *
 * @param person the person
 * @param roles  their roles in this case
 */
public record CaseMember(Person person, Set<FamilyRole> roles) {
}
