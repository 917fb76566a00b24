package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import org.osgi.service.component.annotations.Component;

/** Alerts in {@code plugin_alert}. */
@Component(service = AlertStore.class)
public class JdbcAlertStore implements AlertStore {

    @Override
    public void insert(Connection c, StoredAlert a) throws SQLException {
        Jdbc.update(c, "INSERT INTO plugin_alert (id, alert_kind, extension_point, municipality, plugin_id, case_id,"
                + " message, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.kind(), a.point(), a.municipality(),
                a.pluginId(), a.caseId(), a.message(), instant(a.at()));
    }

    @Override
    public List<StoredAlert> latest(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM plugin_alert ORDER BY seq_no DESC LIMIT ?", JdbcAlertStore::alert, limit);
    }

    @Override
    public List<StoredAlert> latestIn(Connection c, java.util.Collection<String> municipalities, int limit)
            throws SQLException {
        List<Object> params = new java.util.ArrayList<>();
        municipalities.forEach(m -> params.add(m.toLowerCase(java.util.Locale.ROOT)));
        params.add(limit);
        return Jdbc.list(c, "SELECT * FROM plugin_alert WHERE municipality IS NULL OR LOWER(municipality) IN ("
                + Jdbc.placeholders(municipalities.size()) + ") ORDER BY seq_no DESC LIMIT ?", JdbcAlertStore::alert,
                params.toArray());
    }

    private static StoredAlert alert(java.sql.ResultSet rs) throws SQLException {
        return new StoredAlert(rs.getString("id"), rs.getString("alert_kind"), rs.getString("extension_point"),
                rs.getString("municipality"), rs.getString("plugin_id"), rs.getString("case_id"),
                rs.getString("message"), instant(rs, "raised_at"));
    }
}
