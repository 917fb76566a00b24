package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.outcomes.OutcomeStore;
import org.osgi.service.component.annotations.Component;

/** {@code case_outcome} and {@code family_experience}. */
@Component(service = OutcomeStore.class)
public class JdbcOutcomeStore implements OutcomeStore {

    @Override
    public void insertOutcome(Connection c, StoredOutcome o) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_outcome (case_id, outcome, reasons, closed_on, closed_at, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", o.caseId(), o.outcome(), o.reasons(), o.closedOn(), o.closedAt(),
                o.recordedBy());
        CaseSummaries.touch(c, o.caseId()); // cohorts (V26)
    }

    @Override
    public Optional<StoredOutcome> outcome(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT case_id, outcome, reasons, closed_on, closed_at, recorded_by FROM case_outcome"
                + " WHERE case_id = ?", rs -> new StoredOutcome(rs.getString("case_id"), rs.getString("outcome"),
                        rs.getString("reasons"), date(rs, "closed_on"), instant(rs, "closed_at"),
                        rs.getString("recorded_by")), caseId);
    }

    @Override
    public void insertExperience(Connection c, StoredExperience e) throws SQLException {
        Jdbc.update(c, "INSERT INTO family_experience (id, case_id, person_id, score, remark, recorded_as,"
                + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.caseId(), e.personId(),
                e.score(), e.remark(), e.recordedAs(), e.recordedAt(), e.recordedBy());
        CaseSummaries.touch(c, e.caseId()); // V32: the summary row counts each member's newest score
    }

    @Override
    public List<StoredExperience> experiences(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT id, case_id, person_id, score, remark, recorded_as, recorded_at, recorded_by"
                + " FROM family_experience WHERE case_id = ? ORDER BY seq_no", rs -> new StoredExperience(
                        rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"), rs.getInt("score"),
                        rs.getString("remark"), rs.getString("recorded_as"), instant(rs, "recorded_at"),
                        rs.getString("recorded_by")), caseId);
    }

    @Override
    public List<String> repeatSignals(Connection c, String caseId) throws SQLException {
        Optional<StoredOutcome> closed = outcome(c, caseId);
        if (closed.isEmpty()) {
            return List.of();
        }
        java.time.LocalDate on = closed.get().closedOn();
        return Jdbc.list(c, "SELECT DISTINCT k2.id, k2.signal_received_on FROM case_member m1"
                + " JOIN case_member m2 ON m2.person_id = m1.person_id AND m2.case_id <> m1.case_id"
                + " JOIN family_case k2 ON k2.id = m2.case_id"
                + " WHERE m1.case_id = ? AND k2.signal_received_on >= ? AND k2.signal_received_on <= ?"
                + " ORDER BY k2.signal_received_on, k2.id", rs -> rs.getString(1), caseId, on, on.plusMonths(12));
    }
}
