package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.plugins.StoredBinding;
import nl.proeftuin.core.store.plugins.StoredBindingChange;
import nl.proeftuin.core.store.plugins.StoredSwitch;
import org.osgi.service.component.annotations.Component;

/**
 * Bindings in {@code plugin_binding}, their history in {@code plugin_binding_change}, and the change
 * counter in the single row of {@code plugin_binding_head}, whose row lock serialises all binding
 * changes.
 */
@Component(service = BindingStore.class)
public class JdbcBindingStore implements BindingStore {

    private static final String COLUMNS = "extension_point, scope_key, plugin_id, configuration, configuration_hash,"
            + " revision, changed_at, changed_by, reason";

    @Override
    public long nextChange(Connection c) throws SQLException {
        // The UPDATE takes the row lock first (on both databases), so the read after it sees the
        // value this transaction wrote and no other transaction can have the same number.
        if (Jdbc.update(c, "UPDATE plugin_binding_head SET last_change = last_change + 1 WHERE head_id = 1") != 1) {
            throw new SQLException("plugin_binding_head has no row: migration V3 incomplete");
        }
        return lastChange(c);
    }

    @Override
    public long lastChange(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT last_change FROM plugin_binding_head WHERE head_id = 1", rs -> rs.getLong(1))
                .orElseThrow(() -> new SQLException("plugin_binding_head has no row: migration V3 incomplete"));
    }

