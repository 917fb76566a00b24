package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import nl.proeftuin.core.store.cluster.RegionKeyStore;
import org.osgi.service.component.annotations.Component;

/** The fingerprints of shared secrets in {@code region_key}. */
@Component(service = RegionKeyStore.class)
public class JdbcRegionKeyStore implements RegionKeyStore {

    @Override
    public String recordOrRead(Connection c, String keyName, String fingerprint, String node, Instant now)
            throws SQLException {
        Optional<String> recorded = find(c, keyName);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        // Two first nodes at once: the second INSERT fails on the primary key; its caller reads again.
        Jdbc.update(c, "INSERT INTO region_key (key_name, fingerprint, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                keyName, fingerprint, now, node);
        return fingerprint;
    }

    @Override
    public Optional<String> find(Connection c, String keyName) throws SQLException {
        return Jdbc.one(c, "SELECT fingerprint FROM region_key WHERE key_name = ?", rs -> rs.getString(1), keyName);
    }
}
