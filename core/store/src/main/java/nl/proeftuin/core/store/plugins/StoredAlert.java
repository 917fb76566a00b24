package nl.proeftuin.core.store.plugins;

import java.time.Instant;

/**
 * An alert for the coordinator.
 *
 * @param id           identifier
 * @param kind         for example {@code PLUGIN_ABSENT}
 * @param point        the extension point's name
 * @param municipality the municipality, or null for the region
 * @param pluginId     the plugin concerned, or null
 * @param caseId       the case concerned, or null
 * @param message      what happened and what the core did
 * @param at           when
 */
public record StoredAlert(String id, String kind, String point, String municipality, String pluginId, String caseId,
        String message, Instant at) {
}
