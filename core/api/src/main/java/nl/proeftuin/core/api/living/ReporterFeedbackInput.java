package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * That the reporter was told what happens next.
 *
 * @param outcome what they were told (required); the platform's standard sentence for it is what they heard
 * @param channel how (required)
 * @param toldOn  when (required; not in the future, not before the signal)
 */
public record ReporterFeedbackInput(FeedbackOutcome outcome, FeedbackChannel channel, LocalDate toldOn) {
}
