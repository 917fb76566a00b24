package nl.proeftuin.core.security;

import java.time.Instant;

/**
 * Time-limited access to a case a professional is not assigned to, for a stated reason; always
 * flagged for review.
 *
 * @param id        identifier
 * @param userId    who
 * @param userName  their name
 * @param caseId    which case
 * @param reason    why (required)
 * @param grantedAt when
 * @param expiresAt until when
 * @param reviewedAt when an auditor or coordinator reviewed it, or null while flagged
 * @param reviewedBy who reviewed it, or null
 */
public record BreakGlassGrant(String id, String userId, String userName, String caseId, String reason,
        Instant grantedAt, Instant expiresAt, Instant reviewedAt, String reviewedBy) {
}
