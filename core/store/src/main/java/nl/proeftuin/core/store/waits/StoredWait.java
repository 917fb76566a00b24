package nl.proeftuin.core.store.waits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A wait.
 *
 * @param id              identifier
 * @param caseId          the case
 * @param careRequestId   the care request waited on, or null
 * @param waitFor         {@code GI_WORKER}, {@code CARE}, {@code RAAD_INVESTIGATION}
 * @param waitingOn       the organisation waited on
 * @param municipality    the case's municipality when the wait began
 * @param responsibleId   the team member responsible meanwhile (professional id)
 * @param responsibleName their name
 * @param responsibleOrg  their organisation
 * @param since           since when
 * @param expected        expected by, or null
 * @param note            a note, or null
 * @param recordedAt      when recorded
 * @param recordedBy      by whom
 * @param endedOn         when it ended, or null while waiting
 * @param endedAt         when the end was recorded, or null
 * @param endedBy         by whom, or null
 * @param endReason       why it ended, or null
 */
public record StoredWait(String id, String caseId, String careRequestId, String waitFor, String waitingOn,
        String municipality, String responsibleId, String responsibleName, String responsibleOrg, LocalDate since,
        LocalDate expected, String note, Instant recordedAt, String recordedBy, LocalDate endedOn, Instant endedAt,
        String endedBy, String endReason) {
}
