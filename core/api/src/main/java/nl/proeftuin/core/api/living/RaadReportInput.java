package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * The Raad's report on an investigation.
 *
 * @param reportedOn when the Raad reported (required; not in the future)
 * @param conclusion what it concluded (required)
 * @param summary    what the report says, in short (required)
 */
public record RaadReportInput(LocalDate reportedOn, RaadConclusion conclusion, String summary) {
}
