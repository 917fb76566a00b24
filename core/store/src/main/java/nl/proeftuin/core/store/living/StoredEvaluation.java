package nl.proeftuin.core.store.living;

import java.time.Instant;
import java.time.LocalDate;

import nl.proeftuin.core.api.living.MeasureChoice;

/** A row of {@code measure_evaluation}: the evaluation of a measure before its end. */
public record StoredEvaluation(String measureId, String caseId, MeasureChoice choice, String reasons,
        LocalDate evaluatedOn, Instant recordedAt, String recordedBy) {
}
