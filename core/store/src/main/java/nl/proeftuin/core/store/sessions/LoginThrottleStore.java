package nl.proeftuin.core.store.sessions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of {@code login_throttle} (failure counts per key: hashed user name, address or client)
 * and {@code login_known_client} (clients that logged in as a user before).
 */
@ProviderType
public interface LoginThrottleStore {

    /** A throttle row: its failures and the last one. */
    record Throttle(int failures, Instant lastFailureAt) {
    }

    /** @return whether the client logged in successfully after {@code after} */
    boolean knownClient(Connection c, String clientKey, Instant after) throws SQLException;

    /**
     * Creates the key's row when it has none (no failures, last failure {@code now}) and locks it until
     * the transaction ends.
     */
    Throttle lock(Connection c, String key, Instant now) throws SQLException;

    void setFailures(Connection c, String key, int failures, Instant lastFailureAt) throws SQLException;

    /** Removes the rows of the two keys and every row whose last failure was at or before {@code before}. */
    void forget(Connection c, String userKey, String clientKey, Instant before) throws SQLException;

    /** One failure fewer for the key (not below zero). */
    void giveBack(Connection c, String key) throws SQLException;

    /** The client logged in now: it is known from now on. */
    void clientSucceeded(Connection c, String clientKey, Instant at) throws SQLException;

    /** Removes the clients whose last success was at or before {@code before}. */
    void forgetClients(Connection c, Instant before) throws SQLException;
}
