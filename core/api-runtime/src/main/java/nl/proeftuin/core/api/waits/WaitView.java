package nl.proeftuin.core.api.waits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A wait as the case shows it.
 *
 * @param id                identifier
 * @param caseId            the case
 * @param careRequestId     the care request waited on, or null
 * @param waitFor           what is waited for
 * @param waitingOn         the organisation waited on
 * @param municipality      the case's municipality
 * @param responsibleId     who is responsible meanwhile (professional id)
 * @param responsibleName   their name
 * @param responsibleOrg    their organisation
 * @param responsibleActive whether they are still an active member of the case's team
 * @param since             since when
 * @param expected          the expected date, or null
 * @param ageDays           days waited (to today, or to its end)
 * @param pastExpected      waiting and past the expected date
 * @param note              a note, or null
 * @param recordedAt        when recorded
 * @param recordedBy        by whom
 * @param endedOn           when it ended, or null while waiting
 * @param endReason         why it ended, or null
 */
public record WaitView(String id, String caseId, String careRequestId, WaitFor waitFor, String waitingOn,
        String municipality, String responsibleId, String responsibleName, String responsibleOrg,
        boolean responsibleActive, LocalDate since, LocalDate expected, long ageDays, boolean pastExpected,
        String note, Instant recordedAt, String recordedBy, LocalDate endedOn, String endReason) {
}
