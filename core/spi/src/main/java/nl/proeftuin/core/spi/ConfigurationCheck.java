package nl.proeftuin.core.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optional: a plugin service that also implements this interface has every binding configuration
 * checked by it before the core stores the binding (a coordinator's {@code bind}, a region default).
 * A configuration the plugin would refuse at call time is then refused at bind time, with a 400
 * naming the key, instead of being stored and failing on the next call.
 *
 * <p>Keys, types, ranges and options are better declared than coded: a plugin with
 * {@link PluginConfiguration} has its configuration checked against its metatype definition first
 * (and shown in {@code GET /api/v1/plugins}); this check then adds only what a definition cannot say
 * (rules across keys, a name that must match the administrator's configuration).
 *
 * <p>Where a plugin sends data and with which credentials is never a binding's business: it is the
 * regional administrator's configuration of the plugin (Config Admin, {@code etc/}). A connector
 * refuses binding keys that carry a URL, a path or a secret, and lets a binding only choose among
 * what the administrator configured, by name.
 *
 * <p>Called on a core thread, outside any transaction; must be quick (no network) and free of side
 * effects.
 */
@ConsumerType
public interface ConfigurationCheck {

    /**
     * @param point         the extension point the binding is for
     * @param municipality  the municipality the binding is for, or null for the region
     * @param configuration the binding's configuration (never null)
     * @throws nl.proeftuin.core.api.InvalidInputException naming the key ({@code configuration.<key>}) and
     *                                                     the reason, when the configuration is refused
     */
    void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration);
}
