package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * An evaluation of the current plan with the family.
 *
 * @param date    the date of the evaluation (required, not in the future)
 * @param summary what was found (required)
 * @param familyOpinion what the family said, in their words, or null
 */
public record EvaluationInput(LocalDate date, String summary, String familyOpinion) {
}
