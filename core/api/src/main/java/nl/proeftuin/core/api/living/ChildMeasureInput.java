package nl.proeftuin.core.api.living;

import java.time.LocalDate;

import nl.proeftuin.core.api.dto.MeasureType;

/**
 * A measure the court imposed on one child of the case.
 *
 * @param personId               the child: a member of the case in the role CHILD
 * @param type                   the measure
 * @param startDate              from when (required)
 * @param endDate                until when (required for an OTS and an out-of-home placement: fixed terms)
 * @param courtDecisionReference the court's decision reference (required)
 */
public record ChildMeasureInput(String personId, MeasureType type, LocalDate startDate, LocalDate endDate,
        String courtDecisionReference) {
}
