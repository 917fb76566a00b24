package nl.proeftuin.core.store.privacy;

import java.time.Instant;

/** A notice to one named user that restricted data changed; read by its recipient only. */
public record StoredNotice(String id, String recipientId, String personId, String caseId, String objectType,
        String objectId, String message, Instant createdAt, String createdBy) {
}
