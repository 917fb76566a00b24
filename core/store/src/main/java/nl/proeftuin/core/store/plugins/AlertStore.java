package nl.proeftuin.core.store.plugins;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Alerts for the coordinator, append-only. */
@ProviderType
public interface AlertStore {

    /**
     * @param c     the connection
     * @param alert the alert
     * @throws SQLException on a database failure
     */
    void insert(Connection c, StoredAlert alert) throws SQLException;

    /**
     * @param c     the connection
     * @param limit at most this many (at least 1)
     * @return the newest alerts, newest first
     * @throws SQLException on a database failure
     */
    List<StoredAlert> latest(Connection c, int limit) throws SQLException;

    /**
     * The newest alerts of some municipalities (compared without case) and of the region (no municipality),
     * chosen before the limit.
     *
     * @param municipalities at least one
     * @since 1.1
     */
    List<StoredAlert> latestIn(Connection c, java.util.Collection<String> municipalities, int limit) throws SQLException;
}
