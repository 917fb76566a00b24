package nl.proeftuin.core.audit.privacy;

import java.time.Instant;

/**
 * A notice to a user named on restricted data that it changed. It never holds the data itself.
 *
 * @param id         identifier
 * @param objectType "safe-address" or "restricted-entry"
 * @param objectId   the person (safe address) or the entry
 * @param personId   the person concerned, or null
 * @param caseId     the case concerned, or null
 * @param message    what changed, in words
 * @param createdAt  when
 * @param createdBy  who changed it
 */
public record RestrictedNotice(String id, String objectType, String objectId, String personId, String caseId,
        String message, Instant createdAt, String createdBy) {
}
