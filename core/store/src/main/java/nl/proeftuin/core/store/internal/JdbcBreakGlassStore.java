package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.visibility.BreakGlassStore;
import nl.proeftuin.core.store.visibility.StoredBreakGlass;
import org.osgi.service.component.annotations.Component;

/** Break-glass grants in {@code break_glass}. */
@Component(service = BreakGlassStore.class)
public class JdbcBreakGlassStore implements BreakGlassStore {
    private static final String COLUMNS = "id, user_id, user_name, case_id, reason, granted_at, expires_at, reviewed_at,"
            + " reviewed_by";

    @Override
    public void insert(Connection c, StoredBreakGlass g) throws SQLException {
        Jdbc.update(c, "INSERT INTO break_glass (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", g.id(),
                g.userId(), g.userName(), g.caseId(), g.reason(), instant(g.grantedAt()), instant(g.expiresAt()));
    }

    @Override
    public Optional<StoredBreakGlass> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM break_glass WHERE id = ?", JdbcBreakGlassStore::grant, id);
    }

    @Override
    public List<StoredBreakGlass> latest(Connection c, boolean unreviewedOnly, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM break_glass" + (unreviewedOnly ? " WHERE reviewed_at IS NULL" : "")
                + " ORDER BY granted_at DESC, id LIMIT ?", JdbcBreakGlassStore::grant, limit);
    }

    @Override
    public List<StoredBreakGlass> latestWithin(Connection c, boolean unreviewedOnly, String userId,
            java.util.Collection<String> municipalities, int limit) throws SQLException {
        if (municipalities.isEmpty()) {
            return List.of(); // an account without municipalities reviews no case
        }
        NeedToKnowPredicate.Fragment within = NeedToKnowPredicate.withinScope("g.case_id", "k.municipality", userId,
                municipalities);
        List<Object> params = new java.util.ArrayList<>(within.params());
        params.add(limit);
        return Jdbc.list(c, "SELECT " + Jdbc.prefixed("g", COLUMNS) + " FROM break_glass g JOIN family_case k ON k.id = g.case_id"
                + " WHERE " + within.sql() + (unreviewedOnly ? " AND g.reviewed_at IS NULL" : "")
                + " ORDER BY g.granted_at DESC, g.id LIMIT ?", JdbcBreakGlassStore::grant, params.toArray());
    }

    @Override
    public void reviewed(Connection c, String id, Instant at, String by) throws SQLException {
        Jdbc.update(c, "UPDATE break_glass SET reviewed_at = ?, reviewed_by = ? WHERE id = ? AND reviewed_at IS NULL",
                instant(at), by, id);
    }

    private static StoredBreakGlass grant(ResultSet rs) throws SQLException {
        return new StoredBreakGlass(rs.getString("id"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("case_id"), rs.getString("reason"), instant(rs, "granted_at"), instant(rs, "expires_at"),
                instant(rs, "reviewed_at"), rs.getString("reviewed_by"));
    }
}
