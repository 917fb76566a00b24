package nl.proeftuin.core.store.triage;

import java.time.Instant;

/**
 * A triage outcome as stored: the documents as JSON text, the provenance in columns.
 *
 * @param id                identifier
 * @param caseId            the case
 * @param roundId           the triage round (the id of the outcome that opened it)
 * @param facts             the facts document
 * @param decision          the decision document
 * @param pending           whether the decision waits for more assessments
 * @param classification    the decision's classification
 * @param route             the decision's route, or null
 * @param pluginId          the plugin that decided, or the fallback's id
 * @param bundle            its bundle's symbolic name
 * @param bundleVersion     its bundle's version
 * @param configurationHash the binding configuration's hash, or null when there was no binding
 * @param bindingRevision   the binding revision resolved (0 when there was none)
 * @param inputDigest       SHA-256 of the request
 * @param outputDigest      SHA-256 of the decision
 * @param decidedAt         when the decision was made
 * @param fallback          whether the fallback decided
 * @param fallbackReason    why, or null
 * @param at                when recorded
 * @param by                who asked for it
 */
public record StoredTriageOutcome(String id, String caseId, String roundId, String facts, String decision,
        boolean pending, String classification, String route, String pluginId, String bundle, String bundleVersion,
        String configurationHash, long bindingRevision, String inputDigest, String outputDigest, Instant decidedAt,
        boolean fallback, String fallbackReason, Instant at, String by) {
}
