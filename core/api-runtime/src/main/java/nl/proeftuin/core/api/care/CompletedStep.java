package nl.proeftuin.core.api.care;

import java.time.Instant;

import nl.proeftuin.core.api.dto.Phase;

/**
 * A care-path step recorded as done.
 *
 * @param step     the step id (as the path names it, for example {@code analysis})
 * @param phase    the case's phase when it was done
 * @param note     what was done, in plain words
 * @param pluginId the care path it belongs to
 * @param at       when
 * @param by       who
 */
public record CompletedStep(String step, Phase phase, String note, String pluginId, Instant at, String by) {
}
