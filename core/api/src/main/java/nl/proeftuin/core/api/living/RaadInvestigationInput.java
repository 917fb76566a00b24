package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * A request to the Raad voor de Kinderbescherming to investigate a child's situation, as the Raad decided
 * to take it on.
 *
 * @param personId    the child (a CHILD member of the case)
 * @param question    the question put to the Raad (required)
 * @param requestedOn the day the Raad took the request on (required; not in the future); the report is due
 *                    three months later
 */
public record RaadInvestigationInput(String personId, String question, LocalDate requestedOn) {
}
