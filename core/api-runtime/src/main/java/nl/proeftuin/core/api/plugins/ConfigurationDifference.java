package nl.proeftuin.core.api.plugins;

import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * What an import changes in one extension point and scope: old against new.
 *
 * @param change           added, changed or removed
 * @param point            the extension point
 * @param municipality     the municipality, or null for the region
 * @param oldPluginId      the plugin bound now, or null (added)
 * @param oldConfiguration its configuration, or null
 * @param newPluginId      the plugin the document binds, or null (removed)
 * @param newConfiguration its configuration, or null
 */
public record ConfigurationDifference(Change change, ExtensionPoint point, String municipality, String oldPluginId,
        Map<String, String> oldConfiguration, String newPluginId, Map<String, String> newConfiguration) {

    /** The kind of difference. */
    public enum Change {
        /** The document binds a point and scope the target leaves unbound. */
        ADDED,
        /** Both bind it, with another plugin or configuration. */
        CHANGED,
        /** The target binds it, the document does not: the binding is removed. */
        REMOVED
    }
}
