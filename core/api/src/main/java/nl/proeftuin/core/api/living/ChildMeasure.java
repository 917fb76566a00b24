package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

import nl.proeftuin.core.api.dto.MeasureType;

/**
 * A child-protection measure of one child in a case, as the court decided it.
 *
 * @param id                     identifier
 * @param caseId                 the case
 * @param personId               the child
 * @param type                   the measure (OTS, out-of-home placement, guardianship)
 * @param startDate              from when the court imposed it
 * @param endDate                until when the court imposed it (an OTS is for a fixed term); null when open-ended
 * @param courtDecisionReference the court's decision (zaak- of rekestnummer, date)
 * @param endedOn                when it actually ended (earlier than or at its end date), or null while running
 * @param endReason              why it ended, or null
 * @param recordedAt             when it was recorded
 * @param recordedBy             who recorded it
 */
public record ChildMeasure(String id, String caseId, String personId, MeasureType type, LocalDate startDate,
        LocalDate endDate, String courtDecisionReference, LocalDate endedOn, String endReason, Instant recordedAt,
        String recordedBy) {

    /** @return whether the measure runs on the given day (started, not ended, not past its end date) */
    public boolean runsOn(LocalDate day) {
        return !startDate.isAfter(day) && (endedOn == null || endedOn.isAfter(day))
                && (endDate == null || !endDate.isBefore(day));
    }
}
