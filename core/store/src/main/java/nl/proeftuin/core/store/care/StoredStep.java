package nl.proeftuin.core.store.care;

import java.time.Instant;

/**
 * A care-path step done.
 *
 * @param caseId   the case
 * @param step     the step id
 * @param phase    the case's phase then
 * @param note     what was done
 * @param pluginId the care path
 * @param at       when
 * @param by       who
 */
public record StoredStep(String caseId, String step, String phase, String note, String pluginId, Instant at,
        String by) {
}
