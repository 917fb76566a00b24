package nl.proeftuin.core.api.dto;

import java.util.Set;

/**
 * A person in a case's family system, with their part in it.
 *
 * @param personId the recorded person
 * @param roles    one or more roles (child, parent, victim, perpetrator, witness, network)
 */
public record CaseMemberInput(String personId, Set<FamilyRole> roles) {
}
