package nl.proeftuin.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Classifies and routes a new signal. Register as a DS service with {@link PluginId}.
 *
 * <p>Contract: a pure function of the request (including its configuration): the same request
 * gives the same decision. Called concurrently from several threads: be thread-safe. Return within
 * the time budget (default 2 s) or the core falls back to {@link Route#MANUAL_TRIAGE}. Throw only
 * for a bug or an unusable configuration; the core then falls back too and raises an alert.
 */
@ConsumerType
public interface Triage {

    /**
     * @param request the signal, family, facts, earlier assessments and configuration
     * @return the decision; never null
     */
    TriageDecision triage(TriageRequest request);
}
