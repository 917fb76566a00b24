package nl.proeftuin.core.api;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for records that are written in time order and never looked up by guessing: UUIDs of version 7
 * (RFC 9562), the Unix time in milliseconds in the first 48 bits, then 74 random bits. An index on such
 * ids grows at its right edge like one on a timestamp, where random (version 4) ids put every new row
 * on a random page of it: with a copy-on-write store (embedded H2) each commit then rewrites as many
 * index pages as it writes rows (decision 0050).
 *
 * <p>The id tells when it was made, to the millisecond. Use it only where the record carries its time
 * anyway (an access-log entry, a request id); persons and cases keep random ids.
 *
 * <p>The random bits come from a DRBG per thread: the JVM's one shared generator behind
 * {@link UUID#randomUUID()} is a lock every request would queue on.
 */
public final class TimeOrderedIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private TimeOrderedIds() {
    }

    /** A new version 7 UUID, made now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A version 7 UUID for the given Unix time in milliseconds (tests, and ids made for a past moment). */
    public static UUID at(long epochMillis) {
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (epochMillis >>> (40 - 8 * i));
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x70); // version 7
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // the IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
