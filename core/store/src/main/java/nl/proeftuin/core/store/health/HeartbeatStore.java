package nl.proeftuin.core.store.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** The owner of {@code node_heartbeat} (V12): one row whose clock readiness moves. */
@ProviderType
public interface HeartbeatStore {

    /**
     * Moves the heartbeat row's clock.
     *
     * @param c   the caller's connection, in a transaction
     * @param now the new beat
     * @return whether the row was there (false: migration V12 incomplete)
     * @throws SQLException when the database does not take the write
     */
    boolean beat(Connection c, Instant now) throws SQLException;
}
