package nl.proeftuin.core.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesTest {
    /** A quoted text key in the UI's JavaScript, e.g. 'plan.saveNew' (module paths start with '.', so never match). */
    private static final Pattern KEY = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)'");
    private static final Pattern ENUM = Pattern.compile("\\bte\\('([A-Za-z]+)', ");

    @Test
    void dutchAndEnglishHaveTheSameKeys() {
        Set<String> nl = new TreeSet<>(Messages.bundle(Locale.forLanguageTag("nl")).keySet());
        Set<String> en = new TreeSet<>(Messages.bundle(Locale.ENGLISH).keySet());
        assertEquals(nl, en);
        assertTrue(nl.size() > 200, "texts: " + nl.size());
    }

    @Test
    void everyKeyTheUiUsesHasATextInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        Set<String> enumTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/ui/js"))) {
            for (Path js : files.toList()) {
                String text = Files.readString(js);
                Matcher m = KEY.matcher(text);
                while (m.find()) {
                    if (!m.group(1).startsWith("proeftuin.")) {
                        used.add(m.group(1));
                    }
                }
                Matcher e = ENUM.matcher(text);
                while (e.find()) {
                    enumTypes.add(e.group(1));
                }
            }
        }
        assertTrue(used.size() > 150, "keys found: " + used.size());
        for (String lang : Messages.LANGUAGES) {
            ResourceBundle bundle = Messages.bundle(Locale.forLanguageTag(lang));
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(bundle.keySet());
            assertTrue(missing.isEmpty(), lang + " lacks " + missing);
            for (String type : enumTypes) {
                if (!"AlertKind".equals(type)) { // alert kinds are open-ended; the UI shows the code when unnamed
                    assertTrue(bundle.keySet().stream().anyMatch(k -> k.startsWith("enum." + type + ".")), lang + " lacks enum " + type);
                }
            }
        }
    }

    @Test
    void textsAreJsonWithUtf8AndEscapes() {
        String json = Messages.json(Locale.forLanguageTag("nl"));
        assertTrue(json.startsWith("{") && json.endsWith("}"));
        assertTrue(json.contains("\"nav.coordinator\":\"Coördinatie\""), "UTF-8 read as UTF-8");
        assertEquals("\"a\\\"b\\\\c\\n\\u003c\"", Messages.quote("a\"b\\c\n<"));
    }

    @Test
    void anUnknownLanguageHasNoTextsAndNoFallback() {
        assertNull(Messages.json(Locale.forLanguageTag("de")));
        assertNull(Messages.bundle(Locale.forLanguageTag("fr")));
    }
}
