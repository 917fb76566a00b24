package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import nl.proeftuin.core.store.sessions.LoginThrottleStore;
import org.osgi.service.component.annotations.Component;

/** Login throttling in {@code login_throttle} and {@code login_known_client}. */
@Component(service = LoginThrottleStore.class)
public class JdbcLoginThrottleStore implements LoginThrottleStore {

    @Override
    public boolean knownClient(Connection c, String clientKey, Instant after) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM login_known_client WHERE client_key = ? AND last_success_at > ?",
                rs -> Boolean.TRUE, clientKey, instant(after)).isPresent();
    }

    @Override
    public Throttle lock(Connection c, String key, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO login_throttle (username_key, failures, last_failure_at, locked_until)"
                + " VALUES (?, 0, ?, NULL) ON CONFLICT DO NOTHING", key, instant(now));
        return Jdbc.one(c, "SELECT failures, last_failure_at FROM login_throttle WHERE username_key = ? FOR UPDATE",
                rs -> new Throttle(rs.getInt(1), instant(rs, "last_failure_at")), key).orElseThrow();
    }

    @Override
    public void setFailures(Connection c, String key, int failures, Instant lastFailureAt) throws SQLException {
        Jdbc.update(c, "UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = NULL"
                + " WHERE username_key = ?", failures, instant(lastFailureAt), key);
    }

    @Override
    public void forget(Connection c, String userKey, String clientKey, Instant before) throws SQLException {
        Jdbc.update(c, "DELETE FROM login_throttle WHERE username_key IN (?, ?) OR last_failure_at <= ?", userKey,
                clientKey, instant(before));
    }

    @Override
    public void giveBack(Connection c, String key) throws SQLException {
        Jdbc.update(c, "UPDATE login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END"
                + " WHERE username_key = ?", key);
    }

    @Override
    public void clientSucceeded(Connection c, String clientKey, Instant at) throws SQLException {
        if (Jdbc.update(c, "UPDATE login_known_client SET last_success_at = ? WHERE client_key = ?", instant(at),
                clientKey) == 0) {
            Jdbc.update(c, "INSERT INTO login_known_client (client_key, last_success_at) VALUES (?, ?)"
                    + " ON CONFLICT DO NOTHING", clientKey, instant(at));
        }
    }

    @Override
    public void forgetClients(Connection c, Instant before) throws SQLException {
        Jdbc.update(c, "DELETE FROM login_known_client WHERE last_success_at <= ?", instant(before));
    }
}
