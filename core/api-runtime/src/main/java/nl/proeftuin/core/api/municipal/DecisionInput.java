package nl.proeftuin.core.api.municipal;

/**
 * A decision to record.
 *
 * @param outcome {@code GRANTED}, {@code REFUSED} or {@code PARTLY} (required)
 * @param reasons the reasons (required)
 */
public record DecisionInput(String outcome, String reasons) {
}
