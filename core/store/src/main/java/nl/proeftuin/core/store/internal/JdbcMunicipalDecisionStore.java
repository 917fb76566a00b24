package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.municipal.DecisionTimeRow;
import nl.proeftuin.core.store.municipal.InboxRow;
import nl.proeftuin.core.store.municipal.MunicipalDecisionStore;
import nl.proeftuin.core.store.municipal.StoredDecision;
import nl.proeftuin.core.store.plugins.StoredAlert;
import org.osgi.service.component.annotations.Component;

/**
 * {@code municipal_term}, {@code care_request_deadline}, {@code municipal_decision} and
 * {@code alert_addressee} (V23); reads the request tables, {@code person}, {@code assignment} and
 * {@code plugin_alert}.
 */
@Component(service = MunicipalDecisionStore.class)
public class JdbcMunicipalDecisionStore implements MunicipalDecisionStore {

    private static final String DECISION_COLUMNS = "d.request_id AS d_request_id, d.request_kind AS d_kind,"
            + " d.case_id AS d_case_id, d.municipality AS d_municipality, d.outcome AS d_outcome, d.reasons AS d_reasons,"
            + " d.decided_at AS d_decided_at, d.decided_by AS d_decided_by, d.decided_by_name AS d_decided_by_name,"
            + " d.objection_until AS d_objection_until";
    private static final String MAATWERK = "SELECT 'MAATWERK' AS kind, m.id, m.case_id, m.municipality, m.person_id,"
            + " p.given_name, p.family_name, p.date_of_birth, m.provider, CAST(NULL AS VARCHAR(50)) AS product,"
            + " m.motivation, m.requested_at, m.requested_by, m.state, m.deadline, m.seq_no, " + DECISION_COLUMNS
            + " FROM maatwerk_request m JOIN person p ON p.id = m.person_id"
            + " LEFT JOIN municipal_decision d ON d.request_id = m.id";
    /** Care requests the municipality is asked about: sent, or recorded for it when no connector could send them. */
    private static final String CARE = "SELECT 'CARE' AS kind, r.id, r.case_id, r.municipality, r.person_id,"
            + " p.given_name, p.family_name, p.date_of_birth, r.provider, r.product_category AS product,"
            + " r.motivation, r.requested_at, r.requested_by, r.state, t.deadline, r.seq_no, " + DECISION_COLUMNS
            + " FROM care_request r JOIN person p ON p.id = r.person_id"
            + " LEFT JOIN care_request_deadline t ON t.request_id = r.id"
            + " LEFT JOIN municipal_decision d ON d.request_id = r.id"
            + " WHERE r.state IN ('SUBMITTED', 'FALLBACK', 'ALLOCATED')";

    @Override
    public Optional<Integer> decisionTermDays(Connection c, String municipalityName) throws SQLException {
        return Jdbc.one(c, "SELECT t.decision_term_days FROM municipal_term t JOIN municipality m ON m.code = t.code"
                + " WHERE m.name = ?", rs -> rs.getInt(1), municipalityName);
    }

    @Override
    public boolean setDecisionTerm(Connection c, String code, Integer days, Instant at, String by) throws SQLException {
        if (Jdbc.one(c, "SELECT code FROM municipality WHERE code = ? FOR UPDATE", rs -> rs.getString(1), code).isEmpty()) {
            return false;
        }
        Jdbc.update(c, "DELETE FROM municipal_term WHERE code = ?", code);
        if (days != null) {
            Jdbc.update(c, "INSERT INTO municipal_term (code, decision_term_days, changed_at, changed_by)"
                    + " VALUES (?, ?, ?, ?)", code, days, instant(at), by);
        }
        return true;
    }

    @Override
    public void insertCareDeadline(Connection c, String requestId, LocalDate deadline) throws SQLException {
        Jdbc.update(c, "INSERT INTO care_request_deadline (request_id, deadline, overdue_alerted) VALUES (?, ?, FALSE)",
                requestId, date(deadline));
    }

