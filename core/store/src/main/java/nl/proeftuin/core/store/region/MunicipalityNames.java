package nl.proeftuin.core.store.region;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a municipality name may look like, and the key it is looked up by. A name is NFKC-normalised
 * (full-width and compatibility forms become their plain letters) and may then hold only letters of
 * the Latin script, spaces, hyphens and apostrophes: control characters, zero-width characters,
 * digits, punctuation and look-alike letters of other scripts (a Cyrillic {@code е} in "Arnhеm") are
 * refused, so two names that look the same are the same name. The key is the normalised name in
 * lower case with runs of spaces as one: {@code arnhem}, {@code ARNHEM} and {@code Arnhem} share it.
 */
public final class MunicipalityNames {

    /** The longest name accepted. */
    public static final int MAX_LENGTH = 100;

    /** Every user's municipality entry meaning "all municipalities of the region". */
    public static final String ALL = "*";

    private static final Pattern CBS_CODE = Pattern.compile("GM[0-9]{4}");

    private MunicipalityNames() {
    }

    /**
     * @param raw a name as given
     * @return the name normalised: NFKC, stripped, runs of spaces as one
     * @throws IllegalArgumentException with a reason when the name is empty, too long or holds a
     *                                  character other than Latin letters, space, hyphen or apostrophe
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        int[] bad = n.codePoints().filter(cp -> !allowed(cp)).limit(1).toArray();
        if (bad.length > 0) {
            throw new IllegalArgumentException("holds a character a municipality name cannot hold (U+"
                    + String.format(Locale.ROOT, "%04X", bad[0]) + "); only Latin letters, space, hyphen and apostrophe");
        }
        n = n.strip().replaceAll(" {2,}", " ");
        if (n.isEmpty() || n.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!Character.isLetter(n.codePointAt(0)) && !n.startsWith("'")) {
            throw new IllegalArgumentException("must start with a letter or an apostrophe ('s-Hertogenbosch)");
        }
        return n;
    }

    /**
     * @param raw a name as given
     * @return the key it is registered and looked up by
     * @throws IllegalArgumentException as {@link #normalise}
     */
    public static String key(String raw) {
        return normalise(raw).toLowerCase(Locale.ROOT);
    }

    /**
     * @param code a CBS municipality code
     * @return whether it has the form {@code GM} and four digits
     */
    public static boolean isCbsCode(String code) {
        return code != null && CBS_CODE.matcher(code).matches();
    }

    private static boolean allowed(int cp) {
        if (cp == ' ' || cp == '-' || cp == '\'' || cp == '\u2019') {
            return true;
        }
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }
}