    @Override
    public Optional<StoredBinding> find(Connection c, String point, String municipality) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM plugin_binding WHERE extension_point = ? AND scope_key = ?",
                JdbcBindingStore::binding, point, scope(municipality));
    }

    @Override
    public List<StoredBinding> candidates(Connection c, String point, String municipality) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM plugin_binding WHERE extension_point = ? AND scope_key IN (?, ?)"
                + " ORDER BY CASE WHEN scope_key = ? THEN 1 ELSE 0 END", JdbcBindingStore::binding, point,
                scope(municipality), REGION_SCOPE, REGION_SCOPE);
    }

    @Override
    public List<StoredBinding> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM plugin_binding ORDER BY extension_point,"
                + " CASE WHEN scope_key = ? THEN 0 ELSE 1 END, scope_key", JdbcBindingStore::binding, REGION_SCOPE);
    }

    @Override
    public void put(Connection c, StoredBinding b) throws SQLException {
        int n = Jdbc.update(c, "UPDATE plugin_binding SET plugin_id = ?, configuration = ?, configuration_hash = ?,"
                + " revision = ?, changed_at = ?, changed_by = ?, reason = ? WHERE extension_point = ? AND scope_key = ?",
                b.pluginId(), b.configuration(), b.configurationHash(), b.revision(), instant(b.changedAt()),
                b.changedBy(), b.reason(), b.point(), scope(b.municipality()));
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO plugin_binding (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", b.point(),
                    scope(b.municipality()), b.pluginId(), b.configuration(), b.configurationHash(), b.revision(),
                    instant(b.changedAt()), b.changedBy(), b.reason());
        }
    }

    @Override
    public boolean remove(Connection c, String point, String municipality) throws SQLException {
        return Jdbc.update(c, "DELETE FROM plugin_binding WHERE extension_point = ? AND scope_key = ?", point,
                scope(municipality)) > 0;
    }

    @Override
    public void insertChange(Connection c, StoredBindingChange x) throws SQLException {
        Jdbc.update(c, "INSERT INTO plugin_binding_change (id, extension_point, scope_key, old_plugin_id,"
                + " old_configuration, new_plugin_id, new_configuration, changed_at, changed_by, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", x.id(), x.point(), scope(x.municipality()), x.oldPluginId(),
                x.oldConfiguration(), x.newPluginId(), x.newConfiguration(), instant(x.at()), x.by(), x.reason());
    }

    @Override
    public List<StoredBindingChange> changes(Connection c, String point) throws SQLException {
        // by time: an applied planned switch keeps the change number it was planned with (decision 0031)
        String sql = "SELECT * FROM plugin_binding_change" + (point == null ? "" : " WHERE extension_point = ?")
                + " ORDER BY changed_at DESC, id DESC";
        return point == null ? Jdbc.list(c, sql, JdbcBindingStore::change)
                : Jdbc.list(c, sql, JdbcBindingStore::change, point);
    }

    // --- planned switches (switches, decision 0031) -------------------------------------------------

    private static final String SWITCH_COLUMNS = "id, extension_point, scope_key, plugin_id, configuration,"
            + " configuration_hash, effective_at, state, planned_at, planned_by, reason, settled_at, settled_by,"
            + " settled_reason";

    @Override
    public void lock(Connection c) throws SQLException {
        if (Jdbc.update(c, "UPDATE plugin_binding_head SET last_change = last_change WHERE head_id = 1") != 1) {
            throw new SQLException("plugin_binding_head has no row: migration V3 incomplete");
        }
    }

    @Override
    public void insertSwitch(Connection c, StoredSwitch s) throws SQLException {
        Jdbc.update(c, "INSERT INTO plugin_binding_switch (" + SWITCH_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)", s.id(), s.point(), scope(s.municipality()), s.pluginId(), s.configuration(),
                s.configurationHash(), instant(s.effectiveAt()), s.state(), instant(s.plannedAt()), s.plannedBy(),
                s.reason(), instant(s.settledAt()), s.settledBy(), s.settledReason());
    }

    @Override
    public Optional<StoredSwitch> findSwitch(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + SWITCH_COLUMNS + " FROM plugin_binding_switch WHERE id = ?",
                JdbcBindingStore::stored, id);
    }

    @Override
    public List<StoredSwitch> switches(Connection c, String point) throws SQLException {
        String sql = "SELECT " + SWITCH_COLUMNS + " FROM plugin_binding_switch"
                + (point == null ? "" : " WHERE extension_point = ?") + " ORDER BY effective_at DESC, id DESC";
        return point == null ? Jdbc.list(c, sql, JdbcBindingStore::stored)
                : Jdbc.list(c, sql, JdbcBindingStore::stored, point);
    }

    @Override
    public List<StoredSwitch> due(Connection c, Instant now) throws SQLException {
        return Jdbc.list(c, "SELECT " + SWITCH_COLUMNS + " FROM plugin_binding_switch WHERE state = ?"
                + " AND effective_at <= ? ORDER BY effective_at, id", JdbcBindingStore::stored, StoredSwitch.PLANNED,
                instant(now));
    }

    @Override
    public List<StoredSwitch> dueFor(Connection c, String point, String municipality, Instant now)
            throws SQLException {
        return Jdbc.list(c, "SELECT " + SWITCH_COLUMNS + " FROM plugin_binding_switch WHERE state = ?"
                + " AND extension_point = ? AND scope_key IN (?, ?) AND effective_at <= ? ORDER BY effective_at, id",
                JdbcBindingStore::stored, StoredSwitch.PLANNED, point, scope(municipality), REGION_SCOPE, instant(now));
    }

    @Override
    public boolean settleSwitch(Connection c, long id, String state, Instant at, String by, String reason)
            throws SQLException {
        return Jdbc.update(c, "UPDATE plugin_binding_switch SET state = ?, settled_at = ?, settled_by = ?,"
                + " settled_reason = ? WHERE id = ? AND state = ?", state, instant(at), by, reason, id,
                StoredSwitch.PLANNED) == 1;
    }

    private static StoredSwitch stored(ResultSet rs) throws SQLException {
        return new StoredSwitch(rs.getLong("id"), rs.getString("extension_point"),
                municipality(rs.getString("scope_key")), rs.getString("plugin_id"), rs.getString("configuration"),
                rs.getString("configuration_hash"), instant(rs, "effective_at"), rs.getString("state"),
                instant(rs, "planned_at"), rs.getString("planned_by"), rs.getString("reason"),
                instant(rs, "settled_at"), rs.getString("settled_by"), rs.getString("settled_reason"));
    }

    private static String scope(String municipality) {
        return municipality == null ? REGION_SCOPE : municipality;
    }

    private static String municipality(String scope) {
        return REGION_SCOPE.equals(scope) ? null : scope;
    }

    private static StoredBinding binding(ResultSet rs) throws SQLException {
        return new StoredBinding(rs.getString("extension_point"), municipality(rs.getString("scope_key")),
                rs.getString("plugin_id"), rs.getString("configuration"), rs.getString("configuration_hash"),
                rs.getLong("revision"), instant(rs, "changed_at"), rs.getString("changed_by"), rs.getString("reason"));
    }

    private static StoredBindingChange change(ResultSet rs) throws SQLException {
        return new StoredBindingChange(rs.getLong("id"), rs.getString("extension_point"),
                municipality(rs.getString("scope_key")), rs.getString("old_plugin_id"), rs.getString("old_configuration"),
                rs.getString("new_plugin_id"), rs.getString("new_configuration"), instant(rs, "changed_at"),
                rs.getString("changed_by"), rs.getString("reason"));
    }
}
