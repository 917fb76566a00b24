package nl.proeftuin.core.api.triage;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Replays a candidate triage plugin and configuration over the stored triage facts of a cohort,
 * without side effects: nothing is written (no outcome, case event, alert or outbox entry); the plugin
 * is called as live triage calls it (on the core's threads, within the same time budget).
 *
 * @throws nl.proeftuin.core.api.InvalidInputException  bad input (a 400 naming the field)
 * @throws nl.proeftuin.core.api.RuleViolationException {@code plugin-not-present}; {@code cohort-too-large}
 * @since 1.1
 */
@ProviderType
public interface TriageReplay {

    /** Replays the candidate over the cohort's latest stored triage per case. */
    ReplayResult replay(Actor actor, ReplayInput input);
}
