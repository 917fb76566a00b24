package nl.proeftuin.core.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * The UI's texts: the resource bundles {@code i18n/messages_nl.properties} (Dutch at B1 level, the
 * default) and {@code i18n/messages_en.properties}, turned into one flat JSON object per language.
 * Property files are read as UTF-8 (Java 9+).
 */
final class Messages {
    static final String BASE_NAME = "i18n.messages";
    static final List<String> LANGUAGES = List.of("nl", "en");

    private Messages() {
    }

    /** The bundle of one language, never another language's as a fallback; null for a language the UI lacks. */
    static ResourceBundle bundle(Locale locale) {
        if (!LANGUAGES.contains(locale.getLanguage())) {
            return null;
        }
        try {
            return ResourceBundle.getBundle(BASE_NAME, new Locale(locale.getLanguage()), Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** The texts of one language as a JSON object sorted by key; null for a language the UI lacks. */
    static String json(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        if (bundle == null) {
            return null;
        }
        StringBuilder out = new StringBuilder("{");
        for (String key : new TreeSet<>(bundle.keySet())) {
            out.append(out.length() == 1 ? "" : ",").append('\n').append(quote(key)).append(':')
                    .append(quote(bundle.getString(key)));
        }
        return out.append("\n}").toString();
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' escaped too, so a text can never close a script element it is embedded in
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
