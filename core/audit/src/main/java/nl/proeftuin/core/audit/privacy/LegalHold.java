package nl.proeftuin.core.audit.privacy;

import java.time.Instant;

/**
 * A legal hold: while not lifted, the person or case is neither purged nor erased.
 *
 * @param id          identifier
 * @param subjectType PERSON or CASE
 * @param subjectId   the person or case
 * @param reason      why
 * @param placedAt    when
 * @param placedBy    who
 * @param liftedAt    when lifted, or null while in force
 * @param liftedBy    who lifted it, or null
 */
public record LegalHold(String id, String subjectType, String subjectId, String reason, Instant placedAt,
        String placedBy, Instant liftedAt, String liftedBy) {
}
