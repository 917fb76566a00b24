package nl.proeftuin.core.web.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every {@code rule} (409) and every {@code reason} code (403) the API can answer has a text in Dutch
 * and English ({@code rule.<name>}, {@code reason.<name>}), so the UI never shows the API's English
 * to a person (issue 18). The rules and reasons are read from the Java sources of the whole repository
 * (every module's src/main/java): a new rule without its texts fails this test.
 */
class MessagesRulesTest {
    /** {@code new RuleViolationException("name", ...)} or {@code new RuleViolationException(CONSTANT, ...)}. */
    private static final Pattern RULE = Pattern.compile("RuleViolationException\\(\\s*(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_.]*)\\s*,)");
    /** A problem built in core/rest: {@code .with("rule", "name")} or {@code .with("reason", X)}. */
    private static final Pattern WITH = Pattern.compile("\\.with\\(\"(rule|reason)\",\\s*(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_.]*)\\s*\\))");
    /** A string constant a rule or reason may name. */
    private static final Pattern CONSTANT = Pattern.compile("\\bString\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]+)\"");
    /** A refused access ({@code /** Refused... * / NAME}), sent as its lower-case name (Guard). */
    private static final Pattern REFUSED = Pattern.compile("/\\*\\*\\s*Refused[^/]*\\*/\\s*([A-Z_]+)");

    private static final Path ROOT = Path.of("../..");

    @Test
    void everyRuleAndReasonTheApiCanAnswerHasDutchAndEnglishText() throws IOException {
        List<Path> sources = sources();
        Map<String, String> constants = new HashMap<>();
        for (Path java : sources) {
            Matcher c = CONSTANT.matcher(read(java));
            while (c.find()) {
                constants.putIfAbsent(c.group(1), c.group(2));
            }
        }
        Set<String> rules = new TreeSet<>();
        Set<String> reasons = new TreeSet<>();
        Set<String> unresolved = new TreeSet<>();
        for (Path java : sources) {
            String text = read(java);
            if (java.endsWith("RuleViolationException.java")) {
                continue;
            }
            Matcher r = RULE.matcher(text);
            while (r.find()) {
                add(rules, r.group(1), r.group(2), constants, unresolved, java);
            }
            Matcher w = WITH.matcher(text);
            while (w.find()) {
                Set<String> into = "rule".equals(w.group(1)) ? rules : reasons;
                String name = w.group(3);
                if (name != null && !name.contains(".") && !Character.isUpperCase(name.charAt(0))) {
                    continue; // a variable (reason, violation.rule()): its values are found where they are made
                }
                add(into, w.group(2), name, constants, unresolved, java);
            }
            if (java.endsWith("CaseAccess.java")) {
                Matcher a = REFUSED.matcher(text);
                while (a.find()) {
                    reasons.add(a.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertTrue(unresolved.isEmpty(), "rule or reason constants this test cannot resolve: " + unresolved);
        assertTrue(rules.size() >= 30, "rules found: " + rules);
        assertTrue(rules.contains("one-fixed-professional") && rules.contains("municipality-register-empty")
                && rules.contains("own-account") && rules.contains("not-named"), "rules found: " + rules);
        assertTrue(reasons.containsAll(Set.of("role", "other_municipality", "not_assigned")), "reasons found: " + reasons);
        for (String lang : Messages.LANGUAGES) {
            ResourceBundle bundle = Messages.bundle(Locale.forLanguageTag(lang));
            Set<String> missing = new TreeSet<>();
            rules.stream().map(r -> "rule." + r).filter(k -> !bundle.containsKey(k)).forEach(missing::add);
            reasons.stream().map(r -> "reason." + r).filter(k -> !bundle.containsKey(k)).forEach(missing::add);
            assertTrue(missing.isEmpty(), "messages_" + lang + ".properties lacks a text for " + missing
                    + " (the UI shows every rule and reason of the API in words; add them in core/web's i18n)");
        }
    }

    private static void add(Set<String> into, String literal, String constant, Map<String, String> constants,
            Set<String> unresolved, Path where) {
        if (literal != null) {
            into.add(literal);
            return;
        }
        String name = constant.substring(constant.lastIndexOf('.') + 1);
        String value = constants.get(name);
        if (value == null) {
            unresolved.add(constant + " in " + where);
        } else {
            into.add(value);
        }
    }

    private static List<Path> sources() throws IOException {
        assertTrue(Files.isDirectory(ROOT.resolve("core/rest/src/main/java")), "run from core/web: " + ROOT.toAbsolutePath());
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
