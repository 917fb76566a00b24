package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A signal's reporter and the feedback they were given (issue 14 part 10).
 *
 * @param id           identifier
 * @param caseId       the case
 * @param signalId     the linked signal, or null for the signal the case opened with
 * @param organisation the reporter's organisation
 * @param contact      how to reach them
 * @param receivedOn   when the signal was received
 * @param feedbackDue  by when they must be told what happens next (configurable days after the signal)
 * @param overdue      whether that day passed without feedback
 * @param toldOn       when they were told, or null
 * @param outcome      what they were told, or null
 * @param channel      how, or null
 * @param message      the sentence they were told (no case content), or null
 * @param toldBy       who told them, or null
 * @param recordedAt   when the reporter was recorded
 * @param recordedBy   who recorded them
 */
public record Reporter(String id, String caseId, String signalId, String organisation, String contact,
        LocalDate receivedOn, LocalDate feedbackDue, boolean overdue, LocalDate toldOn, FeedbackOutcome outcome,
        FeedbackChannel channel, String message, String toldBy, Instant recordedAt, String recordedBy) {

    /** @return the sentence a reporter is told for an outcome: that there is follow-up, never what about the family */
    public static String message(FeedbackOutcome outcome) {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case FOLLOW_UP_STARTED -> "Uw melding is opgepakt: er wordt vervolg aan gegeven. Over het gezin zelf kunnen"
                    + " wij u niets vertellen.";
            case REFERRED_ELSEWHERE -> "Uw melding is doorgezet naar een organisatie die het vervolg oppakt. Over het"
                    + " gezin zelf kunnen wij u niets vertellen.";
            case NO_FOLLOW_UP -> "Uw melding is zorgvuldig bekeken; er komt van onze kant geen vervolg. Over het gezin"
                    + " zelf kunnen wij u niets vertellen.";
        };
    }
}
