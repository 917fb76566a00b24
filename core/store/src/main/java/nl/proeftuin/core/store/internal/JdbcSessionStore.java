package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import nl.proeftuin.core.store.sessions.SessionStore;
import nl.proeftuin.core.store.sessions.StoredSession;
import org.osgi.service.component.annotations.Component;

/** Login sessions in {@code user_session}. */
@Component(service = SessionStore.class)
public class JdbcSessionStore implements SessionStore {

    @Override
    public void insert(Connection c, StoredSession s) throws SQLException {
        Jdbc.update(c, "INSERT INTO user_session (token_hash, user_id, roles, created_at, last_seen_at, expires_at,"
                + " client_address) VALUES (?, ?, ?, ?, ?, ?, ?)", s.tokenHash(), s.userId(), s.roles(),
                instant(s.createdAt()), instant(s.lastSeenAt()), instant(s.expiresAt()), s.clientAddress());
    }

    @Override
    public Optional<StoredSession> ofEnabledAccount(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(c, "SELECT s.user_id, s.roles, s.last_seen_at, s.expires_at FROM user_session s"
                + " JOIN user_account a ON a.user_id = s.user_id WHERE s.token_hash = ? AND a.disabled = FALSE",
                rs -> new StoredSession(tokenHash, rs.getString(1), rs.getString(2), null, instant(rs, "last_seen_at"),
                        instant(rs, "expires_at"), null), tokenHash);
    }

    @Override
    public void touch(Connection c, String tokenHash, Instant lastSeen) throws SQLException {
        Jdbc.update(c, "UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?", instant(lastSeen), tokenHash);
    }

    @Override
    public void delete(Connection c, String tokenHash) throws SQLException {
        if (Jdbc.update(c, "DELETE FROM user_session WHERE token_hash = ?", tokenHash) > 0) {
            bump(c);
        }
    }

    @Override
    public void deleteOfUser(Connection c, String userId) throws SQLException {
        Jdbc.update(c, "DELETE FROM user_session WHERE user_id = ?", userId);
        bump(c);
    }

    @Override
    public void deleteEnded(Connection c, Instant now, Instant idleSince) throws SQLException {
        // perfw (decision 0043): no revision bump. An ended session is refused by every node already (a
        // cached one is served only before its expiry and within a minute of its last-seen moment, both
        // checked on the node's own clock), so removing its row changes no node's answer; bumping here
        // emptied every node's session cache at each login that found one.
        Jdbc.update(c, "DELETE FROM user_session WHERE expires_at <= ? OR last_seen_at <= ?", instant(now),
                instant(idleSince));
    }

    @Override
    public void setRolesOfUser(Connection c, String userId, String roles) throws SQLException {
        Jdbc.update(c, "UPDATE user_session SET roles = ? WHERE user_id = ?", roles, userId);
        bump(c);
    }

    // --- perf (issue 13): the sessions' revision (decision 0035)

    @Override
    public long revision(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT revision FROM session_revision WHERE id = 1", rs -> rs.getLong(1))
                .orElseThrow(() -> new SQLException("session_revision has no row: migration V24 incomplete"));
    }

    /**
     * Moves the sessions' revision forward in the caller's transaction: every node's cached sessions
     * are stale from its commit on. Also called by the account store for every account change.
     */
    static void bump(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE session_revision SET revision = revision + 1 WHERE id = 1");
    }
}
