package nl.proeftuin.core.api.plugins;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * A plugin service present in the framework now.
 *
 * @param pluginId      the plugin id
 * @param point         the extension point it serves
 * @param bundle        the symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param serviceId     the OSGi service id
 * @param configuration the binding configuration it declares, or null when it declares none (then only
 *                      the plugin itself checks it)
 */
public record PluginInfo(String pluginId, ExtensionPoint point, String bundle, String bundleVersion, long serviceId,
        ConfigurationSchema configuration) {

    /** A plugin that declares no configuration schema. */
    public PluginInfo(String pluginId, ExtensionPoint point, String bundle, String bundleVersion, long serviceId) {
        this(pluginId, point, bundle, bundleVersion, serviceId, null);
    }
}
