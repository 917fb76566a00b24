package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A Raad investigation of a child in the case with its report-back deadline.
 *
 * @param id          identifier
 * @param caseId      the case
 * @param personId    the child
 * @param question    the question put to the Raad
 * @param requestedOn when the Raad took it on
 * @param reportDue   the report-back deadline (three months after the request)
 * @param overdue     whether the report is past its deadline and not recorded
 * @param reportedOn  when the Raad reported, or null
 * @param conclusion  what it concluded, or null
 * @param summary     the report in short, or null
 * @param recordedAt  when the request was recorded
 * @param recordedBy  who recorded it
 */
public record RaadInvestigation(String id, String caseId, String personId, String question, LocalDate requestedOn,
        LocalDate reportDue, boolean overdue, LocalDate reportedOn, RaadConclusion conclusion, String summary,
        Instant recordedAt, String recordedBy) {
}
