package nl.proeftuin.core.api.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A repeat incident recorded on a case.
 *
 * @param id          identifier
 * @param occurredOn  when it happened
 * @param description what happened
 * @param at          when recorded
 * @param by          by whom
 */
public record Incident(String id, LocalDate occurredOn, String description, Instant at, String by) {
}