    @Override
    public List<InboxRow> inbox(Connection c, Collection<String> municipalities, boolean openOnly, int limit)
            throws SQLException {
        if (municipalities != null && municipalities.isEmpty()) {
            return List.of();
        }
        String in = municipalities == null ? "" : " AND m.municipality IN (" + Jdbc.placeholders(municipalities.size())
                + ")";
        Object[] params = municipalities == null ? new Object[0] : Jdbc.params(municipalities);
        List<InboxRow> rows = new ArrayList<>(Jdbc.list(c, MAATWERK + " WHERE 1 = 1" + in
                + (openOnly ? " AND m.state = 'SUBMITTED'" : "") + " ORDER BY m.seq_no LIMIT " + limit,
                JdbcMunicipalDecisionStore::row, params));
        rows.addAll(Jdbc.list(c, CARE + in.replace("m.municipality", "r.municipality")
                + (openOnly ? " AND d.request_id IS NULL AND r.allocation IS NULL" : "") + " ORDER BY r.seq_no LIMIT "
                + limit, JdbcMunicipalDecisionStore::row, params));
        rows.sort(Comparator.comparing(InboxRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(InboxRow::requestedAt));
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }

    @Override
    public Optional<InboxRow> lock(Connection c, String requestId) throws SQLException {
        if (Jdbc.one(c, "SELECT id FROM maatwerk_request WHERE id = ? FOR UPDATE", rs -> rs.getString(1), requestId)
                .isEmpty() && Jdbc.one(c, "SELECT id FROM care_request WHERE id = ? FOR UPDATE", rs -> rs.getString(1),
                        requestId).isEmpty()) {
            return Optional.empty();
        }
        return find(c, requestId);
    }

    @Override
    public Optional<InboxRow> find(Connection c, String requestId) throws SQLException {
        Optional<InboxRow> maatwerk = Jdbc.one(c, MAATWERK + " WHERE m.id = ?", JdbcMunicipalDecisionStore::row, requestId);
        return maatwerk.isPresent() ? maatwerk
                : Jdbc.one(c, CARE + " AND r.id = ?", JdbcMunicipalDecisionStore::row, requestId);
    }

    @Override
    public void insertDecision(Connection c, StoredDecision d) throws SQLException {
        Jdbc.update(c, "INSERT INTO municipal_decision (request_id, request_kind, case_id, municipality, outcome, reasons,"
                + " decided_at, decided_by, decided_by_name, objection_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.requestId(), d.kind(), d.caseId(), d.municipality(), d.outcome(), d.reasons(), instant(d.decidedAt()),
                d.decidedBy(), d.decidedByName(), date(d.objectionUntil()));
    }

    @Override
    public List<InboxRow> overdueCareUnalerted(Connection c, LocalDate today) throws SQLException {
        return Jdbc.list(c, CARE + " AND d.request_id IS NULL AND r.allocation IS NULL AND t.deadline < ?"
                + " AND t.overdue_alerted = FALSE ORDER BY r.seq_no", JdbcMunicipalDecisionStore::row, date(today));
    }

    @Override
    public boolean markCareOverdueAlerted(Connection c, String requestId) throws SQLException {
        return Jdbc.update(c, "UPDATE care_request_deadline SET overdue_alerted = TRUE WHERE request_id = ?"
                + " AND overdue_alerted = FALSE", requestId) == 1;
    }

    @Override
    public List<String> fixedProfessionals(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT DISTINCT professional_id FROM assignment WHERE case_id = ? AND until_date IS NULL"
                + " AND professional_role = 'FIXED_PROFESSIONAL' ORDER BY professional_id", rs -> rs.getString(1), caseId);
    }

    @Override
    public void address(Connection c, String alertId, String addressee) throws SQLException {
        Jdbc.update(c, "INSERT INTO alert_addressee (alert_id, addressee) VALUES (?, ?)", alertId, addressee);
    }

