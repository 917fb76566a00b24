package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.proeftuin.core.store.waits.StoredWait;
import nl.proeftuin.core.store.waits.WaitAgeRow;
import nl.proeftuin.core.store.waits.WaitStore;
import org.osgi.service.component.annotations.Component;

/** {@code case_wait} (V23); reads {@code assignment}. */
@Component(service = WaitStore.class)
public class JdbcWaitStore implements WaitStore {

    @Override
    public void insert(Connection c, StoredWait w) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_wait (id, case_id, care_request_id, wait_for, waiting_on, municipality,"
                + " responsible_id, responsible_name, responsible_org, since_on, expected_on, note, recorded_at,"
                + " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", w.id(), w.caseId(),
                w.careRequestId(), w.waitFor(), w.waitingOn(), w.municipality(), w.responsibleId(), w.responsibleName(),
                w.responsibleOrg(), date(w.since()), date(w.expected()), w.note(), instant(w.recordedAt()), w.recordedBy());
    }

    @Override
    public List<StoredWait> ofCase(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM case_wait WHERE case_id = ? ORDER BY seq_no", JdbcWaitStore::wait, caseId);
    }

    @Override
    public Optional<StoredWait> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM case_wait WHERE id = ? FOR UPDATE", JdbcWaitStore::wait, id);
    }

    @Override
    public void end(Connection c, String id, LocalDate endedOn, String reason, Instant at, String by)
            throws SQLException {
        Jdbc.update(c, "UPDATE case_wait SET ended_on = ?, end_reason = ?, ended_at = ?, ended_by = ? WHERE id = ?",
                date(endedOn), reason, instant(at), by, id);
    }

    @Override
    public List<StoredWait> open(Connection c, Collection<String> municipalities, String waitingOn, int limit)
            throws SQLException {
        if (municipalities != null && municipalities.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM case_wait WHERE ended_on IS NULL");
        if (municipalities != null) {
            sql.append(" AND municipality IN (").append(Jdbc.placeholders(municipalities.size())).append(')');
            params.addAll(municipalities);
        }
        if (waitingOn != null) {
            sql.append(" AND LOWER(waiting_on) = ?");
            params.add(waitingOn.toLowerCase(Locale.ROOT));
        }
        sql.append(" ORDER BY since_on, seq_no LIMIT ").append(limit);
        return Jdbc.list(c, sql.toString(), JdbcWaitStore::wait, params.toArray());
    }

    @Override
    public List<String> activeTeam(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT DISTINCT professional_id FROM assignment WHERE case_id = ? AND until_date IS NULL",
                rs -> rs.getString(1), caseId);
    }

    @Override
    public List<WaitAgeRow> ages(Connection c, LocalDate today) throws SQLException {
        // the age in whole days: the days of the epoch of today minus those of since_on, summed in SQL
        long epochDay = today.toEpochDay();
        return Jdbc.list(c, "SELECT municipality, wait_for, COUNT(*) AS open_waits,"
                + " MIN(since_on) AS oldest, SUM(CASE WHEN expected_on < ? THEN 1 ELSE 0 END) AS past_expected,"
                + " SUM(" + epochDays("since_on") + ") AS since_days"
                + " FROM case_wait WHERE ended_on IS NULL GROUP BY municipality, wait_for ORDER BY municipality, wait_for",
                rs -> {
                    long open = rs.getLong("open_waits");
                    long total = open * epochDay - rs.getLong("since_days");
                    long oldest = ChronoUnit.DAYS.between(date(rs, "oldest"), today);
                    return new WaitAgeRow(rs.getString("municipality"), rs.getString("wait_for"), open, total, oldest,
                            rs.getLong("past_expected"));
                }, date(today));
    }

    /** A date column as days since 1970-01-01, the same on H2 and PostgreSQL. */
    private static String epochDays(String column) {
        return "(CAST(EXTRACT(EPOCH FROM CAST(" + column + " AS TIMESTAMP)) AS BIGINT) / 86400)";
    }

    private static StoredWait wait(ResultSet rs) throws SQLException {
        return new StoredWait(rs.getString("id"), rs.getString("case_id"), rs.getString("care_request_id"),
                rs.getString("wait_for"), rs.getString("waiting_on"), rs.getString("municipality"),
                rs.getString("responsible_id"), rs.getString("responsible_name"), rs.getString("responsible_org"),
                date(rs, "since_on"), date(rs, "expected_on"), rs.getString("note"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"), date(rs, "ended_on"), instant(rs, "ended_at"), rs.getString("ended_by"),
                rs.getString("end_reason"));
    }
}
