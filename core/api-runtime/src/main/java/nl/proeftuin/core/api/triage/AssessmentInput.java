package nl.proeftuin.core.api.triage;

import nl.proeftuin.core.spi.Route;

/**
 * One assessor's contribution to a triage that needs several.
 *
 * @param assessorRole   the role in which they assess, as the bound triage names it
 * @param recommendation the route they recommend
 * @param note           their reasoning (required)
 */
public record AssessmentInput(String assessorRole, Route recommendation, String note) {
}
