package nl.proeftuin.core.store.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import nl.proeftuin.core.store.Database;
import org.slf4j.LoggerFactory;

/**
 * Compares a node's fingerprint of a secret the whole region must share (the national id key, the
 * access log's key) with the one the region recorded in {@code region_key}, recording it when this is
 * the first node (decision 0027).
 */
public final class RegionKeys {
    /** The reasons told already: a component runtime may try to activate a refusing component again. */
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private RegionKeys() {
    }

    /**
     * At start: compares, or says it could not.
     *
     * @param keyName     the key's row in {@code region_key}
     * @param fingerprint this node's fingerprint of the key (never the key)
     * @param why         the reason to give, from this node's and the region's fingerprint (each shortened)
     * @return true when compared and equal; false when the database could not be reached (logged as a
     *         warning): the caller compares with {@link #ensure} before the key's first use
     * @throws IllegalStateException with that reason when the region's fingerprint differs (logged once)
     */
    public static boolean check(Database database, RegionKeyStore store, String keyName, String fingerprint, String node,
            BiFunction<String, String, String> why) {
        try {
            ensure(database, store, keyName, fingerprint, node, why);
            return true;
        } catch (Unreachable e) {
            LoggerFactory.getLogger(RegionKeys.class).warn("The {} key could not be compared with the region's yet"
                    + " (the database is not reachable: {}); it is compared before its first use", keyName,
                    e.getCause().toString());
            return false;
        }
    }

    /**
     * Before a key's use: compares it with the region's.
     *
     * @throws Unreachable           when the database cannot be reached (its cause the SQLException: the
     *                               API answers 503)
     * @throws IllegalStateException with the reason when the region's fingerprint differs
     */
    public static void ensure(Database database, RegionKeyStore store, String keyName, String fingerprint, String node,
            BiFunction<String, String, String> why) {
        String region;
        try {
            region = recordOrRead(database, store, keyName, fingerprint, node);
        } catch (SQLException | RuntimeException first) {
            try {
                // two first nodes at once: the loser's INSERT fails on the primary key; the winner's row is there now
                region = recordOrRead(database, store, keyName, fingerprint, node);
            } catch (SQLException | RuntimeException e) {
                throw new Unreachable(e);
            }
        }
        if (!MessageDigest.isEqual(region.getBytes(StandardCharsets.US_ASCII), fingerprint.getBytes(StandardCharsets.US_ASCII))) {
            String reason = why.apply(fingerprint.substring(0, Math.min(12, fingerprint.length())) + "…",
                    region.substring(0, Math.min(12, region.length())) + "…");
            if (TOLD.add(reason)) {
                LoggerFactory.getLogger(RegionKeys.class).error(reason);
            }
            throw new IllegalStateException(reason);
        }
    }

    /** The region's fingerprint could not be read: nothing is known about the key yet. */
    public static final class Unreachable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Unreachable(Exception cause) {
            super("the key could not be compared with the region's: the database is not reachable", cause);
        }
    }

    private static String recordOrRead(Database database, RegionKeyStore store, String keyName, String fingerprint,
            String node) throws SQLException {
        return database.inTransaction(c -> store.recordOrRead(c, keyName, fingerprint, node, Instant.now()));
    }
}
