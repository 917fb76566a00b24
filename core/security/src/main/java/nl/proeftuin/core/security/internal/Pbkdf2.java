package nl.proeftuin.core.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as PBKDF2-HMAC-SHA256 with a random 16-byte salt, written
 * {@code pbkdf2sha256.<iterations>.<salt hex>.<hash hex>} (only characters a properties file keeps as
 * they are). The iteration count travels with the hash, so raising it affects new passwords only.
 * OWASP's Password Storage Cheat Sheet asks for 600,000 iterations of this algorithm.
 */
final class Pbkdf2 {
    static final String PREFIX = "pbkdf2sha256";
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Pbkdf2() {
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PREFIX + "." + iterations + "." + HEX.formatHex(salt) + "." + HEX.formatHex(derive(password, salt, iterations));
    }

    /** The iteration counts a stored hash may carry: below, a hash is cheap to break; above, a login is a CPU sink. */
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 2_000_000;
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
            PREFIX + "\\.(\\d{4,7})\\.[0-9a-f]{32}\\.[0-9a-f]{64}");

    /** @return whether this is a hash as {@link #hash} writes it, with a sane iteration count (never a clear password) */
    static boolean wellFormed(String stored) {
        if (stored == null) {
            return false;
        }
        var m = FORM.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(m.group(1));
        return iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS;
    }

    /** @return whether the password matches; false (never an exception) for a malformed hash */
    static boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] expected = HEX.parseHex(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, HEX.parseHex(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
