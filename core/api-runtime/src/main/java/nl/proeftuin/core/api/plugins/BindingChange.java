package nl.proeftuin.core.api.plugins;

import java.time.Instant;
import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * One entry of the binding history: who changed what, when and why, with old and new.
 *
 * @param id                 sequence number
 * @param point              extension point
 * @param municipality       municipality, or null for the region
 * @param oldPluginId        the plugin before, or null when there was no binding
 * @param oldConfiguration   the configuration before, or null
 * @param newPluginId        the plugin after, or null when the binding was removed
 * @param newConfiguration   the configuration after, or null
 * @param at                 when
 * @param by                 who
 * @param reason             why
 */
public record BindingChange(long id, ExtensionPoint point, String municipality, String oldPluginId,
        Map<String, String> oldConfiguration, String newPluginId, Map<String, String> newConfiguration, Instant at,
        String by, String reason) {
}
