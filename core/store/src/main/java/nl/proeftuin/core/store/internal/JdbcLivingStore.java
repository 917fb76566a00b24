package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.ReviewRequest;
import nl.proeftuin.core.store.living.LivingStore;
import org.osgi.service.component.annotations.Component;

/** The living case's rows (decision 0032). */
@Component(service = LivingStore.class)
public class JdbcLivingStore implements LivingStore {

    private static final String MEASURE = "SELECT id, case_id, person_id, measure_type, start_date, end_date,"
            + " court_decision_reference, ended_on, end_reason, recorded_at, recorded_by FROM child_measure";

    @Override
    public void insertMeasure(Connection c, ChildMeasure m) throws SQLException {
        Jdbc.update(c, "INSERT INTO child_measure (id, case_id, person_id, measure_type, start_date, end_date,"
                + " court_decision_reference, ended_on, end_reason, recorded_at, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.caseId(), m.personId(), m.type(),
                m.startDate(), Jdbc.date(m.endDate()), m.courtDecisionReference(), Jdbc.date(m.endedOn()),
                m.endReason() == null ? new Jdbc.TypedNull(java.sql.Types.VARCHAR) : m.endReason(),
                Jdbc.instant(m.recordedAt()), m.recordedBy());
    }

    @Override
    public Optional<ChildMeasure> measure(Connection c, String caseId, String measureId) throws SQLException {
        return Jdbc.one(c, MEASURE + " WHERE case_id = ? AND id = ?", JdbcLivingStore::measure, caseId, measureId);
    }

    @Override
    public List<ChildMeasure> measures(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, MEASURE + " WHERE case_id = ? ORDER BY seq_no", JdbcLivingStore::measure, caseId);
    }

    @Override
    public List<ChildMeasure> measuresOfChild(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, MEASURE + " WHERE person_id = ? ORDER BY seq_no", JdbcLivingStore::measure, personId);
    }

    @Override
    public List<ChildMeasure> runningEndingBy(Connection c, MeasureType type, LocalDate until) throws SQLException {
        return Jdbc.list(c, MEASURE + " WHERE measure_type = ? AND ended_on IS NULL AND end_date IS NOT NULL"
                + " AND end_date <= ? ORDER BY end_date, seq_no", JdbcLivingStore::measure, type, until);
    }

    @Override
    public boolean end(Connection c, String measureId, LocalDate endedOn, String reason) throws SQLException {
        return Jdbc.update(c, "UPDATE child_measure SET ended_on = ?, end_reason = ? WHERE id = ? AND ended_on IS NULL",
                endedOn, reason, measureId) == 1;
    }

    /**
     * The review that answers a request: by its reviewer, recorded by that reviewer (signed with their
     * own login), not before the request. Shared by the request lists and need to know.
     */
    static final String ANSWER = "SELECT r.id FROM review r WHERE r.case_id = q.case_id AND r.reviewer_id = q.reviewer_id"
            + " AND r.recorded_by = q.reviewer_id AND r.recorded_at >= q.requested_at";

    private static final String REQUEST = "SELECT q.id, q.case_id, q.reviewer_id, q.question, q.plan_version,"
            + " q.requested_at, q.requested_by, (" + ANSWER + " ORDER BY r.seq_no LIMIT 1) AS review_id"
            + " FROM review_request q";

    @Override
    public void insertReviewRequest(Connection c, ReviewRequest r) throws SQLException {
        Jdbc.update(c, "INSERT INTO review_request (id, case_id, reviewer_id, question, plan_version, requested_at,"
                + " requested_by) VALUES (?, ?, ?, ?, ?, ?, ?)", r.id(), r.caseId(), r.reviewerId(), r.question(),
                r.planVersion(), Jdbc.instant(r.requestedAt()), r.requestedBy());
    }

    @Override
    public List<ReviewRequest> reviewRequests(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, REQUEST + " WHERE q.case_id = ? ORDER BY q.seq_no", JdbcLivingStore::request, caseId);
    }

    @Override
    public List<ReviewRequest> openReviewRequests(Connection c, String reviewerId) throws SQLException {
        return Jdbc.list(c, REQUEST + " JOIN family_case k ON k.id = q.case_id WHERE q.reviewer_id = ?"
                + " AND k.status <> 'CLOSED' AND NOT EXISTS (" + ANSWER + ") ORDER BY q.seq_no",
                JdbcLivingStore::request, reviewerId);
    }

    private static ReviewRequest request(ResultSet rs) throws SQLException {
        return new ReviewRequest(rs.getString("id"), rs.getString("case_id"), rs.getString("reviewer_id"),
                rs.getString("question"), rs.getInt("plan_version"), Jdbc.instant(rs, "requested_at"),
                rs.getString("requested_by"), rs.getString("review_id"));
    }

    private static ChildMeasure measure(ResultSet rs) throws SQLException {
        return new ChildMeasure(rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"),
                Jdbc.enumValue(rs, "measure_type", MeasureType.class), Jdbc.date(rs, "start_date"),
                Jdbc.date(rs, "end_date"), rs.getString("court_decision_reference"), Jdbc.date(rs, "ended_on"),
                rs.getString("end_reason"), Jdbc.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }
}
