package nl.proeftuin.core.api.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded evaluation.
 *
 * @param id            identifier
 * @param planVersion   the plan version evaluated
 * @param date          date of the evaluation
 * @param summary       findings
 * @param familyOpinion the family's words, or null
 * @param recordedAt    when recorded
 * @param recordedBy    by whom
 */
public record Evaluation(String id, int planVersion, LocalDate date, String summary, String familyOpinion,
        Instant recordedAt, String recordedBy) {
}
