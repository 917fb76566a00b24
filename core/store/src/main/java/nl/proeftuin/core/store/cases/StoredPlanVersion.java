package nl.proeftuin.core.store.cases;

import java.time.Instant;

/**
 * One immutable plan version as stored. The store keeps the content as an opaque document; its
 * format (JSON) belongs to whoever writes it.
 *
 * @param caseId    the case
 * @param version   1, 2, 3, ...
 * @param content   the plan's content document
 * @param note      what changed, or null
 * @param createdAt when saved
 * @param createdBy by whom
 */
public record StoredPlanVersion(String caseId, int version, String content, String note, Instant createdAt,
        String createdBy) {
}
