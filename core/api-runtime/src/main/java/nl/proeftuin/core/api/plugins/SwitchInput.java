package nl.proeftuin.core.api.plugins;

import java.time.Instant;
import java.util.Map;

/**
 * A planned binding switch (decision 0031): from {@code from} the scope is bound to {@code pluginId}
 * with {@code configuration}; with {@code until} it ends then (the region's binding or the fallback
 * applies again). Without {@code pluginId} the scope's binding ends at {@code from}.
 *
 * @param municipality     the municipality, or null for the region
 * @param pluginId         the plugin, or null to end the scope's binding at {@code from}
 * @param configuration    its configuration (may be empty)
 * @param from             when it takes effect (in the future)
 * @param until            when it ends (after {@code from}), or null
 * @param reason           why (required: kept in the history)
 * @param expectedRevision as in {@link BindingInput#expectedRevision()}
 * @since 1.2
 */
public record SwitchInput(String municipality, String pluginId, Map<String, String> configuration, Instant from,
        Instant until, String reason, Long expectedRevision) {
}
