package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A move of a case's responsible municipality: when, why, who, and what followed the case.
 *
 * @param id               identifier
 * @param caseId           the case
 * @param fromMunicipality the municipality responsible before
 * @param toMunicipality   the municipality responsible since
 * @param movedOn          the day the family moved
 * @param reason           why
 * @param requestsMoved    undecided maatwerk and care requests now addressed to the new municipality
 * @param waitsMoved       open waits now on the new municipality's waiting list
 * @param recordedAt       when it was recorded
 * @param recordedBy       who recorded it
 */
public record MunicipalityMove(String id, String caseId, String fromMunicipality, String toMunicipality,
        LocalDate movedOn, String reason, int requestsMoved, int waitsMoved, Instant recordedAt, String recordedBy) {
}
