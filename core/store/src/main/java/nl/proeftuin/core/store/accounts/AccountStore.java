package nl.proeftuin.core.store.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of {@code user_account} and {@code user_municipality}: every node reads an account's
 * credentials, roles, scope and state from here, so a change through one node counts on all.
 */
@ProviderType
public interface AccountStore {

    boolean exists(Connection c, String userId) throws SQLException;

    /** @return whether there is any account at all */
    boolean any(Connection c) throws SQLException;

    /** @return the account with its municipalities; empty when there is none */
    Optional<StoredAccount> find(Connection c, String userId) throws SQLException;

    /** @return whether the account is disabled; empty when there is none */
    Optional<Boolean> disabled(Connection c, String userId) throws SQLException;

    /** @return every account's id, in order */
    List<String> ids(Connection c) throws SQLException;

    /**
     * Enabled accounts holding {@code role} (in the comma-separated roles column) whose user id or display
     * name contains {@code text} (ignoring case), by display name: the list a colleague is picked from.
     *
     * @param limit at most this many
     */
    List<StoredAccount> enabledWithRole(Connection c, String role, String text, int limit) throws SQLException;

    /** A new enabled account, created and changed at {@code at}, without municipalities. */
    void insert(Connection c, String userId, String displayName, String organisation, Instant at) throws SQLException;

    void setOrganisation(Connection c, String userId, String organisation, Instant at) throws SQLException;

    void setDisabled(Connection c, String userId, boolean disabled, Instant at) throws SQLException;

    /** Marks the account changed at {@code at}. */
    void touch(Connection c, String userId, Instant at) throws SQLException;

    /** @return the account's password hash and roles; empty when there is no account */
    Optional<StoredCredentials> credentials(Connection c, String userId) throws SQLException;

    /**
     * Sets the account's password hash (null: a directory realm's account) and roles, changed at {@code at}.
     */
    void setCredentials(Connection c, String userId, String passwordHash, String roles, Instant at) throws SQLException;

    /** Sets the account's roles, changed at {@code at}; the password hash stays. */
    void setRoles(Connection c, String userId, String roles, Instant at) throws SQLException;

    /** Replaces the account's municipalities. */
    void setMunicipalities(Connection c, String userId, Set<String> municipalities) throws SQLException;
}
