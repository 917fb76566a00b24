package nl.proeftuin.core.store.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A repeat incident.
 *
 * @param id          identifier
 * @param caseId      the case
 * @param occurredOn  when it happened
 * @param description what happened
 * @param at          when recorded
 * @param by          by whom
 */
public record StoredIncident(String id, String caseId, LocalDate occurredOn, String description, Instant at,
        String by) {
}
