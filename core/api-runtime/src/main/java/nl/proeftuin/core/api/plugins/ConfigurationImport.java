package nl.proeftuin.core.api.plugins;

import java.util.List;

/**
 * What an import of a {@link ConfigurationDocument} changes (dry run) or changed.
 *
 * @param dryRun      true when nothing was applied
 * @param differences every binding added, changed or removed, by extension point and scope
 * @param unchanged   how many bindings of the document are already bound exactly so
 */
public record ConfigurationImport(boolean dryRun, List<ConfigurationDifference> differences, int unchanged) {

    public ConfigurationImport {
        differences = List.copyOf(differences);
    }
}
