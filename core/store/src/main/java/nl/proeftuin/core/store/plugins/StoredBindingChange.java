package nl.proeftuin.core.store.plugins;

import java.time.Instant;

/**
 * One entry of the binding history.
 *
 * @param id               the change number (from {@link BindingStore#nextChange})
 * @param point            the extension point's name
 * @param municipality     the municipality, or null for the region
 * @param oldPluginId      the plugin before, or null
 * @param oldConfiguration the configuration document before, or null
 * @param newPluginId      the plugin after, or null when unbound
 * @param newConfiguration the configuration document after, or null
 * @param at               when
 * @param by               who
 * @param reason           why
 */
public record StoredBindingChange(long id, String point, String municipality, String oldPluginId,
        String oldConfiguration, String newPluginId, String newConfiguration, Instant at, String by, String reason) {
}
