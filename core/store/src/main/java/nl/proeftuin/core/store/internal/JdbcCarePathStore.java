package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import nl.proeftuin.core.store.care.CarePathStore;
import nl.proeftuin.core.store.care.StoredIncident;
import nl.proeftuin.core.store.care.StoredStep;
import org.osgi.service.component.annotations.Component;

/** Steps in {@code care_path_step}, incidents in {@code care_path_incident}. */
@Component(service = CarePathStore.class)
public class JdbcCarePathStore implements CarePathStore {

    @Override
    public List<StoredStep> steps(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM care_path_step WHERE case_id = ? ORDER BY seq_no",
                rs -> new StoredStep(rs.getString("case_id"), rs.getString("step"), rs.getString("phase"),
                        rs.getString("note"), rs.getString("plugin_id"), instant(rs, "done_at"), rs.getString("done_by")),
                caseId);
    }

    @Override
    public void insertStep(Connection c, StoredStep s) throws SQLException {
        Jdbc.update(c, "INSERT INTO care_path_step (case_id, step, phase, note, plugin_id, done_at, done_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", s.caseId(), s.step(), s.phase(), s.note(), s.pluginId(), instant(s.at()),
                s.by());
    }

    @Override
    public List<StoredIncident> incidents(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM care_path_incident WHERE case_id = ? ORDER BY seq_no",
                rs -> new StoredIncident(rs.getString("id"), rs.getString("case_id"), date(rs, "occurred_on"),
                        rs.getString("description"), instant(rs, "recorded_at"), rs.getString("recorded_by")),
                caseId);
    }

    @Override
    public void insertIncident(Connection c, StoredIncident i) throws SQLException {
        Jdbc.update(c, "INSERT INTO care_path_incident (id, case_id, occurred_on, description, recorded_at, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", i.id(), i.caseId(), date(i.occurredOn()), i.description(), instant(i.at()),
                i.by());
    }
}
