package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.plugins.StoredBinding;
import nl.proeftuin.core.store.plugins.StoredBindingChange;
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
        String sql = "SELECT * FROM plugin_binding_change" + (point == null ? "" : " WHERE extension_point = ?")
                + " ORDER BY id DESC";
        return point == null ? Jdbc.list(c, sql, JdbcBindingStore::change)
                : Jdbc.list(c, sql, JdbcBindingStore::change, point);
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
