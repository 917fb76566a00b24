package nl.proeftuin.core.api.plugins;

import java.time.Instant;
import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * For an extension point in a scope, use this plugin with this configuration.
 *
 * @param point             the extension point
 * @param municipality      the municipality it applies to, or null for the whole region (a
 *                          municipality's binding overrides the region's)
 * @param pluginId          the plugin
 * @param configuration     its configuration
 * @param configurationHash SHA-256 (hex) of the configuration in a canonical form
 * @param revision          increases with every change of this binding
 * @param changedAt         when it was last changed
 * @param changedBy         by whom
 * @param reason            why
 */
public record Binding(ExtensionPoint point, String municipality, String pluginId, Map<String, String> configuration,
        String configurationHash, long revision, Instant changedAt, String changedBy, String reason) {
}
