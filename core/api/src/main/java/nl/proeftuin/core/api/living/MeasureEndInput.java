package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * The end of a running measure (lifted, not extended, the child came of age).
 *
 * @param endedOn when it ended (required; not before its start, not in the future)
 * @param reason  why (required)
 */
public record MeasureEndInput(LocalDate endedOn, String reason) {
}
