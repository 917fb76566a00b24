package nl.proeftuin.core.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import nl.proeftuin.core.api.plugins.Binding;

/** How values read in a terminal. */
final class Text {
    /** Enough of a SHA-256 to tell configurations apart by eye; the REST API has the whole hash. */
    static final int SHORT_HASH = 12;
    static final String NONE = "-";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Text() {
    }

    /** {@code region}, or {@code municipality Arnhem}. */
    static String scope(String municipality) {
        return municipality == null ? "region" : "municipality " + municipality;
    }

    static String shortHash(String hash) {
        if (hash == null || hash.isEmpty()) {
            return NONE;
        }
        return hash.length() <= SHORT_HASH ? hash : hash.substring(0, SHORT_HASH);
    }

    /** A time in the zone of the server the operator works on. */
    static String time(Instant at, ZoneId zone) {
        return at == null ? NONE : TIME.format(at.atZone(zone));
    }

    static String orNone(Object value) {
        return value == null ? NONE : String.valueOf(value);
    }

    /** {@code old -> new}, with {@code (none)} for a binding that did not exist before or after. */
    static String change(String oldPluginId, String newPluginId) {
        return (oldPluginId == null ? "(none)" : oldPluginId) + " -> " + (newPluginId == null ? "(none)" : newPluginId);
    }

    /** A binding as {@code proeftuin:bind} confirms it, one fact per line, configuration sorted by key. */
    static String describe(Binding binding, ZoneId zone) {
        StringBuilder text = new StringBuilder()
                .append("Bound ").append(binding.point()).append(" for the ").append(scope(binding.municipality()))
                .append(" to ").append(binding.pluginId()).append(" (revision ").append(binding.revision()).append(")\n")
                .append("  configuration ").append(shortHash(binding.configurationHash()));
        Map<String, String> configuration = binding.configuration() == null ? Map.of() : binding.configuration();
        if (configuration.isEmpty()) {
            text.append(" (empty)");
        }
        text.append('\n');
        new TreeMap<>(configuration).forEach((key, value) -> text.append("    ").append(key).append(" = ").append(value).append('\n'));
        return text.append("  changed ").append(time(binding.changedAt(), zone)).append(" by ").append(orNone(binding.changedBy()))
                .append(": ").append(orNone(binding.reason())).toString();
    }
}
