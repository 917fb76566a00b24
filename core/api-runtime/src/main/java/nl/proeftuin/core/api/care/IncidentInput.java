package nl.proeftuin.core.api.care;

import java.time.LocalDate;

/**
 * A repeat incident to record.
 *
 * @param occurredOn  when it happened (required, not in the future)
 * @param description what happened (required)
 */
public record IncidentInput(LocalDate occurredOn, String description) {
}
