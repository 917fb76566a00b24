package nl.proeftuin.core.spi;

import java.time.Instant;

/**
 * One person's assessment in a triage that needs several (for example the joint triage of a
 * municipal safety director and a Veiligheidshuis process director).
 *
 * @param assessorId     who
 * @param assessorName   name
 * @param assessorRole   their role in the triage, as the plugin names it (for example {@code SAFETY_DIRECTOR})
 * @param recommendation the route they recommend
 * @param note           their reasoning
 * @param at             when
 */
public record TriageAssessment(String assessorId, String assessorName, String assessorRole, Route recommendation,
        String note, Instant at) {
}
