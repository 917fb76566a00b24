package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.proeftuin.core.store.privacy.PrivacyStore;
import org.osgi.service.component.annotations.Component;

/** The GDPR rights' tables (V8) and the reads of the export, the monitor export and retention. */
@Component(service = PrivacyStore.class)
public class JdbcPrivacyStore implements PrivacyStore {

    @Override
    public boolean personExists(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM person WHERE id = ?", rs -> Boolean.TRUE, personId).isPresent();
    }

    @Override
    public boolean caseExists(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM family_case WHERE id = ?", rs -> Boolean.TRUE, caseId).isPresent();
    }

    @Override
    public boolean knownUser(Connection c, String userId) throws SQLException {
        return Jdbc.one(c, "SELECT user_id FROM user_account WHERE user_id = ?", rs -> Boolean.TRUE, userId).isPresent()
                || Jdbc.one(c, "SELECT professional_id FROM assignment WHERE professional_id = ?", rs -> Boolean.TRUE,
                        userId).isPresent();
    }

    @Override
    public List<String> casesOf(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT case_id FROM case_member WHERE person_id = ?", rs -> rs.getString(1), personId);
    }

    // --- export

    @Override
    public Optional<Map<String, Object>> exportPerson(Connection c, String personId) throws SQLException {
        List<Map<String, Object>> rows = maps(c, "SELECT * FROM person WHERE id = ?", personId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public List<Map<String, Object>> exportCases(Connection c, String personId) throws SQLException {
        return maps(c, "SELECT f.id, f.municipality, f.status, f.phase, f.framework, f.signal_kind, f.signal_source,"
                + " f.signal_description, f.signal_received_on, f.opened_at, f.opened_by, f.closed_reason,"
                + " m.until_date AS member_until FROM family_case f"
                + " JOIN case_member m ON m.case_id = f.id WHERE m.person_id = ? ORDER BY f.opened_at", personId);
    }

    @Override
    public List<String> exportFamilyRoles(Connection c, String caseId, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT family_role FROM case_member_role WHERE case_id = ? AND person_id = ?"
                + " ORDER BY family_role", rs -> rs.getString(1), caseId, personId);
    }

    @Override
    public List<Map<String, Object>> exportTeam(Connection c, String caseId) throws SQLException {
        return maps(c, "SELECT professional_name, organisation, professional_role, casusregie, since_date, until_date"
                + " FROM assignment WHERE case_id = ? ORDER BY seq_no", caseId);
    }

    @Override
    public List<Map<String, Object>> exportEntries(Connection c, String personId) throws SQLException {
        return maps(c, "SELECT e.id, e.case_id, e.entry_kind, e.body_text, e.source, e.author_name, e.author_role,"
                + " e.recorded_at, e.restricted_to FROM case_entry e JOIN case_entry_person p ON p.entry_id = e.id"
                + " WHERE p.person_id = ? ORDER BY e.seq_no", personId);
    }

    @Override
    public List<Map<String, Object>> exportRelationships(Connection c, String personId) throws SQLException {
        return maps(c, "SELECT * FROM relationship WHERE from_person_id = ? OR to_person_id = ? ORDER BY seq_no",
                personId, personId);
    }

    @Override
    public List<Map<String, Object>> exportHouseholds(Connection c, String personId) throws SQLException {
        return maps(c, "SELECT h.address, h.postal_code, h.municipality, m.since_date, m.until_date"
                + " FROM household_membership m JOIN household h ON h.id = m.household_id WHERE m.person_id = ?"
                + " ORDER BY m.seq_no", personId);
    }

    @Override
    public List<Map<String, Object>> exportConsents(Connection c, String personId) throws SQLException {
        return maps(c, "SELECT * FROM consent WHERE person_id = ?", personId);
    }

    @Override
    public List<Map<String, Object>> exportPlanVersions(Connection c, String personId) throws SQLException {
        return maps(c, "SELECT v.case_id, v.version_no, v.content, v.note, v.created_at, v.created_by,"
                + " m.until_date AS member_until"
                + " FROM plan_version v JOIN case_member m ON m.case_id = v.case_id WHERE m.person_id = ?"
                + " ORDER BY v.case_id, v.version_no", personId);
    }

    @Override
    public List<Map<String, Object>> monitorRows(Connection c) throws SQLException {
        return maps(c, "SELECT f.id AS case_id, m.person_id, p.date_of_birth, f.municipality, f.status, f.phase,"
                + " f.framework, f.opened_at FROM family_case f JOIN case_member m ON m.case_id = f.id"
                + " JOIN person p ON p.id = m.person_id ORDER BY f.opened_at, f.id, m.seq_no");
    }

    /** Every column of every row, by column name; instants as UTC instants, dates as ISO text. */
    private static List<Map<String, Object>> maps(Connection c, String sql, Object... params) throws SQLException {
        return Jdbc.list(c, sql, JdbcPrivacyStore::map, params);
    }

    private static Map<String, Object> map(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            Object value = rs.getObject(i);
            if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime
                    || md.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE) {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                value = t == null ? null : t.toInstant().toString();
            } else if (value instanceof java.sql.Date d) {
                value = d.toLocalDate().toString();
            } else if (value instanceof Clob clob) {
                value = clob.getSubString(1, (int) clob.length());
            }
            row.put(name, value);
        }
        return row;
    }

    // --- rectification

    @Override
    public void insertRectification(Connection c, StoredRectification r) throws SQLException {
        Jdbc.update(c, "INSERT INTO rectification (id, person_id, field_name, old_value, new_value, reason, made_at,"
                + " made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.personId(), r.field(), r.oldValue(), r.newValue(),
                r.reason(), instant(r.madeAt()), r.madeBy());
    }

    @Override
    public List<StoredRectification> rectifications(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM rectification WHERE person_id = ? ORDER BY seq_no",
                rs -> new StoredRectification(rs.getString("id"), rs.getString("person_id"), rs.getString("field_name"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"),
                        instant(rs, "made_at"), rs.getString("made_by")), personId);
    }

    // --- erasure requests

    @Override
    public void insertErasureRequest(Connection c, StoredErasureRequest r) throws SQLException {
        Jdbc.update(c, "INSERT INTO erasure_request (id, person_id, status, reason, requested_at, requested_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", r.id(), r.personId(), r.status(), r.reason(), instant(r.requestedAt()),
                r.requestedBy());
    }

    @Override
    public Optional<StoredErasureRequest> lockErasureRequest(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM erasure_request WHERE id = ? FOR UPDATE", JdbcPrivacyStore::erasure, id);
    }

    @Override
    public void decideErasureRequest(Connection c, String id, String status, Instant at, String by, String outcome)
            throws SQLException {
        Jdbc.update(c, "UPDATE erasure_request SET status = ?, decided_at = ?, decided_by = ?, outcome = ? WHERE id = ?",
                status, instant(at), by, outcome, id);
    }

    @Override
    public List<StoredErasureRequest> erasureRequests(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM erasure_request WHERE person_id = ? ORDER BY requested_at",
                JdbcPrivacyStore::erasure, personId);
    }

    private static StoredErasureRequest erasure(ResultSet rs) throws SQLException {
        return new StoredErasureRequest(rs.getString("id"), rs.getString("person_id"), rs.getString("status"),
                rs.getString("reason"), instant(rs, "requested_at"), rs.getString("requested_by"),
                instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("outcome"));
    }

    // --- legal holds

    @Override
    public void insertHold(Connection c, StoredLegalHold h) throws SQLException {
        Jdbc.update(c, "INSERT INTO legal_hold (id, subject_type, subject_id, reason, placed_at, placed_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", h.id(), h.subjectType(), h.subjectId(), h.reason(), instant(h.placedAt()),
                h.placedBy());
    }

    @Override
    public Optional<StoredLegalHold> lockHold(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM legal_hold WHERE id = ? FOR UPDATE", JdbcPrivacyStore::hold, id);
    }

    @Override
    public void liftHold(Connection c, String id, Instant at, String by) throws SQLException {
        Jdbc.update(c, "UPDATE legal_hold SET lifted_at = ?, lifted_by = ? WHERE id = ?", instant(at), by, id);
    }

    @Override
    public List<StoredLegalHold> holds(Connection c, String subjectId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM legal_hold WHERE subject_id = ? ORDER BY placed_at", JdbcPrivacyStore::hold,
                subjectId);
    }

    @Override
    public List<StoredLegalHold> holdsOfPerson(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM legal_hold WHERE (subject_type = 'PERSON' AND subject_id = ?) OR"
                + " (subject_type = 'CASE' AND subject_id IN (SELECT case_id FROM case_member WHERE person_id = ?))"
                + " ORDER BY placed_at", JdbcPrivacyStore::hold, personId, personId);
    }

    @Override
    public boolean caseHeld(Connection c, String caseId) throws SQLException {
        return !Jdbc.list(c, "SELECT id FROM legal_hold WHERE lifted_at IS NULL AND ((subject_type = 'CASE'"
                + " AND subject_id = ?) OR (subject_type = 'PERSON' AND subject_id IN (SELECT person_id FROM case_member"
                + " WHERE case_id = ?)))", rs -> rs.getString(1), caseId, caseId).isEmpty();
    }

    private static StoredLegalHold hold(ResultSet rs) throws SQLException {
        return new StoredLegalHold(rs.getString("id"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("reason"), instant(rs, "placed_at"), rs.getString("placed_by"), instant(rs, "lifted_at"),
                rs.getString("lifted_by"));
    }

    // --- retention

    @Override
    public List<String> closedCasesBefore(Connection c, Instant cutoff) throws SQLException {
        return Jdbc.list(c, "SELECT f.id FROM family_case f WHERE f.status = 'CLOSED' AND"
                + " (SELECT MAX(e.occurred_at) FROM case_event e WHERE e.case_id = f.id) < ? ORDER BY f.id",
                rs -> rs.getString(1), instant(cutoff));
    }

    @Override
    public List<String> personsRecordedBefore(Connection c, Instant cutoff) throws SQLException {
        return Jdbc.list(c, "SELECT p.id FROM person p WHERE p.created_at < ? ORDER BY p.id", rs -> rs.getString(1),
                instant(cutoff));
    }

    // --- pseudonym key

    @Override
    public Optional<String> pseudonymKey(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT secret FROM pseudonym_key WHERE key_id = 1", rs -> rs.getString(1));
    }

    @Override
    public void insertPseudonymKey(Connection c, String secret) throws SQLException {
        Jdbc.update(c, "INSERT INTO pseudonym_key (key_id, secret) VALUES (1, ?)", secret);
    }
}
