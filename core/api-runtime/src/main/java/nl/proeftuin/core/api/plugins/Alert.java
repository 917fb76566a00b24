package nl.proeftuin.core.api.plugins;

import java.time.Instant;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * Something a coordinator must see: a fallback used, a delivery failing, a deadline passed.
 *
 * @param id           identifier
 * @param kind         for example {@code PLUGIN_ABSENT}, {@code PLUGIN_FAILED}, {@code PLUGIN_TIMEOUT}
 * @param point        the extension point
 * @param municipality the municipality, or null for the region
 * @param pluginId     the plugin concerned, or null
 * @param caseId       the case concerned, or null
 * @param message      what happened and what the core did about it
 * @param at           when
 */
public record Alert(String id, String kind, ExtensionPoint point, String municipality, String pluginId,
        String caseId, String message, Instant at) {
}
