package nl.proeftuin.core.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A care path such as MDA++: entry criteria, phases with entry and exit criteria, the core team and
 * the required steps. Register as a DS service with {@link PluginId}. Thread-safe, side-effect
 * free, within the time budget (see the package documentation).
 */
@ConsumerType
public interface CarePath {

    /**
     * @param configuration the binding's configuration
     * @return what the path is
     */
    CarePathDefinition definition(Map<String, String> configuration);

    /**
     * @param request the case and its progress on the path
     * @return whether it belongs on the path, where it may go next and what must be done first
     */
    CarePathAdvice advise(CarePathRequest request);
}