    @Override
    public List<StoredAlert> addressedAlerts(Connection c, String userId, Collection<String> municipalities, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (userId != null) {
            where.add("a.id IN (SELECT alert_id FROM alert_addressee WHERE addressee = ?)");
            params.add("user:" + userId);
        }
        if (municipalities == null || !municipalities.isEmpty()) {
            String in = municipalities == null ? "" : " AND a.municipality IN (" + Jdbc.placeholders(municipalities.size())
                    + ")";
            where.add("(a.id IN (SELECT alert_id FROM alert_addressee WHERE addressee = 'municipality')" + in + ")");
            if (municipalities != null) {
                params.addAll(municipalities);
            }
        }
        if (where.isEmpty()) {
            return List.of();
        }
        params.add(limit);
        return Jdbc.list(c, "SELECT a.* FROM plugin_alert a WHERE " + String.join(" OR ", where)
                + " ORDER BY a.seq_no DESC LIMIT ?",
                rs -> new StoredAlert(rs.getString("id"), rs.getString("alert_kind"), rs.getString("extension_point"),
                        rs.getString("municipality"), rs.getString("plugin_id"), rs.getString("case_id"),
                        rs.getString("message"), instant(rs, "raised_at")), params.toArray());
    }

    @Override
    public List<DecisionTimeRow> decisionTimes(Connection c, LocalDate today) throws SQLException {
        // a maatwerk request a connector decided at once has no decided_at: decided when requested
        String days = "(EXTRACT(EPOCH FROM x.decided_at) - EXTRACT(EPOCH FROM x.requested_at)) / 86400.0";
        return Jdbc.list(c, "SELECT x.municipality, COUNT(*) AS requests,"
                + " SUM(CASE WHEN x.decided_at IS NULL THEN 0 ELSE 1 END) AS decided,"
                + " SUM(CASE WHEN x.decided_at IS NULL THEN 1 ELSE 0 END) AS open_requests,"
                + " SUM(CASE WHEN x.decided_at IS NULL AND x.deadline < ? THEN 1 ELSE 0 END) AS overdue,"
                + " COALESCE(SUM(" + days + "), 0) AS total_days, MAX(" + days + ") AS longest_days FROM ("
                + " SELECT m.municipality, m.requested_at, m.deadline, COALESCE(m.decided_at,"
                + "   CASE WHEN m.state <> 'SUBMITTED' THEN m.requested_at END) AS decided_at FROM maatwerk_request m"
                + " UNION ALL"
                + " SELECT r.municipality, r.requested_at, t.deadline, COALESCE(d.decided_at, r.allocated_at) AS decided_at"
                + "   FROM care_request r JOIN care_request_deadline t ON t.request_id = r.id"
                + "   LEFT JOIN municipal_decision d ON d.request_id = r.id"
                + "   WHERE r.state IN ('SUBMITTED', 'FALLBACK', 'ALLOCATED')"
                + ") x GROUP BY x.municipality ORDER BY x.municipality",
                rs -> {
                    double longest = rs.getDouble("longest_days");
                    Double longestDays = rs.wasNull() ? null : longest;
                    return new DecisionTimeRow(rs.getString("municipality"), rs.getLong("requests"),
                            rs.getLong("decided"), rs.getLong("open_requests"), rs.getLong("overdue"),
                            rs.getDouble("total_days"), longestDays);
                }, date(today));
    }

    private static InboxRow row(ResultSet rs) throws SQLException {
        StoredDecision decision = rs.getString("d_request_id") == null ? null
                : new StoredDecision(rs.getString("d_request_id"), rs.getString("d_kind"), rs.getString("d_case_id"),
                        rs.getString("d_municipality"), rs.getString("d_outcome"), rs.getString("d_reasons"),
                        instant(rs, "d_decided_at"), rs.getString("d_decided_by"), rs.getString("d_decided_by_name"),
                        date(rs, "d_objection_until"));
        return new InboxRow(rs.getString("kind"), rs.getString("id"), rs.getString("case_id"),
                rs.getString("municipality"), rs.getString("person_id"), rs.getString("given_name"),
                rs.getString("family_name"), date(rs, "date_of_birth"), rs.getString("provider"), rs.getString("product"),
                rs.getString("motivation"), instant(rs, "requested_at"), rs.getString("requested_by"),
                rs.getString("state"), date(rs, "deadline"), decision);
    }
}
