package nl.proeftuin.core.store.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The owner of {@code region_key} (V18): fingerprints of the secrets every node must share. */
@ProviderType
public interface RegionKeyStore {

    /**
     * The fingerprint the region recorded for a key, recording {@code fingerprint} first when there is
     * none (the first node to start; two first nodes at once: one wins, both read its row).
     *
     * @param c           the caller's connection, in a transaction of its own
     * @param keyName     the key's name
     * @param fingerprint this node's fingerprint of it
     * @param node        this node
     * @param now         now
     * @return the region's fingerprint (equal to {@code fingerprint} when this node recorded it)
     */
    String recordOrRead(Connection c, String keyName, String fingerprint, String node, Instant now)
            throws SQLException;

    /** The fingerprint recorded for a key, if any. */
    Optional<String> find(Connection c, String keyName) throws SQLException;
}
