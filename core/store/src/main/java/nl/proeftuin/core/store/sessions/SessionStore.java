package nl.proeftuin.core.store.sessions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The owner of {@code user_session}: live login sessions, by token hash. */
@ProviderType
public interface SessionStore {

    void insert(Connection c, StoredSession session) throws SQLException;

    /**
     * @return the session with this token hash whose account is not disabled; empty otherwise (the
     *         created-at and client address are not read)
     */
    Optional<StoredSession> ofEnabledAccount(Connection c, String tokenHash) throws SQLException;

    /** Moves the session's last-seen moment. */
    void touch(Connection c, String tokenHash, Instant lastSeen) throws SQLException;

    void delete(Connection c, String tokenHash) throws SQLException;

    /** Removes every session of the user (disabled, new password). */
    void deleteOfUser(Connection c, String userId) throws SQLException;

    /** Removes every session that expired by {@code now} or was last seen at or before {@code idleSince}. */
    void deleteEnded(Connection c, Instant now, Instant idleSince) throws SQLException;

    /** Sets the roles of the user's open sessions (so that a change counts at once). */
    void setRolesOfUser(Connection c, String userId, String roles) throws SQLException;
}
