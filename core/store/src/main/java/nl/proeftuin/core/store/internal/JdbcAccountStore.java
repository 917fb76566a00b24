package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import nl.proeftuin.core.store.accounts.AccountStore;
import nl.proeftuin.core.store.accounts.StoredAccount;
import nl.proeftuin.core.store.accounts.StoredCredentials;
import org.osgi.service.component.annotations.Component;

/** User accounts in {@code user_account} and their scope in {@code user_municipality}. */
@Component(service = AccountStore.class)
public class JdbcAccountStore implements AccountStore {

    @Override
    public boolean exists(Connection c, String userId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM user_account WHERE user_id = ?", rs -> Boolean.TRUE, userId).isPresent();
    }

    @Override
    public boolean any(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM user_account LIMIT 1", rs -> Boolean.TRUE).isPresent();
    }

    @Override
    public Optional<StoredAccount> find(Connection c, String userId) throws SQLException {
        Set<String> municipalities = new TreeSet<>(Jdbc.list(c,
                "SELECT municipality FROM user_municipality WHERE user_id = ?", rs -> rs.getString(1), userId));
        return Jdbc.one(c, "SELECT display_name, organisation, disabled, created_at FROM user_account WHERE user_id = ?",
                rs -> new StoredAccount(userId, rs.getString("display_name"), rs.getString("organisation"),
                        rs.getBoolean("disabled"), instant(rs, "created_at"), municipalities), userId);
    }

    @Override
    public Optional<Boolean> disabled(Connection c, String userId) throws SQLException {
        return Jdbc.one(c, "SELECT disabled FROM user_account WHERE user_id = ?", rs -> rs.getBoolean(1), userId);
    }

    @Override
    public List<String> ids(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT user_id FROM user_account ORDER BY user_id", rs -> rs.getString(1));
    }

    @Override
    public List<StoredAccount> enabledWithRole(Connection c, String role, String text, int limit) throws SQLException {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return Jdbc.list(c, "SELECT user_id, display_name, organisation, created_at FROM user_account"
                + " WHERE disabled = FALSE AND (',' || roles || ',') LIKE ?"
                + " AND (LOWER(user_id) LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\')"
                + " ORDER BY display_name, user_id FETCH FIRST ? ROWS ONLY",
                rs -> new StoredAccount(rs.getString("user_id"), rs.getString("display_name"),
                        rs.getString("organisation"), false, instant(rs, "created_at"), Set.of()),
                "%," + role + ",%", like, like, Math.max(1, Math.min(limit, 100)));
    }

    @Override
    public void insert(Connection c, String userId, String displayName, String organisation, Instant at)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO user_account (user_id, display_name, organisation, disabled, created_at, changed_at)"
                + " VALUES (?, ?, ?, FALSE, ?, ?)", userId, displayName, organisation, instant(at), instant(at));
    }

    @Override
    public void setOrganisation(Connection c, String userId, String organisation, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE user_account SET organisation = ?, changed_at = ? WHERE user_id = ?", organisation,
                instant(at), userId);
        JdbcSessionStore.bump(c); // perf: every node's cached sessions of this account are stale (0035)
    }

    @Override
    public void setDisabled(Connection c, String userId, boolean disabled, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE user_account SET disabled = ?, changed_at = ? WHERE user_id = ?", disabled, instant(at),
                userId);
        JdbcSessionStore.bump(c); // perf (0035)
    }

    @Override
    public void touch(Connection c, String userId, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE user_account SET changed_at = ? WHERE user_id = ?", instant(at), userId);
    }

    @Override
    public Optional<StoredCredentials> credentials(Connection c, String userId) throws SQLException {
        return Jdbc.one(c, "SELECT password_hash, roles, credentials_changed_at FROM user_account WHERE user_id = ?",
                rs -> new StoredCredentials(rs.getString("password_hash"),
                        rs.getString("roles") == null ? "" : rs.getString("roles"),
                        instant(rs, "credentials_changed_at")), userId);
    }

    @Override
    public void setCredentials(Connection c, String userId, String passwordHash, String roles, Instant at)
            throws SQLException {
        Jdbc.update(c, "UPDATE user_account SET password_hash = ?, roles = ?, credentials_changed_at = ?, changed_at = ?"
                + " WHERE user_id = ?", passwordHash, roles, instant(at), instant(at), userId);
        JdbcSessionStore.bump(c); // perf (0035)
    }

    @Override
    public void setRoles(Connection c, String userId, String roles, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE user_account SET roles = ?, credentials_changed_at = ?, changed_at = ? WHERE user_id = ?",
                roles, instant(at), instant(at), userId);
        JdbcSessionStore.bump(c); // perf (0035)
    }

    @Override
    public void setMunicipalities(Connection c, String userId, Set<String> municipalities) throws SQLException {
        Jdbc.update(c, "DELETE FROM user_municipality WHERE user_id = ?", userId);
        for (String m : new ArrayList<>(municipalities)) {
            Jdbc.update(c, "INSERT INTO user_municipality (user_id, municipality) VALUES (?, ?)", userId, m);
        }
        JdbcSessionStore.bump(c); // perf (0035)
    }
}
