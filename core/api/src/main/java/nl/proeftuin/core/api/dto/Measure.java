package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A court measure in force.
 *
 * @param type  OTS, out-of-home placement or guardianship
 * @param since start date
 * @param until end date, or null when open-ended
 */
public record Measure(MeasureType type, LocalDate since, LocalDate until) {
}
