package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.care.ProcurementStore;
import nl.proeftuin.core.store.care.StoredCareRequest;
import nl.proeftuin.core.store.care.StoredMaatwerk;
import org.osgi.service.component.annotations.Component;

/** Maatwerk requests in {@code maatwerk_request}, care requests in {@code care_request}. */
@Component(service = ProcurementStore.class)
public class JdbcProcurementStore implements ProcurementStore {

    @Override
    public void insertMaatwerk(Connection c, StoredMaatwerk m) throws SQLException {
        Jdbc.update(c, "INSERT INTO maatwerk_request (id, case_id, person_id, municipality, provider, motivation, deadline,"
                + " state, detail, plugin_id, requested_at, requested_by, overdue_alerted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", m.id(), m.caseId(), m.personId(), m.municipality(),
                m.provider(), m.motivation(), date(m.deadline()), m.state(), m.detail(), m.pluginId(), instant(m.at()),
                m.by());
    }

    @Override
    public List<StoredMaatwerk> maatwerk(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM maatwerk_request WHERE case_id = ? ORDER BY seq_no",
                JdbcProcurementStore::maatwerk, caseId);
    }

    @Override
    public Optional<StoredMaatwerk> lockMaatwerk(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM maatwerk_request WHERE id = ? FOR UPDATE", JdbcProcurementStore::maatwerk, id);
    }

    @Override
    public void decideMaatwerk(Connection c, String id, String state, String detail, Instant at, String by)
            throws SQLException {
        Jdbc.update(c, "UPDATE maatwerk_request SET state = ?, detail = ?, decided_at = ?, decided_by = ? WHERE id = ?",
                state, detail, instant(at), by, id);
    }

    @Override
    public List<StoredMaatwerk> overdueUnalerted(Connection c, LocalDate today) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM maatwerk_request WHERE state = 'SUBMITTED' AND deadline < ?"
                + " AND overdue_alerted = FALSE ORDER BY seq_no", JdbcProcurementStore::maatwerk, date(today));
    }

    @Override
    public boolean markOverdueAlerted(Connection c, String id) throws SQLException {
        return Jdbc.update(c, "UPDATE maatwerk_request SET overdue_alerted = TRUE WHERE id = ? AND overdue_alerted = FALSE",
                id) == 1;
    }

    @Override
    public void insertCareRequest(Connection c, StoredCareRequest r) throws SQLException {
        Jdbc.update(c, "INSERT INTO care_request (id, case_id, person_id, municipality, provider, product_category,"
                + " product_code, start_on, volume, volume_unit, frequency, motivation, state, detail, plugin_id,"
                + " message_ref, requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.caseId(), r.personId(), r.municipality(), r.provider(), r.productCategory(), r.productCode(),
                date(r.start()), r.volume() == null ? new Jdbc.TypedNull(Types.INTEGER) : r.volume(), r.unit(),
                r.frequency(), r.motivation(), r.state(), r.detail(), r.pluginId(), r.messageRef(), instant(r.at()), r.by());
        CaseSummaries.touch(c, r.caseId()); // cohorts (V26)
    }

    @Override
    public List<StoredCareRequest> careRequests(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM care_request WHERE case_id = ? ORDER BY seq_no",
                JdbcProcurementStore::careRequest, caseId);
    }

    @Override
    public Optional<StoredCareRequest> lockCareRequest(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM care_request WHERE id = ? FOR UPDATE", JdbcProcurementStore::careRequest, id);
    }

    @Override
    public Optional<String> careRequestCase(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT case_id FROM care_request WHERE id = ?", rs -> rs.getString(1), id);
    }

    @Override
    public void allocate(Connection c, String id, String allocationJson, Instant at, String by) throws SQLException {
        Jdbc.update(c, "UPDATE care_request SET state = 'ALLOCATED', allocation = ?, allocated_at = ?, allocated_by = ?"
                + " WHERE id = ?", allocationJson, instant(at), by, id);
        CaseSummaries.touch(c, Jdbc.one(c, "SELECT case_id FROM care_request WHERE id = ?", rs -> rs.getString(1), id)
                .orElse(null)); // cohorts (V26)
    }

    private static StoredMaatwerk maatwerk(ResultSet rs) throws SQLException {
        return new StoredMaatwerk(rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"),
                rs.getString("municipality"), rs.getString("provider"), rs.getString("motivation"), date(rs, "deadline"),
                rs.getString("state"), rs.getString("detail"), rs.getString("plugin_id"), instant(rs, "requested_at"),
                rs.getString("requested_by"), instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getBoolean("overdue_alerted"));
    }

    private static StoredCareRequest careRequest(ResultSet rs) throws SQLException {
        int volume = rs.getInt("volume");
        Integer v = rs.wasNull() ? null : volume;
        return new StoredCareRequest(rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"),
                rs.getString("municipality"), rs.getString("provider"), rs.getString("product_category"),
                rs.getString("product_code"), date(rs, "start_on"), v, rs.getString("volume_unit"),
                rs.getString("frequency"), rs.getString("motivation"), rs.getString("state"), rs.getString("detail"),
                rs.getString("plugin_id"), rs.getString("message_ref"), instant(rs, "requested_at"),
                rs.getString("requested_by"), rs.getString("allocation"), instant(rs, "allocated_at"),
                rs.getString("allocated_by"));
    }
}
