package nl.proeftuin.core.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import nl.proeftuin.core.api.InvalidInputException;

/**
 * The password rules (OWASP ASVS 6.2): at least {@code minLength} characters (12 by default), at most
 * 256, not only white space, not one of the 100,000 most common passwords (compared
 * case-insensitively), not containing the user id, and strong enough by nbvcxz's estimate (at least
 * {@code minEntropyBits}, 35 by default: the guesses an attacker needs, counting dictionary words,
 * keyboard runs, repeats, sequences, dates and the user's own names, the platform's name and the Dutch
 * words for "welcome" and "password" in any case or l33t spelling). No composition rules: ASVS
 * advises against them. A length rule alone let {@code Welkom012345}, {@code Wachtwoord123},
 * {@code proeftuin123456}, {@code qwertyuiopasdf} and twelve spaces through.
 */
final class PasswordPolicy {
    /** Path inside the bundle: the list as nbvcxz ships it, copied there by bnd.bnd. */
    static final String COMMON_PASSWORDS = "dictionaries/passwords.txt";
    static final int MAX_LENGTH = 256;
    /** nbvcxz's own default: about 34 billion guesses. */
    static final int DEFAULT_MIN_ENTROPY_BITS = 35;
    /** Words every password here is checked against as if the attacker knew them (besides the user's names). */
    static final List<String> LOCAL_WORDS = List.of("proeftuin", "welkom", "wachtwoord", "jeugdzorg", "gezin",
            "veilig", "thuis", "karaf");

    private final int minLength;
    private final int minEntropyBits;
    /** Read at the first password check, not at start (100,000 lines: off the start-up path). */
    private volatile Set<String> common;

    PasswordPolicy(int minLength) {
        this(minLength, DEFAULT_MIN_ENTROPY_BITS);
    }

    PasswordPolicy(int minLength, int minEntropyBits) {
        if (minLength < 8) {
            throw new IllegalArgumentException("minPasswordLength must be at least 8, not " + minLength);
        }
        if (minEntropyBits < 20) {
            throw new IllegalArgumentException("minPasswordEntropyBits must be at least 20, not " + minEntropyBits);
        }
        this.minLength = minLength;
        this.minEntropyBits = minEntropyBits;
        if (PasswordPolicy.class.getClassLoader().getResource(COMMON_PASSWORDS) == null) {
            throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the bundle (see bnd.bnd)");
        }
    }

    /** @throws InvalidInputException naming the field {@code password} and what is wrong with it */
    void check(String userId, char[] password) {
        if (password == null || password.length == 0) {
            throw new InvalidInputException("password", "is required");
        }
        int length = Character.codePointCount(password, 0, password.length);
        if (length < minLength) {
            throw new InvalidInputException("password", "must have at least " + minLength + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("password", "must have at most " + MAX_LENGTH + " characters");
        }
        String text = new String(password);
        if (text.isBlank()) {
            throw new InvalidInputException("password", "must not be only white space");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (common().contains(lower)) {
            throw new InvalidInputException("password", "is one of the most common passwords; choose another");
        }
        if (userId != null && userId.length() >= 3 && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", "must not contain the user id");
        }
        if (entropyBits(userId, text) < minEntropyBits) {
            throw new InvalidInputException("password", "is too easy to guess (a known word, name, keyboard run, "
                    + "sequence or repeat with a few digits); choose a longer passphrase of unrelated words");
        }
    }

    /** nbvcxz's estimate of {@code password}, with the user's names and {@link #LOCAL_WORDS} as known words. */
    static double entropyBits(String userId, String password) {
        DictionaryBuilder known = new DictionaryBuilder().setDictionaryName("proeftuin-local").setExclusion(true);
        LOCAL_WORDS.forEach(word -> known.addWord(word, 0));
        if (userId != null) {
            known.addWord(userId.toLowerCase(Locale.ROOT), 0);
            for (String part : userId.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    known.addWord(part, 0);
                }
            }
        }
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(known.createDictionary());
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration());
        return estimator.estimate(password).getEntropy();
    }

    int commonPasswordsKept() {
        return common().size();
    }

    private Set<String> common() {
        Set<String> c = common;
        if (c == null) {
            c = load(minLength);
            common = c;
        }
        return c;
    }

    /** Keeps only the entries long enough to pass the length rule: shorter ones are refused anyway. */
    private static Set<String> load(int minLength) {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the bundle (see bnd.bnd)");
        }
        Set<String> entries = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (entry.codePointCount(0, entry.length()) >= minLength) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + COMMON_PASSWORDS, e);
        }
        return entries;
    }
}
