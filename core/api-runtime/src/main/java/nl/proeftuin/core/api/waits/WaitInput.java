package nl.proeftuin.core.api.waits;

import java.time.LocalDate;

/**
 * A wait to record.
 *
 * @param waitFor       what is waited for (required)
 * @param waitingOn     the organisation waited on, for example the GI (required)
 * @param careRequestId the case's care request waited on (required for CARE; it must have been sent)
 * @param responsibleId the professional id of the active team member responsible meanwhile (required)
 * @param since         since when (default today; not in the future)
 * @param expected      the expected date, or null when unknown
 * @param note          a note, or null
 */
public record WaitInput(WaitFor waitFor, String waitingOn, String careRequestId, String responsibleId,
        LocalDate since, LocalDate expected, String note) {
}
