package nl.proeftuin.core.api.dto;

/**
 * Closing a case.
 *
 * @param reason  why (required): the outcome's reasons
 * @param outcome the structured outcome (issue 15); left out, the case closes with {@link ClosingOutcome#UNKNOWN}
 */
public record CloseInput(String reason, ClosingOutcome outcome) {

    /** Closing without a structured outcome (before issue 15). */
    public CloseInput(String reason) {
        this(reason, null);
    }
}
