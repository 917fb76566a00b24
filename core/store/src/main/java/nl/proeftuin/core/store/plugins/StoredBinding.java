package nl.proeftuin.core.store.plugins;

import java.time.Instant;

/**
 * A binding in force, as stored.
 *
 * @param point             the extension point's name
 * @param municipality      the municipality, or null for the whole region
 * @param pluginId          the plugin
 * @param configuration     the configuration as a document (canonical JSON text, written by the caller)
 * @param configurationHash SHA-256 (hex) of {@code configuration}
 * @param revision          the number of the change that last set it ({@link StoredBindingChange#id()})
 * @param changedAt         when
 * @param changedBy         by whom
 * @param reason            why
 */
public record StoredBinding(String point, String municipality, String pluginId, String configuration,
        String configurationHash, long revision, Instant changedAt, String changedBy, String reason) {
}
