package nl.proeftuin.core.api.living;

import java.time.LocalDate;
import java.util.Set;

import nl.proeftuin.core.api.dto.FamilyRole;

/**
 * A person joining a case's family system (a new partner, a baby born), or a member's new roles.
 *
 * @param personId the person (for a role change: ignored, the path names them)
 * @param roles    their roles in the case (at least one)
 * @param since    from when; today when not given (not in the future)
 * @param reason   why (optional)
 */
public record MemberInput(String personId, Set<FamilyRole> roles, LocalDate since, String reason) {
}
