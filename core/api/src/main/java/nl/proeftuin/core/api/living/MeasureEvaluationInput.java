package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * The evaluation of a measure before its end.
 *
 * @param evaluatedOn when it was evaluated (required; not in the future)
 * @param choice      request an extension or let it end (required)
 * @param reasons     why (required)
 */
public record MeasureEvaluationInput(LocalDate evaluatedOn, MeasureChoice choice, String reasons) {
}
