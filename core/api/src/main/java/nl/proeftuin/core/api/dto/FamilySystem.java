package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * The family system (<i>gezinssysteem</i>) of a case: its members, how they relate, and the
 * households they live in, across homes.
 *
 * @param members       members with their roles
 * @param relationships relationships among the members
 * @param households    households any member lives or lived in
 */
public record FamilySystem(List<CaseMember> members, List<Relationship> relationships, List<Household> households) {
}
