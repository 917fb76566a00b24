package nl.proeftuin.core.api.plugins;

import java.time.Instant;

/**
 * Why a decision is what it is: which plugin, which version, which configuration, which input.
 * Kept with the decision, so it stays explainable after the plugin is swapped or removed.
 *
 * @param pluginId          the plugin that decided, or {@code core-fallback} when the fallback did
 * @param bundle            its bundle's symbolic name
 * @param bundleVersion     its bundle's version
 * @param configurationHash SHA-256 of the binding's configuration
 * @param bindingRevision   the binding revision the request resolved
 * @param inputDigest       SHA-256 of the request as given to the plugin (canonical JSON)
 * @param outputDigest      SHA-256 of the decision (canonical JSON)
 * @param at                when
 */
public record Provenance(String pluginId, String bundle, String bundleVersion, String configurationHash,
        long bindingRevision, String inputDigest, String outputDigest, Instant at) {
}
