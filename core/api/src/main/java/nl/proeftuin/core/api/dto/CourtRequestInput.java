package nl.proeftuin.core.api.dto;

/**
 * A request to the court for a child-protection measure.
 *
 * @param measure the measure asked for
 * @param grounds the grounds (required)
 */
public record CourtRequestInput(MeasureType measure, String grounds) {
}
