package nl.proeftuin.core.api.waits;

import java.time.LocalDate;

/**
 * An open wait on a waiting list: which case, what for, on whom, since when and who is responsible
 * meanwhile; nothing of the family.
 *
 * @param waitId          the wait
 * @param caseId          the case
 * @param municipality    the case's municipality
 * @param waitFor         what is waited for
 * @param waitingOn       the organisation waited on
 * @param since           since when
 * @param ageDays         days waited so far
 * @param expected        the expected date, or null
 * @param pastExpected    past the expected date
 * @param responsibleName who is responsible meanwhile
 * @param responsibleOrg  their organisation
 */
public record WaitListItem(String waitId, String caseId, String municipality, WaitFor waitFor, String waitingOn,
        LocalDate since, long ageDays, LocalDate expected, boolean pastExpected, String responsibleName,
        String responsibleOrg) {
}
