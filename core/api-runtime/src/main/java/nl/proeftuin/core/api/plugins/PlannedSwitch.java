package nl.proeftuin.core.api.plugins;

import java.time.Instant;
import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * A planned binding switch and what became of it.
 *
 * @param id                its number: the binding's revision and the history entry's id once applied
 * @param point             the extension point
 * @param municipality      the municipality, or null for the region
 * @param pluginId          the plugin, or null when the scope's binding ends
 * @param configuration     its configuration, or null when it ends
 * @param configurationHash SHA-256 (hex) of the configuration, or null
 * @param effectiveAt       when it takes effect
 * @param state             {@code PLANNED} (waiting for its time), {@code APPLIED} (in the binding and its
 *                          history) or {@code CANCELLED}
 * @param plannedAt         when it was planned
 * @param plannedBy         by whom
 * @param reason            why
 * @param settledAt         when it was applied or cancelled, or null
 * @param settledBy         who cancelled it (or the platform that applied it), or null
 * @param settledReason     why it was cancelled, or null
 * @since 1.2
 */
public record PlannedSwitch(long id, ExtensionPoint point, String municipality, String pluginId,
        Map<String, String> configuration, String configurationHash, Instant effectiveAt, String state,
        Instant plannedAt, String plannedBy, String reason, Instant settledAt, String settledBy, String settledReason) {
}
