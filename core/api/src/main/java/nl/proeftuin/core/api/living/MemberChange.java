package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import nl.proeftuin.core.api.dto.FamilyRole;

/**
 * One change of a case's family system, kept for good.
 *
 * @param id         identifier
 * @param caseId     the case
 * @param personId   the member
 * @param kind       {@code ADDED}, {@code ROLES_CHANGED} or {@code ENDED}
 * @param roles      the member's roles from then on (for ENDED: the roles they had)
 * @param on         from when (added, changed) or until when (ended)
 * @param reason     why, or null
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 */
public record MemberChange(String id, String caseId, String personId, String kind, Set<FamilyRole> roles,
        LocalDate on, String reason, Instant recordedAt, String recordedBy) {
}
