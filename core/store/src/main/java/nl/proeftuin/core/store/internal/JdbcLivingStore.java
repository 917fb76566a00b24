package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.LinkedSignal;
import nl.proeftuin.core.api.living.MemberChange;
import nl.proeftuin.core.api.living.ParentalAuthority;
import nl.proeftuin.core.api.living.RegieNotice;
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

    @Override
    public List<String> openCasesOf(Connection c, java.util.Collection<String> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(c, "SELECT k.id FROM family_case k WHERE k.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM"
                + " case_member m WHERE m.case_id = k.id AND m.until_date IS NULL AND m.person_id IN (" + Jdbc.placeholders(personIds.size())
                + ")) ORDER BY k.opened_at, k.id", rs -> rs.getString(1), Jdbc.params(personIds));
    }

    @Override
    public void insertSeparateCase(Connection c, String caseId, String existingCases, String reason,
            java.time.Instant at, String by) throws SQLException {
        Jdbc.update(c, "INSERT INTO separate_case (case_id, existing_cases, reason, recorded_at, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?)", caseId, existingCases, reason, Jdbc.instant(at), by);
    }

    @Override
    public Optional<String> separateCaseReason(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT reason FROM separate_case WHERE case_id = ?", rs -> rs.getString(1), caseId);
    }

    @Override
    public void insertLinkedSignal(Connection c, LinkedSignal s) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_signal (id, case_id, signal_kind, signal_source, description, received_on,"
                + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.caseId(), s.kind(), s.source(),
                s.description(), s.receivedOn(), Jdbc.instant(s.recordedAt()), s.recordedBy());
    }

    @Override
    public List<LinkedSignal> linkedSignals(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT id, case_id, signal_kind, signal_source, description, received_on, recorded_at,"
                + " recorded_by FROM case_signal WHERE case_id = ? ORDER BY seq_no", rs -> new LinkedSignal(
                        rs.getString("id"), rs.getString("case_id"),
                        Jdbc.enumValue(rs, "signal_kind", nl.proeftuin.core.api.dto.SignalKind.class),
                        Jdbc.enumValue(rs, "signal_source", nl.proeftuin.core.api.dto.SignalSource.class),
                        rs.getString("description"), Jdbc.date(rs, "received_on"), Jdbc.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")), caseId);
    }

    @Override
    public boolean wasMember(Connection c, String caseId, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM case_member WHERE case_id = ? AND person_id = ?", rs -> Boolean.TRUE, caseId,
                personId).isPresent();
    }

    @Override
    public void reopenMembership(Connection c, String caseId, String personId,
            java.util.Set<nl.proeftuin.core.api.dto.FamilyRole> roles) throws SQLException {
        Jdbc.update(c, "UPDATE case_member SET until_date = NULL, end_reason = NULL WHERE case_id = ? AND person_id = ?",
                caseId, personId);
        replaceRoles(c, caseId, personId, roles);
    }

    @Override
    public void replaceRoles(Connection c, String caseId, String personId,
            java.util.Set<nl.proeftuin.core.api.dto.FamilyRole> roles) throws SQLException {
        Jdbc.update(c, "DELETE FROM case_member_role WHERE case_id = ? AND person_id = ?", caseId, personId);
        for (nl.proeftuin.core.api.dto.FamilyRole role : roles) {
            Jdbc.update(c, "INSERT INTO case_member_role (case_id, person_id, family_role) VALUES (?, ?, ?)", caseId,
                    personId, role);
        }
    }

    @Override
    public boolean endMembership(Connection c, String caseId, String personId, LocalDate until, String reason)
            throws SQLException {
        return Jdbc.update(c, "UPDATE case_member SET until_date = ?, end_reason = ? WHERE case_id = ? AND person_id = ?"
                + " AND until_date IS NULL", until, reason, caseId, personId) == 1;
    }

    @Override
    public void insertMemberChange(Connection c, MemberChange m) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_member_change (id, case_id, person_id, change_kind, roles, on_date, reason,"
                + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.caseId(), m.personId(),
                m.kind(), String.join(",", m.roles().stream().map(Enum::name).sorted().toList()), m.on(),
                m.reason() == null ? new Jdbc.TypedNull(java.sql.Types.VARCHAR) : m.reason(),
                Jdbc.instant(m.recordedAt()), m.recordedBy());
    }

    @Override
    public List<MemberChange> memberChanges(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT id, case_id, person_id, change_kind, roles, on_date, reason, recorded_at, recorded_by"
                + " FROM case_member_change WHERE case_id = ? ORDER BY seq_no", rs -> {
                    java.util.Set<nl.proeftuin.core.api.dto.FamilyRole> roles = java.util.EnumSet.noneOf(
                            nl.proeftuin.core.api.dto.FamilyRole.class);
                    for (String r : rs.getString("roles").split(",")) {
                        if (!r.isBlank()) {
                            roles.add(nl.proeftuin.core.api.dto.FamilyRole.valueOf(r));
                        }
                    }
                    return new MemberChange(rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"),
                            rs.getString("change_kind"), java.util.Set.copyOf(roles), Jdbc.date(rs, "on_date"),
                            rs.getString("reason"), Jdbc.instant(rs, "recorded_at"), rs.getString("recorded_by"));
                }, caseId);
    }

    private static final String AUTHORITY = "SELECT id, case_id, person_id, holder_person_id, holder_organisation,"
            + " since_date, until_date, end_reason, recorded_at, recorded_by FROM parental_authority";

    @Override
    public void insertAuthority(Connection c, ParentalAuthority a) throws SQLException {
        Jdbc.update(c, "INSERT INTO parental_authority (id, case_id, person_id, holder_person_id, holder_organisation,"
                + " since_date, until_date, end_reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.caseId(), a.personId(), text(a.holderPersonId()), text(a.holderOrganisation()), a.since(),
                Jdbc.date(a.until()), text(a.endReason()), Jdbc.instant(a.recordedAt()), a.recordedBy());
    }

    @Override
    public List<ParentalAuthority> authority(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, AUTHORITY + " WHERE case_id = ? ORDER BY seq_no", JdbcLivingStore::authority, caseId);
    }

    @Override
    public List<ParentalAuthority> authorityOver(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, AUTHORITY + " WHERE person_id = ? ORDER BY seq_no", JdbcLivingStore::authority, personId);
    }

    @Override
    public boolean endAuthority(Connection c, String authorityId, LocalDate until, String reason) throws SQLException {
        return Jdbc.update(c, "UPDATE parental_authority SET until_date = ?, end_reason = ? WHERE id = ?"
                + " AND until_date IS NULL", until, reason, authorityId) == 1;
    }

    @Override
    public void insertRegieNotice(Connection c, String userId, RegieNotice n) throws SQLException {
        Jdbc.update(c, "INSERT INTO regie_notice (id, user_id, case_id, other_case_id, other_user_id, other_user_name,"
                + " other_organisation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", n.id(), userId, n.caseId(),
                n.otherCaseId(), n.otherUserId(), n.otherUserName(), text(n.otherOrganisation()),
                Jdbc.instant(n.createdAt()));
    }

    @Override
    public List<RegieNotice> regieNotices(Connection c, String userId) throws SQLException {
        return Jdbc.list(c, "SELECT id, case_id, other_case_id, other_user_id, other_user_name, other_organisation,"
                + " created_at FROM regie_notice WHERE user_id = ? ORDER BY seq_no DESC", rs -> new RegieNotice(
                        rs.getString("id"), rs.getString("case_id"), rs.getString("other_case_id"),
                        rs.getString("other_user_id"), rs.getString("other_user_name"),
                        rs.getString("other_organisation"), Jdbc.instant(rs, "created_at")), userId);
    }

    private static Object text(String value) {
        return value == null ? new Jdbc.TypedNull(java.sql.Types.VARCHAR) : value;
    }

    private static ParentalAuthority authority(ResultSet rs) throws SQLException {
        return new ParentalAuthority(rs.getString("id"), rs.getString("case_id"), rs.getString("person_id"),
                rs.getString("holder_person_id"), rs.getString("holder_organisation"), Jdbc.date(rs, "since_date"),
                Jdbc.date(rs, "until_date"), rs.getString("end_reason"), Jdbc.instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
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
