package nl.proeftuin.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sentence of a decision's rationale as a message key and its arguments, so that the UI can show
 * the rationale in the user's language instead of the plugin's own text (issue 18). The UI looks up
 * the text {@code rationale.<key>} (core/web's messages; a test fails when a key a plugin in this
 * repository uses has no Dutch and English text) and puts each argument in its {@code {name}}
 * placeholder; an argument that is a code (a route, a role, a safety concern, a phase, life domains
 * separated by ", ") is shown in words. When any part has no text, the UI shows the decision's
 * {@link TriageDecision#rationale() rationale} as the plugin wrote it. A care path gives its advice's
 * reasons the same way ({@link CarePathAdvice#reasonParts()}; when any part has no text, the UI shows
 * {@link CarePathAdvice#reasons()}).
 *
 * @param key       the message key, {@code <plugin id>.<name>}, for example
 *                  {@code triage-veiligheidshuis.pending.both}
 * @param arguments the values of the text's placeholders (free text such as a quoted note stays as it is)
 * @since 1.4
 */
public record RationalePart(String key, Map<String, String> arguments) {
    public RationalePart {
        Objects.requireNonNull(key, "key");
        arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(arguments));
    }

    /** A part without arguments. */
    public RationalePart(String key) {
        this(key, Map.of());
    }
}
