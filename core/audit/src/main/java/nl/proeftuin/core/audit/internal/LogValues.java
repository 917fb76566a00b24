package nl.proeftuin.core.audit.internal;

/**
 * Neutralises values against log injection before they are stored, hashed or printed: a value can
 * never start a new line, forge another entry or hide text with bidirectional overrides.
 *
 * <p>Escaped: the backslash itself (so that the escaping is reversible and unambiguous), CR, LF and
 * TAB as {@code \r \n \t}, every other ISO control character, the Unicode line and paragraph
 * separators and the format characters (bidi overrides, zero-width characters) as {@code \}{@code uXXXX}.
 * Lone surrogates are escaped too, so the stored text is always valid UTF-16.
 */
final class LogValues {

    private LogValues() {
    }

    /**
     * @param value     the raw value, or null
     * @param maxLength the column width; longer values are cut and end in "..."
     * @return the neutralised value, or null for null
     */
    static String neutralise(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = value.codePointAt(i);
                if (Character.getType(cp) == Character.FORMAT) {
                    out.append(String.format("\\u%04x\\u%04x", (int) c, (int) value.charAt(i + 1)));
                } else {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029'
                            || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return cut(out.toString(), maxLength);
    }

    /** Cuts at a code point boundary and marks the cut, never inside an escape's surrogate pair. */
    private static String cut(String value, int maxLength) {
        if (value.length() <= maxLength) {
            return value;
        }
        int end = maxLength - 3;
        if (Character.isLowSurrogate(value.charAt(end)) && end > 0) {
            end--;
        }
        return value.substring(0, end) + "...";
    }
}
