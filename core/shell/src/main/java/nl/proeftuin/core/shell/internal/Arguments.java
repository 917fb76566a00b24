package nl.proeftuin.core.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import nl.proeftuin.core.spi.ExtensionPoint;

/**
 * Turns what an operator typed into what the plugin runtime takes. Every refusal is an
 * {@link IllegalArgumentException} whose message says what was wrong; Karaf prints it as
 * {@code Error executing command: ...}.
 */
final class Arguments {
    static final int MAX_LIMIT = 1000;

    private Arguments() {
    }

    /**
     * An extension point as typed: case-insensitive, and {@code care-path} for {@code CARE_PATH}
     * (a hyphen is easier to type in a shell than an underscore).
     */
    static ExtensionPoint point(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("An extension point is required: one of " + points());
        }
        String name = typed.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return ExtensionPoint.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown extension point '" + typed.strip() + "': one of " + points(), e);
        }
    }

    /** The point, or null (all points) when none was typed. */
    static ExtensionPoint optionalPoint(String typed) {
        return typed == null ? null : point(typed);
    }

    static String points() {
        return Arrays.stream(ExtensionPoint.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * {@code -c key=value} entries, repeated, into a configuration map in the order typed. The value
     * is everything after the first {@code =} (it may itself contain {@code =}, and may be empty);
     * the key is trimmed and must not be empty; a key given twice is refused rather than silently
     * overwritten.
     *
     * @param entries the option values, or null when the option was not given
     */
    static Map<String, String> configuration(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return Map.of();
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Configuration must be key=value, not '" + entry + "'");
            }
            String key = entry.substring(0, eq).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Configuration key missing in '" + entry + "'");
            }
            if (configuration.putIfAbsent(key, entry.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("Configuration key '" + key + "' given twice");
            }
        }
        return Collections.unmodifiableMap(configuration);
    }

    /** The words of a reason joined by single spaces; the history keeps it, so one is required. */
    static String reason(List<String> words) {
        List<String> kept = new ArrayList<>();
        if (words != null) {
            words.stream().filter(w -> w != null && !w.isBlank()).map(String::strip).forEach(kept::add);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("A reason is required: it is kept in the binding history");
        }
        return String.join(" ", kept);
    }

    /** The municipality of {@code -m}, or null for the region; a blank one is refused, not taken as the region. */
    static String municipality(String typed) {
        if (typed == null) {
            return null;
        }
        if (typed.isBlank()) {
            throw new IllegalArgumentException("-m needs a municipality name; leave it out for the region");
        }
        return typed.strip();
    }

    /** {@code -n} for alerts: from 1 to {@value #MAX_LIMIT}. */
    static int limit(int typed) {
        if (typed < 1 || typed > MAX_LIMIT) {
            throw new IllegalArgumentException("-n must be from 1 to " + MAX_LIMIT + ", not " + typed);
        }
        return typed;
    }

    /** The options that start with what is typed so far (case-insensitive), for completion. */
    static List<String> matching(String typed, List<String> options) {
        String prefix = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        return options.stream().filter(o -> o.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
    }
}
