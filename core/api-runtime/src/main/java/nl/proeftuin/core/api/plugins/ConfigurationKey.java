package nl.proeftuin.core.api.plugins;

import java.util.List;

/**
 * One key of a plugin's binding configuration ({@link ConfigurationSchema}).
 *
 * @param key          the key, as in the binding's configuration
 * @param type         the metatype type: String, Integer, Long, Short, Byte, Double, Float, Boolean, Character
 * @param defaultValue the value taken when the key is absent, or null
 * @param name         a short name for a form
 * @param description  what it means, or null
 * @param min          the smallest number allowed, or null
 * @param max          the largest number allowed, or null
 * @param options      the only values allowed (empty: any value of the type)
 */
public record ConfigurationKey(String key, String type, String defaultValue, String name, String description,
        String min, String max, List<ConfigurationOption> options) {

    public ConfigurationKey {
        options = List.copyOf(options);
    }
}
