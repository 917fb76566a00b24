package nl.proeftuin.core.api.plugins;

/**
 * An allowed value of a {@link ConfigurationKey}.
 *
 * @param value the value
 * @param label its label for a form
 */
public record ConfigurationOption(String value, String label) {
}
