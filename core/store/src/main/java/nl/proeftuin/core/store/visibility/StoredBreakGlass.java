package nl.proeftuin.core.store.visibility;

import java.time.Instant;

/** One break-glass grant as stored; unreviewed while {@code reviewedAt} is null. */
public record StoredBreakGlass(String id, String userId, String userName, String caseId, String reason,
        Instant grantedAt, Instant expiresAt, Instant reviewedAt, String reviewedBy) {
}
