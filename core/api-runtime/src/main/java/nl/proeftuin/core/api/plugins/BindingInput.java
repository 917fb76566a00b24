package nl.proeftuin.core.api.plugins;

import java.util.Map;

/**
 * A binding change.
 *
 * @param pluginId      the plugin to bind (must be present, unless {@code allowAbsent})
 * @param configuration its configuration (may be empty)
 * @param reason        why (required: kept in the history)
 */
public record BindingInput(String pluginId, Map<String, String> configuration, String reason) {
}
