package nl.proeftuin.core.api.plugins;

import java.util.List;

/**
 * A plugin's binding configuration as it declares it (metatype {@code @ObjectClassDefinition}, see
 * {@link nl.proeftuin.core.spi.PluginConfiguration}): what a form needs to render it and what the
 * core checks at bind time.
 *
 * @param id          the definition's id
 * @param name        its name
 * @param description its description, or null
 * @param keys        the keys a binding may set, in declaration order; any other key is refused
 */
public record ConfigurationSchema(String id, String name, String description, List<ConfigurationKey> keys) {

    public ConfigurationSchema {
        keys = List.copyOf(keys);
    }
}
