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
     * @param keyName     the key's row in {@code region_key}
     * @param fingerprint this node's fingerprint of the key (never the key)
     * @param why         the reason to give, from this node's and the region's fingerprint (each shortened)
     * @throws IllegalStateException with that reason when the region's fingerprint differs (logged once);
     *                               when the database cannot be reached, the keys are compared at the next
     *                               start (logged as a warning): readiness says the database is away
     */
    public static void check(Database database, RegionKeyStore store, String keyName, String fingerprint, String node,
            BiFunction<String, String, String> why) {
        String region;
        try {
            region = recordOrRead(database, store, keyName, fingerprint, node);
        } catch (SQLException | RuntimeException first) {
            try {
                // two first nodes at once: the loser's INSERT fails on the primary key; the winner's row is there now
                region = recordOrRead(database, store, keyName, fingerprint, node);
            } catch (SQLException | RuntimeException e) {
                LoggerFactory.getLogger(RegionKeys.class).warn("The {} key could not be compared with the region's"
                        + " (the database is not reachable: {}); it is compared at the next start", keyName, e.toString());
                return;
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

    private static String recordOrRead(Database database, RegionKeyStore store, String keyName, String fingerprint,
            String node) throws SQLException {
        return database.inTransaction(c -> store.recordOrRead(c, keyName, fingerprint, node, Instant.now()));
    }
}
