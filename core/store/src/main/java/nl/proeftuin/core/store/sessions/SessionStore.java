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

    /**
     * Removes every session that expired by {@code now} or was last seen at or before {@code idleSince}.
     * Does not move the {@link #revision}: an ended session is refused everywhere already (decision 0043).
     */
    void deleteEnded(Connection c, Instant now, Instant idleSince) throws SQLException;

    /** Sets the roles of the user's open sessions (so that a change counts at once). */
    void setRolesOfUser(Connection c, String userId, String roles) throws SQLException;

    // --- perf (issue 13): sessions validated from memory (docs/decisions/0035)

    /**
     * The sessions' revision (table {@code session_revision}, V24): moved forward in the same transaction
     * by every change that ends or alters a session or its account (a delete that removed a session,
     * {@link #deleteOfUser}, {@link #setRolesOfUser}, and the account changes of
     * {@code AccountStore}), never by a login, a last-seen touch or the removal of ended sessions
     * ({@link #deleteEnded}, decision 0043). A node may serve a session it
     * read at revision R while the revision is still R.
     */
    long revision(Connection c) throws SQLException;
}
