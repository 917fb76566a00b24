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
import nl.proeftuin.core.store.living.StoredEvaluation;
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
        // perfw (decision 0043): from the persons' member rows (index on person_id) to their cases (primary key);
        // the correlated EXISTS made H2 read every case of the region at each opening
        return Jdbc.list(c, "SELECT k.id FROM family_case k WHERE k.id IN (SELECT m.case_id FROM case_member m"
                + " WHERE m.person_id IN (" + Jdbc.placeholders(personIds.size()) + ") AND m.until_date IS NULL)"
                + " AND k.status <> 'CLOSED' ORDER BY k.opened_at, k.id", rs -> rs.getString(1), Jdbc.params(personIds));
    }

    @Override
    public List<String> lockPersonsAndFindOpenCases(Connection c, java.util.Collection<String> personIds)
            throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        // the lock a summary refresh takes on members: two openings for one family take turns here
        Jdbc.list(c, "SELECT id FROM person WHERE id IN (" + Jdbc.placeholders(personIds.size()) + ") ORDER BY id"
                + CaseSummaries.personLock(c), rs -> rs.getString(1), Jdbc.params(personIds));
        return openCasesOf(c, personIds);
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

    // --- living (decision 0038): moves, ends and cycles -----------------------------------------------

    @Override
    public void moveCase(Connection c, String caseId, String municipality) throws SQLException {
        Jdbc.update(c, "UPDATE family_case SET municipality = ? WHERE id = ?", municipality, caseId);
        CaseSummaries.touch(c, caseId); // the monitor and the cohorts count the case in its new municipality
    }

    @Override
    public int moveUndecidedRequests(Connection c, String caseId, String municipality) throws SQLException {
        int maatwerk = Jdbc.update(c, "UPDATE maatwerk_request SET municipality = ? WHERE case_id = ? AND state = 'SUBMITTED'"
                + " AND municipality <> ? AND id NOT IN (SELECT request_id FROM municipal_decision)",
                municipality, caseId, municipality);
        int care = Jdbc.update(c, "UPDATE care_request SET municipality = ? WHERE case_id = ?"
                + " AND state IN ('SUBMITTED', 'FALLBACK') AND allocation IS NULL AND municipality <> ?"
                + " AND id NOT IN (SELECT request_id FROM municipal_decision)", municipality, caseId, municipality);
        return maatwerk + care;
    }

    @Override
    public int moveOpenWaits(Connection c, String caseId, String municipality) throws SQLException {
        return Jdbc.update(c, "UPDATE case_wait SET municipality = ? WHERE case_id = ? AND ended_on IS NULL"
                + " AND municipality <> ?", municipality, caseId, municipality);
    }

    @Override
    public void insertMove(Connection c, nl.proeftuin.core.api.living.MunicipalityMove m) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_municipality_move (id, case_id, from_municipality, to_municipality, moved_on,"
                + " reason, requests_moved, waits_moved, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.caseId(), m.fromMunicipality(), m.toMunicipality(), Jdbc.date(m.movedOn()), m.reason(),
                m.requestsMoved(), m.waitsMoved(), Jdbc.instant(m.recordedAt()), m.recordedBy());
    }

    @Override
    public List<nl.proeftuin.core.api.living.MunicipalityMove> moves(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT id, case_id, from_municipality, to_municipality, moved_on, reason, requests_moved,"
                + " waits_moved, recorded_at, recorded_by FROM case_municipality_move WHERE case_id = ? ORDER BY seq_no",
                rs -> new nl.proeftuin.core.api.living.MunicipalityMove(rs.getString("id"), rs.getString("case_id"),
                        rs.getString("from_municipality"), rs.getString("to_municipality"), Jdbc.date(rs, "moved_on"),
                        rs.getString("reason"), rs.getInt("requests_moved"), rs.getInt("waits_moved"),
                        Jdbc.instant(rs, "recorded_at"), rs.getString("recorded_by")), caseId);
    }

    @Override
    public Optional<nl.proeftuin.core.api.dto.Relationship> relationship(Connection c, String relationshipId)
            throws SQLException {
        return Jdbc.one(c, "SELECT id, from_person_id, to_person_id, relationship_type, since_date, until_date, note"
                + " FROM relationship WHERE id = ?", rs -> new nl.proeftuin.core.api.dto.Relationship(rs.getString("id"),
                        rs.getString("from_person_id"), rs.getString("to_person_id"),
                        Jdbc.enumValue(rs, "relationship_type", nl.proeftuin.core.api.dto.RelationshipType.class),
                        Jdbc.date(rs, "since_date"), Jdbc.date(rs, "until_date"), rs.getString("note")), relationshipId);
    }

    @Override
    public boolean endRelationship(Connection c, String relationshipId, LocalDate until, String reason, String by)
            throws SQLException {
        return Jdbc.update(c, "UPDATE relationship SET until_date = ?, end_reason = ?, ended_by = ? WHERE id = ?"
                + " AND until_date IS NULL", Jdbc.date(until), reason, by, relationshipId) == 1;
    }

    @Override
    public boolean endHouseholdMembership(Connection c, String householdId, String personId, LocalDate until,
            String reason, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE household_membership SET until_date = ?, end_reason = ?, ended_by = ?"
                + " WHERE household_id = ? AND person_id = ? AND until_date IS NULL", Jdbc.date(until), reason, by,
                householdId, personId) > 0;
    }

    private static final String EVALUATION = "SELECT measure_id, case_id, choice, reasons, evaluated_on, recorded_at,"
            + " recorded_by FROM measure_evaluation";

    @Override
    public void insertEvaluation(Connection c, StoredEvaluation e) throws SQLException {
        Jdbc.update(c, "INSERT INTO measure_evaluation (measure_id, case_id, choice, reasons, evaluated_on, recorded_at,"
                + " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)", e.measureId(), e.caseId(), e.choice(), e.reasons(),
                Jdbc.date(e.evaluatedOn()), Jdbc.instant(e.recordedAt()), e.recordedBy());
    }

    @Override
    public List<StoredEvaluation> evaluations(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, EVALUATION + " WHERE case_id = ? ORDER BY recorded_at, measure_id",
                JdbcLivingStore::evaluation, caseId);
    }

    @Override
    public Optional<StoredEvaluation> evaluation(Connection c, String measureId) throws SQLException {
        return Jdbc.one(c, EVALUATION + " WHERE measure_id = ?", JdbcLivingStore::evaluation, measureId);
    }

    private static StoredEvaluation evaluation(ResultSet rs) throws SQLException {
        return new StoredEvaluation(rs.getString("measure_id"), rs.getString("case_id"),
                Jdbc.enumValue(rs, "choice", nl.proeftuin.core.api.living.MeasureChoice.class), rs.getString("reasons"),
                Jdbc.date(rs, "evaluated_on"), Jdbc.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static final String RAAD = "SELECT id, case_id, person_id, question, requested_on, report_due, reported_on,"
            + " conclusion, report_summary, recorded_at, recorded_by FROM raad_investigation";

    @Override
    public void insertRaadInvestigation(Connection c, nl.proeftuin.core.api.living.RaadInvestigation r)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO raad_investigation (id, case_id, person_id, question, requested_on, report_due,"
                + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.caseId(), r.personId(),
                r.question(), Jdbc.date(r.requestedOn()), Jdbc.date(r.reportDue()), Jdbc.instant(r.recordedAt()),
                r.recordedBy());
    }

    @Override
    public List<nl.proeftuin.core.api.living.RaadInvestigation> raadInvestigations(Connection c, String caseId)
            throws SQLException {
        return Jdbc.list(c, RAAD + " WHERE case_id = ? ORDER BY seq_no", JdbcLivingStore::raad, caseId);
    }

    @Override
    public boolean reportRaad(Connection c, String investigationId, LocalDate on,
            nl.proeftuin.core.api.living.RaadConclusion conclusion, String summary, java.time.Instant at, String by)
            throws SQLException {
        return Jdbc.update(c, "UPDATE raad_investigation SET reported_on = ?, conclusion = ?, report_summary = ?,"
                + " reported_at = ?, reported_by = ? WHERE id = ? AND reported_on IS NULL", Jdbc.date(on), conclusion,
                summary, Jdbc.instant(at), by, investigationId) == 1;
    }

    @Override
    public List<nl.proeftuin.core.api.living.RaadInvestigation> raadOverdue(Connection c, LocalDate today)
            throws SQLException {
        return Jdbc.list(c, RAAD + " WHERE reported_on IS NULL AND report_due < ? ORDER BY report_due, seq_no",
                JdbcLivingStore::raad, Jdbc.date(today));
    }

    private static nl.proeftuin.core.api.living.RaadInvestigation raad(ResultSet rs) throws SQLException {
        return new nl.proeftuin.core.api.living.RaadInvestigation(rs.getString("id"), rs.getString("case_id"),
                rs.getString("person_id"), rs.getString("question"), Jdbc.date(rs, "requested_on"),
                Jdbc.date(rs, "report_due"), false, Jdbc.date(rs, "reported_on"),
                Jdbc.enumValue(rs, "conclusion", nl.proeftuin.core.api.living.RaadConclusion.class),
                rs.getString("report_summary"), Jdbc.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    @Override
    public boolean markCycleAlert(Connection c, String subjectId, String kind, java.time.Instant at)
            throws SQLException {
        if (Jdbc.one(c, "SELECT subject_id FROM cycle_alert_mark WHERE subject_id = ? AND alert_kind = ?",
                rs -> rs.getString(1), subjectId, kind).isPresent()) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO cycle_alert_mark (subject_id, alert_kind, raised_at) VALUES (?, ?, ?)", subjectId,
                kind, Jdbc.instant(at));
        return true;
    }

    // --- part 10: the reporter ---------------------------------------------------------------------------

    private static final String REPORTER = "SELECT id, case_id, signal_id, organisation, contact, received_on,"
            + " feedback_due, recorded_at, recorded_by, told_on, outcome, channel, told_by FROM signal_reporter";

    @Override
    public void insertReporter(Connection c, nl.proeftuin.core.api.living.Reporter r) throws SQLException {
        Jdbc.update(c, "INSERT INTO signal_reporter (id, case_id, signal_id, organisation, contact, received_on,"
                + " feedback_due, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.caseId(),
                text(r.signalId()), r.organisation(), r.contact(), Jdbc.date(r.receivedOn()), Jdbc.date(r.feedbackDue()),
                Jdbc.instant(r.recordedAt()), r.recordedBy());
    }

    @Override
    public List<nl.proeftuin.core.api.living.Reporter> reporters(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, REPORTER + " WHERE case_id = ? ORDER BY seq_no", JdbcLivingStore::reporter, caseId);
    }

    @Override
    public boolean tellReporter(Connection c, String reporterId, LocalDate on,
            nl.proeftuin.core.api.living.FeedbackOutcome outcome, nl.proeftuin.core.api.living.FeedbackChannel channel,
            java.time.Instant at, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE signal_reporter SET told_on = ?, outcome = ?, channel = ?, told_at = ?, told_by = ?"
                + " WHERE id = ? AND told_on IS NULL", Jdbc.date(on), outcome, channel, Jdbc.instant(at), by,
                reporterId) == 1;
    }

    @Override
    public List<nl.proeftuin.core.api.living.Reporter> reportersOverdue(Connection c, LocalDate today)
            throws SQLException {
        return Jdbc.list(c, REPORTER + " WHERE told_on IS NULL AND feedback_due < ? ORDER BY feedback_due, seq_no",
                JdbcLivingStore::reporter, Jdbc.date(today));
    }

    private static nl.proeftuin.core.api.living.Reporter reporter(ResultSet rs) throws SQLException {
        return new nl.proeftuin.core.api.living.Reporter(rs.getString("id"), rs.getString("case_id"),
                rs.getString("signal_id"), rs.getString("organisation"), rs.getString("contact"),
                Jdbc.date(rs, "received_on"), Jdbc.date(rs, "feedback_due"), false, Jdbc.date(rs, "told_on"),
                Jdbc.enumValue(rs, "outcome", nl.proeftuin.core.api.living.FeedbackOutcome.class),
                Jdbc.enumValue(rs, "channel", nl.proeftuin.core.api.living.FeedbackChannel.class), null,
                rs.getString("told_by"), Jdbc.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    // --- part 9: professionals around one family ---------------------------------------------------------

    /** The open cases sharing a current member with case k1 (k1 itself included), as m2.case_id. */
    private static final String AROUND = " FROM case_member m1"
            + " JOIN family_case k1 ON k1.id = m1.case_id AND k1.status <> 'CLOSED'"
            + " JOIN case_member m2 ON m2.person_id = m1.person_id AND m2.until_date IS NULL"
            + " JOIN family_case k2 ON k2.id = m2.case_id AND k2.status <> 'CLOSED'"
            + " JOIN assignment a ON a.case_id = m2.case_id AND a.until_date IS NULL"
            + " WHERE m1.until_date IS NULL";

    @Override
    public List<String> crowdedCases(Connection c, int threshold) throws SQLException {
        return Jdbc.list(c, "SELECT m1.case_id" + AROUND + " GROUP BY m1.case_id"
                + " HAVING COUNT(DISTINCT a.professional_id) > ? ORDER BY m1.case_id", rs -> rs.getString(1), threshold);
    }

    @Override
    public List<nl.proeftuin.core.api.living.ActiveProfessional> professionalsAround(Connection c, String caseId)
            throws SQLException {
        List<nl.proeftuin.core.api.living.ActiveProfessional> rows = Jdbc.list(c, "SELECT DISTINCT a.professional_id,"
                + " a.professional_name, a.organisation, a.case_id" + AROUND + " AND m1.case_id = ?"
                + " ORDER BY a.professional_id, a.case_id", rs -> new nl.proeftuin.core.api.living.ActiveProfessional(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), caseId);
        java.util.Map<String, nl.proeftuin.core.api.living.ActiveProfessional> first = new java.util.LinkedHashMap<>();
        rows.forEach(p -> first.putIfAbsent(p.professionalId(), p));
        return List.copyOf(first.values());
    }

    /** The size of {@code crowd_notice.named} (V27). */
    static final int NAMED_MAX = 20_000;

    @Override
    public void insertProfessionalsNotice(Connection c, String userId, nl.proeftuin.core.api.living.ProfessionalsNotice n)
            throws SQLException {
        StringBuilder named = new StringBuilder();
        for (nl.proeftuin.core.api.living.ActiveProfessional p : n.professionals()) {
            String line = clean(p.professionalId()) + '\t' + clean(p.name()) + '\t' + clean(p.organisation()) + '\t'
                    + clean(p.caseId()) + '\n';
            if (named.length() + line.length() > NAMED_MAX) {
                break; // the column's size: the notice still counts them all (professionals)
            }
            named.append(line);
        }
        Jdbc.update(c, "INSERT INTO crowd_notice (id, user_id, case_id, professionals, threshold, named, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", n.id(), userId, n.caseId(), n.count(), n.threshold(),
                named.toString(), Jdbc.instant(n.createdAt()));
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    @Override
    public List<nl.proeftuin.core.api.living.ProfessionalsNotice> professionalsNotices(Connection c, String userId)
            throws SQLException {
        return Jdbc.list(c, "SELECT id, case_id, professionals, threshold, named, created_at FROM crowd_notice"
                + " WHERE user_id = ? ORDER BY seq_no DESC", rs -> {
                    List<nl.proeftuin.core.api.living.ActiveProfessional> named = new java.util.ArrayList<>();
                    for (String line : rs.getString("named").split("\n")) {
                        String[] f = line.split("\t", -1);
                        if (f.length == 4) {
                            named.add(new nl.proeftuin.core.api.living.ActiveProfessional(f[0], f[1], f[2], f[3]));
                        }
                    }
                    return new nl.proeftuin.core.api.living.ProfessionalsNotice(rs.getString("id"),
                            rs.getString("case_id"), rs.getInt("professionals"), rs.getInt("threshold"),
                            List.copyOf(named), Jdbc.instant(rs, "created_at"));
                }, userId);
    }
}
