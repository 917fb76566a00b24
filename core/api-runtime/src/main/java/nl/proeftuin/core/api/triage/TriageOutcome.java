package nl.proeftuin.core.api.triage;

import nl.proeftuin.core.api.plugins.Provenance;
import java.time.Instant;

import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;

/**
 * A stored triage decision of a case.
 *
 * @param id             identifier
 * @param caseId         the case
 * @param facts          the facts it was made from
 * @param decision       the decision (route MANUAL_TRIAGE when the fallback decided)
 * @param provenance     which plugin, version, configuration and input
 * @param fallback       whether the core's fallback decided instead of the bound plugin
 * @param fallbackReason why (absent, failed, timed out), or null
 * @param at             when
 * @param by             who asked for it
 */
public record TriageOutcome(String id, String caseId, TriageFacts facts, TriageDecision decision, Provenance provenance,
        boolean fallback, String fallbackReason, Instant at, String by) {
}
