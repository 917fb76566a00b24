package nl.proeftuin.core.web.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A plugin's rationale reaches the UI in the user's language (issue 18): every {@code RationalePart}
 * key written in any module's src/main/java (plugins and the core's fallback) has a Dutch and an
 * English text {@code rationale.<key>}, and every {@code {placeholder}} of those texts is an argument
 * the call gives. A plugin that adds a rationale sentence without its texts fails here. The same holds
 * for a care path's reasons (CarePathAdvice.reasonParts), which are RationaleParts too.
 */
class RationaleTextsTest {
    private static final Path ROOT = Path.of("../..");
    private static final String CALL = "new RationalePart(";
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyRationaleKeyHasDutchAndEnglishTextWithItsArguments() throws IOException {
        Map<String, Set<String>> keys = new TreeMap<>(); // key -> the string literals of its call (argument names)
        for (Path java : sources()) {
            String text = Files.readString(java);
            if (java.endsWith("RationalePart.java")) {
                continue;
            }
            for (int at = text.indexOf(CALL); at >= 0; at = text.indexOf(CALL, at + 1)) {
                String call = call(text, at + CALL.length());
                String first = firstArgument(call);
                Set<String> literals = new TreeSet<>();
                Matcher l = LITERAL.matcher(call);
                while (l.find()) {
                    literals.add(l.group(1));
                }
                Matcher k = LITERAL.matcher(first);
                boolean any = false;
                while (k.find()) {
                    keys.computeIfAbsent(k.group(1), x -> new TreeSet<>()).addAll(literals);
                    any = true;
                }
                assertTrue(any, java + ": a RationalePart whose key is not written as a literal there: " + first);
            }
        }
        assertTrue(keys.keySet().containsAll(Set.of("core.fallback", "triage-veiligheidshuis.pending.both",
                "triage-veiligheidshuis.joint", "triage-threeway.domains", "example-triage.serious",
                // a care path's reasons (CarePathAdvice.reasonParts), the MDA++ plugin's
                "carepath-mdaplusplus.eligible", "carepath-mdaplusplus.notEligible",
                "carepath-mdaplusplus.entry.domains.met", "carepath-mdaplusplus.incidents.back")),
                "keys found: " + keys.keySet());
        for (String lang : Messages.LANGUAGES) {
            ResourceBundle bundle = Messages.bundle(Locale.forLanguageTag(lang));
            Set<String> missing = new TreeSet<>();
            Set<String> unfilled = new TreeSet<>();
            keys.forEach((key, literals) -> {
                String name = "rationale." + key;
                if (!bundle.containsKey(name)) {
                    missing.add(name);
                    return;
                }
                Matcher p = PLACEHOLDER.matcher(bundle.getString(name));
                while (p.find()) {
                    if (!literals.contains(p.group(1))) {
                        unfilled.add(name + " {" + p.group(1) + "}");
                    }
                }
            });
            assertTrue(missing.isEmpty(), "messages_" + lang + ".properties lacks a text for " + missing
                    + " (a plugin's rationale is shown in the user's language; add it in core/web's i18n)");
            assertTrue(unfilled.isEmpty(), "messages_" + lang + ".properties: placeholders no argument fills: " + unfilled);
        }
    }

    /** The text of a call from just after its opening parenthesis to its closing one. */
    private static String call(String text, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(from, i);
            }
        }
        throw new AssertionError("unbalanced call at " + from);
    }

    /** The first argument of a call's text (up to the first comma outside parentheses and quotes). */
    private static String firstArgument(String call) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < call.length(); i++) {
            char c = call.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return call.substring(0, i);
            }
        }
        return call;
    }

    private static List<Path> sources() throws IOException {
        assertTrue(Files.isDirectory(ROOT.resolve("core/spi/src/main/java")), "run from core/web: " + ROOT.toAbsolutePath());
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }
}
