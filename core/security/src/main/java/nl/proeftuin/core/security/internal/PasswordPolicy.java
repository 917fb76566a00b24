package nl.proeftuin.core.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;

/**
 * The password rules (OWASP ASVS 6.2): at least {@code minLength} characters (12 by default), at most
 * 256, not one of the 100,000 most common passwords (compared case-insensitively), and not containing
 * the user id. No composition rules: ASVS advises against them.
 */
final class PasswordPolicy {
    /** Path inside the bundle: the list as nbvcxz ships it, copied there by bnd.bnd. */
    static final String COMMON_PASSWORDS = "dictionaries/passwords.txt";
    static final int MAX_LENGTH = 256;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(int minLength) {
        if (minLength < 8) {
            throw new IllegalArgumentException("minPasswordLength must be at least 8, not " + minLength);
        }
        this.minLength = minLength;
        this.common = load(minLength);
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
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new InvalidInputException("password", "is one of the most common passwords; choose another");
        }
        if (userId != null && userId.length() >= 3 && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", "must not contain the user id");
        }
    }

    int commonPasswordsKept() {
        return common.size();
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
