package nl.proeftuin.core.api.plugins;

import java.util.Map;

/**
 * One binding of a {@link ConfigurationDocument}.
 *
 * @param point         the extension point (TRIAGE, CARE_PATH, LOCAL_TEAM, PROCUREMENT); a text, so that an
 *                      import can name a point the target does not know
 * @param municipality  the municipality, or null for the whole region
 * @param pluginId      the plugin
 * @param pluginVersion the version of the plugin's bundle where it was exported, or null when it was not
 *                      present there; the target needs the same major version, at least this one
 * @param configuration the binding's configuration
 */
public record ConfiguredBinding(String point, String municipality, String pluginId, String pluginVersion,
        Map<String, String> configuration) {
}
