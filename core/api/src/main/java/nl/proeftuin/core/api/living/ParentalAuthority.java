package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who holds parental authority (gezag) over one child, from when. Joint authority is two of these.
 *
 * @param id                 identifier
 * @param caseId             the case it was recorded in
 * @param personId           the child
 * @param holderPersonId     the parent holding it (a member of the case), or null for an organisation
 * @param holderOrganisation the organisation holding it (a GI with voogdij), or null for a parent
 * @param since              from when
 * @param until              until when, or null while held
 * @param endReason          why it ended, or null
 * @param recordedAt         when it was recorded
 * @param recordedBy         who recorded it
 */
public record ParentalAuthority(String id, String caseId, String personId, String holderPersonId,
        String holderOrganisation, LocalDate since, LocalDate until, String endReason, Instant recordedAt,
        String recordedBy) {
}
