package nl.proeftuin.core.spi.runtime;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * A plugin service present in the framework now.
 *
 * @param pluginId      the plugin id
 * @param point         the extension point it serves
 * @param bundle        the symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param serviceId     the OSGi service id
 */
public record PluginInfo(String pluginId, ExtensionPoint point, String bundle, String bundleVersion, long serviceId) {
}
