package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A measure's cycle (issue 14 part 6): when its evaluation is due, and the evaluation once recorded.
 *
 * @param measureId     the measure
 * @param personId      the child
 * @param type          OTS, out-of-home placement or guardianship
 * @param endDate       the end of the court's term, or null (guardianship)
 * @param evaluationDue when the evaluation must be recorded (the term before the end date), or null without an end
 * @param overdue       whether the evaluation is due and was not recorded in time
 * @param choice        the choice recorded, or null
 * @param reasons       its reasons, or null
 * @param evaluatedOn   when it was evaluated, or null
 * @param recordedAt    when the evaluation was recorded, or null
 * @param recordedBy    who recorded it, or null
 */
public record MeasureCycle(String measureId, String personId, nl.proeftuin.core.api.dto.MeasureType type,
        LocalDate endDate, LocalDate evaluationDue, boolean overdue, MeasureChoice choice, String reasons,
        LocalDate evaluatedOn, Instant recordedAt, String recordedBy) {
}
