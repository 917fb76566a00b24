package nl.proeftuin.core.api.plugins;

import java.util.Map;

/**
 * A binding change.
 *
 * @param pluginId         the plugin to bind (must be present, unless {@code allowAbsent})
 * @param configuration    its configuration (may be empty)
 * @param reason           why (required: kept in the history)
 * @param expectedRevision the revision of the scope's own binding the change was made against (0: none);
 *                         another one is refused with {@code binding-changed}
 *                         ({@link BindingChangedException}); null: not checked (last change wins, as
 *                         before 1.2: the shell, region defaults and older clients)
 */
public record BindingInput(String pluginId, Map<String, String> configuration, String reason, Long expectedRevision) {

    /** A change that does not check the revision (last change wins). */
    public BindingInput(String pluginId, Map<String, String> configuration, String reason) {
        this(pluginId, configuration, reason, null);
    }
}
