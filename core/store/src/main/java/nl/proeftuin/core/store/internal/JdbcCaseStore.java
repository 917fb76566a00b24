package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.enumValue;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.Consent;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Review;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.api.dto.TeamPosition;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.StoredCase;
import org.osgi.service.component.annotations.Component;

/**
 * Cases in plain JDBC tables ({@code family_case} and the tables that hang off it). The case row is
 * locked with {@code SELECT ... FOR UPDATE}, which H2 (MVStore) and PostgreSQL both honour with a
 * row lock held to the end of the transaction.
 */
@Component(service = CaseStore.class)
public class JdbcCaseStore implements CaseStore {

    private static final String CASE_COLUMNS = "id, row_version, municipality, status, closed_reason, signal_kind,"
            + " signal_source, signal_description, signal_received_on, phase, framework, measure_type, measure_since,"
            + " measure_until, opened_at, opened_by";

    @Override
    public void insertCase(Connection c, StoredCase k) throws SQLException {
        Measure m = k.measure();
        Jdbc.update(c, "INSERT INTO family_case (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                k.id(), k.version(), k.municipality(), k.status(), k.closedReason(), k.signal().kind(),
                k.signal().source(), k.signal().description(), date(k.signal().receivedOn()), k.phase(), k.framework(),
                m == null ? null : m.type(), date(m == null ? null : m.since()), date(m == null ? null : m.until()),
                instant(k.openedAt()), k.openedBy());
        CaseSummaries.touch(c, k.id()); // cohorts (V26)
    }

    @Override
    public Optional<StoredCase> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + CASE_COLUMNS + " FROM family_case WHERE id = ?", JdbcCaseStore::storedCase, id);
    }

    @Override
    public Optional<StoredCase> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + CASE_COLUMNS + " FROM family_case WHERE id = ? FOR UPDATE",
                JdbcCaseStore::storedCase, id);
    }

    @Override
    public boolean update(Connection c, StoredCase k, long expectedVersion) throws SQLException {
        Measure m = k.measure();
        CaseSummaries.touch(c, k.id()); // cohorts (V26)
        return Jdbc.update(c, "UPDATE family_case SET row_version = ?, status = ?, closed_reason = ?, phase = ?,"
                + " framework = ?, measure_type = ?, measure_since = ?, measure_until = ? WHERE id = ? AND row_version = ?",
                k.version(), k.status(), k.closedReason(), k.phase(), k.framework(), m == null ? null : m.type(),
                date(m == null ? null : m.since()), date(m == null ? null : m.until()), k.id(), expectedVersion) == 1;
    }

    @Override
    public void insertMember(Connection c, String caseId, String personId, Set<FamilyRole> roles, int order)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, ?)", caseId, personId, order);
        CaseSummaries.touch(c, caseId); // cohorts (V26)
        for (FamilyRole role : roles) {
            Jdbc.update(c, "INSERT INTO case_member_role (case_id, person_id, family_role) VALUES (?, ?, ?)",
                    caseId, personId, role);
        }
    }

    @Override
    public Map<String, Set<FamilyRole>> members(Connection c, String caseId) throws SQLException {
        Map<String, Set<FamilyRole>> out = new LinkedHashMap<>();
        // living: an ended membership (until_date) is history, not a member; perf (issue 13): the members and
        // their roles in one query (a member without a role row has none)
        for (String[] row : Jdbc.list(c, "SELECT m.person_id, r.family_role FROM case_member m LEFT JOIN case_member_role r"
                + " ON r.case_id = m.case_id AND r.person_id = m.person_id WHERE m.case_id = ? AND m.until_date IS NULL"
                + " ORDER BY m.seq_no", rs -> new String[] {rs.getString(1), rs.getString(2)}, caseId)) {
            Set<FamilyRole> roles = out.computeIfAbsent(row[0], p -> EnumSet.noneOf(FamilyRole.class));
            if (row[1] != null) {
                roles.add(FamilyRole.valueOf(row[1]));
            }
        }
        return out;
    }

    @Override
    public void insertAssignment(Connection c, String caseId, Assignment a) throws SQLException {
        Jdbc.update(c, "INSERT INTO assignment (id, case_id, professional_id, professional_name, organisation,"
                + " professional_role, casusregie, since_date, until_date, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), caseId, a.professionalId(), a.name(), a.organisation(), a.role(), a.casusregie(),
                date(a.since()), date(a.until()), a.endReason());
        CaseSummaries.touch(c, caseId); // cohorts (V26)
    }

    @Override
    public void updateAssignment(Connection c, String caseId, Assignment a) throws SQLException {
        int n = Jdbc.update(c, "UPDATE assignment SET professional_role = ?, casusregie = ?, until_date = ?, end_reason = ?"
                + " WHERE id = ? AND case_id = ?", a.role(), a.casusregie(), date(a.until()), a.endReason(), a.id(), caseId);
        CaseSummaries.touch(c, caseId); // cohorts (V26)
        if (n != 1) {
            throw new SQLException("assignment " + a.id() + " of case " + caseId + " not updated (" + n + " rows)");
        }
    }

    @Override
    public List<Assignment> assignments(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM assignment WHERE case_id = ? ORDER BY seq_no", rs -> new Assignment(
                rs.getString("id"), rs.getString("professional_id"), rs.getString("professional_name"),
                rs.getString("organisation"), enumValue(rs, "professional_role", ProfessionalRole.class),
                rs.getBoolean("casusregie"), date(rs, "since_date"), date(rs, "until_date"), rs.getString("end_reason")),
                caseId);
    }

    @Override
    public boolean everAssigned(Connection c, String caseId, String professionalId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM assignment WHERE case_id = ? AND professional_id = ?",
                rs -> Boolean.TRUE, caseId, professionalId).isPresent();
    }

    @Override
    public void insertHandover(Connection c, String caseId, Handover h) throws SQLException {
        Jdbc.update(c, "INSERT INTO handover (id, case_id, team_position, from_assignment_id, to_assignment_id, note,"
                + " occurred_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                h.id(), caseId, h.position(), h.fromAssignment(), h.toAssignment(), h.note(), instant(h.at()), h.by());
        CaseSummaries.touch(c, caseId); // cohorts (V26)
    }

    @Override
    public List<Handover> handovers(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM handover WHERE case_id = ? ORDER BY seq_no", rs -> new Handover(
                rs.getString("id"), enumValue(rs, "team_position", TeamPosition.class),
                rs.getString("from_assignment_id"), rs.getString("to_assignment_id"), rs.getString("note"),
                instant(rs, "occurred_at"), rs.getString("recorded_by")), caseId);
    }

    @Override
    public void insertEvent(Connection c, String caseId, NewEvent n) throws SQLException {
        CaseEvent e = n.event();
        Jdbc.update(c, "INSERT INTO case_event (id, case_id, event_type, detail, reason, occurred_at, recorded_by,"
                + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", n.id(), caseId, e.type(), e.detail(), e.reason(),
                instant(e.at()), e.by(), n.payload());
        if ("FRAMEWORK_CHANGED".equals(e.type())) {
            Jdbc.update(c, CaseSummaries.FRAMEWORK_CHANGE, n.id()); // cohorts (V26): the monitor's frameworks per month
        }
        CaseSummaries.touch(c, caseId); // cohorts (V26)
        if (n.outboundType() != null) {
            // The local-team outbox row, in this same transaction (see V5 and JdbcLocalTeamStore).
            JdbcLocalTeamStore.enqueue(c, caseId, n.id(), n.outboundType(), n.outboundMessage(), e.at());
        }
    }

    @Override
    public List<CaseEvent> events(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM case_event WHERE case_id = ? ORDER BY seq_no", rs -> new CaseEvent(
                rs.getString("event_type"), rs.getString("detail"), rs.getString("reason"), instant(rs, "occurred_at"),
                rs.getString("recorded_by")), caseId);
    }

    @Override
    public void insertEntry(Connection c, String caseId, Entry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_entry (id, case_id, entry_kind, body_text, source, author_id, author_name,"
                + " author_role, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), caseId, e.kind(), e.text(), e.source(), e.authorId(), e.authorName(), e.authorRole(),
                instant(e.recordedAt()));
        int order = 0;
        for (String personId : e.aboutPersonIds()) {
            Jdbc.update(c, "INSERT INTO case_entry_person (entry_id, person_id, seq_no) VALUES (?, ?, ?)",
                    e.id(), personId, order++);
        }
    }

    @Override
    public List<Entry> entries(Connection c, String caseId) throws SQLException {
        Map<String, List<String>> about = new HashMap<>();
        for (String[] row : Jdbc.list(c, "SELECT p.entry_id, p.person_id FROM case_entry_person p"
                + " JOIN case_entry e ON e.id = p.entry_id WHERE e.case_id = ? ORDER BY p.entry_id, p.seq_no",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, caseId)) {
            about.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        // restricted entries (V8, restricted_to set) are never in the case's ordinary list: only the
        // restricted-data service of core/audit shows them, to those named, and logs every attempt
        return Jdbc.list(c, "SELECT * FROM case_entry WHERE case_id = ? AND restricted_to IS NULL ORDER BY seq_no", rs -> new Entry(
                rs.getString("id"), enumValue(rs, "entry_kind", EntryKind.class), rs.getString("body_text"),
                rs.getString("source"), List.copyOf(about.getOrDefault(rs.getString("id"), List.of())),
                rs.getString("author_id"), rs.getString("author_name"),
                enumValue(rs, "author_role", ProfessionalRole.class), instant(rs, "recorded_at")), caseId);
    }

    @Override
    public void insertReview(Connection c, String caseId, Review r) throws SQLException {
        Jdbc.update(c, "INSERT INTO review (id, case_id, reviewer_id, reviewer_name, organisation, conclusion,"
                + " supports_court_request, plan_version_no, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), caseId, r.reviewerId(), r.reviewerName(), r.organisation(), r.conclusion(),
                r.supportsCourtRequest(), r.planVersion(), instant(r.recordedAt()), r.recordedBy());
    }

    @Override
    public List<Review> reviews(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM review WHERE case_id = ? ORDER BY seq_no", rs -> new Review(
                rs.getString("id"), rs.getString("reviewer_id"), rs.getString("reviewer_name"),
                rs.getString("organisation"), rs.getString("conclusion"), rs.getBoolean("supports_court_request"),
                rs.getInt("plan_version_no"), instant(rs, "recorded_at"), rs.getString("recorded_by")), caseId);
    }

    @Override
    public void insertConsent(Connection c, String caseId, Consent k) throws SQLException {
        Jdbc.update(c, "INSERT INTO consent (id, case_id, person_id, subject, reason, aim, consequence_of_refusal,"
                + " consent_given, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                k.id(), caseId, k.personId(), k.subject(), k.reason(), k.aim(), k.consequenceOfRefusal(), k.given(),
                instant(k.recordedAt()), k.recordedBy());
    }

    @Override
    public List<Consent> consents(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM consent WHERE case_id = ? ORDER BY seq_no", rs -> new Consent(
                rs.getString("id"), rs.getString("person_id"), rs.getString("subject"), rs.getString("reason"),
                rs.getString("aim"), rs.getString("consequence_of_refusal"), rs.getBoolean("consent_given"),
                instant(rs, "recorded_at"), rs.getString("recorded_by")), caseId);
    }

    @Override
    public void insertEvaluation(Connection c, String caseId, Evaluation e) throws SQLException {
        Jdbc.update(c, "INSERT INTO evaluation (id, case_id, plan_version_no, evaluated_on, summary, family_opinion,"
                + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), caseId, e.planVersion(), date(e.date()), e.summary(), e.familyOpinion(),
                instant(e.recordedAt()), e.recordedBy());
    }

    @Override
    public List<Evaluation> evaluations(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM evaluation WHERE case_id = ? ORDER BY seq_no", rs -> new Evaluation(
                rs.getString("id"), rs.getInt("plan_version_no"), date(rs, "evaluated_on"), rs.getString("summary"),
                rs.getString("family_opinion"), instant(rs, "recorded_at"), rs.getString("recorded_by")), caseId);
    }

    @Override
    public void insertCourtRequest(Connection c, String caseId, CourtRequest r) throws SQLException {
        Jdbc.update(c, "INSERT INTO court_request (id, case_id, measure_type, grounds, review_id, plan_version_no,"
                + " requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), caseId, r.measure(), r.grounds(), r.reviewId(), r.planVersion(), instant(r.requestedAt()),
                r.requestedBy());
        CaseSummaries.touch(c, caseId); // cohorts (V26)
    }

    @Override
    public List<CourtRequest> courtRequests(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM court_request WHERE case_id = ? ORDER BY seq_no", rs -> new CourtRequest(
                rs.getString("id"), enumValue(rs, "measure_type", MeasureType.class), rs.getString("grounds"),
                rs.getString("review_id"), rs.getInt("plan_version_no"), instant(rs, "requested_at"),
                rs.getString("requested_by")), caseId);
    }

    @Override
    public Page<CaseSummary> search(Connection c, CaseQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.municipality() != null) {
            where.append(" AND c.municipality = ?");
            params.add(q.municipality());
        }
        if (q.status() != null) {
            where.append(" AND c.status = ?");
            params.add(q.status().name());
        }
        if (q.phase() != null) {
            where.append(" AND c.phase = ?");
            params.add(q.phase().name());
        }
        if (q.name() != null) {
            String pattern = "%" + JdbcFamilyStore.likeEscape(JdbcFamilyStore.lower(q.name())) + "%";
            where.append(" AND EXISTS (SELECT 1 FROM case_member m JOIN person p ON p.id = m.person_id"
                    + " WHERE m.case_id = c.id AND (p.given_name_lc LIKE ? ESCAPE '\\' OR p.family_name_lc LIKE ? ESCAPE '\\'))");
            params.add(pattern);
            params.add(pattern);
        }
        // need to know in the query (the predicate the guard decides with, see NeedToKnowPredicate), so that
        // a list is one query however many cases the region holds: a join, whose parameters come first
        String from = " FROM family_case c";
        if (q.visibleTo() != null) {
            NeedToKnowPredicate.Fragment visible = NeedToKnowPredicate.visibleCasesJoin("c.id", "v", q.visibleTo(),
                    null);
            from += visible.sql();
            params.addAll(0, visible.params());
        }
        if (q.municipalities() != null && !q.municipalities().isEmpty()) {
            if (q.visibleTo() != null) {
                // the guard's scope: a professional actively assigned to a case of another municipality (a
                // team across municipalities) may open it, so their list shows it too
                NeedToKnowPredicate.Fragment scope = NeedToKnowPredicate.withinScope("c.id", "c.municipality",
                        q.visibleTo(), q.municipalities());
                where.append(" AND ").append(scope.sql());
                params.addAll(scope.params());
            } else {
                where.append(" AND LOWER(c.municipality) IN (").append(Jdbc.placeholders(q.municipalities().size()))
                        .append(')');
                q.municipalities().forEach(m -> params.add(m.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        // paging by key (decision 0036): with "after", the page continues after that case in the list's
        // order and is not counted; without it, the page is counted and found by number as before
        nl.proeftuin.core.store.cases.CaseKey after = q.after() == null ? null
                : nl.proeftuin.core.store.cases.CaseKey.decode(q.after())
                        .orElseThrow(() -> new IllegalArgumentException("not a page key: " + q.after()));
        long total = -1;
        List<Object> pageParams = new ArrayList<>(params);
        String pageSql;
        if (after == null) {
            total = Jdbc.one(c, "SELECT COUNT(*)" + from + where, rs -> rs.getLong(1), params.toArray())
                    .orElse(0L);
            pageParams.add(q.size());
            pageParams.add((long) q.page() * q.size());
            pageSql = where + " ORDER BY c.opened_at DESC, c.id LIMIT ? OFFSET ?";
        } else {
            pageParams.add(after.openedAt());
            pageParams.add(after.openedAt());
            pageParams.add(after.id());
            pageParams.add(q.size());
            pageSql = where + " AND c.opened_at <= ? AND (c.opened_at < ? OR c.id > ?)"
                    + " ORDER BY c.opened_at DESC, c.id LIMIT ?";
        }
        List<StoredCase> cases = Jdbc.list(c, "SELECT " + CASE_COLUMNS.replaceAll("(^|, )", "$1c.") + from + pageSql,
                JdbcCaseStore::storedCase, pageParams.toArray());
        if (cases.isEmpty()) {
            return new Page<>(List.of(), q.page(), q.size(), total);
        }
        StoredCase last = cases.get(cases.size() - 1);
        String next = cases.size() < q.size() || (after == null && (long) q.page() * q.size() + cases.size() >= total)
                ? null : new nl.proeftuin.core.store.cases.CaseKey(last.openedAt(), last.id()).encode();
        List<String> ids = cases.stream().map(StoredCase::id).toList();
        String in = Jdbc.placeholders(ids.size());
        Map<String, List<String>> names = new HashMap<>();
        for (String[] row : Jdbc.list(c, "SELECT m.case_id, p.given_name, p.family_name FROM case_member m"
                + " JOIN person p ON p.id = m.person_id WHERE m.case_id IN (" + in + ") ORDER BY m.case_id, m.seq_no",
                rs -> new String[] {rs.getString(1), rs.getString(2) + " " + rs.getString(3)}, ids.toArray())) {
            names.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        Map<String, Integer> active = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT case_id, COUNT(DISTINCT professional_id) FROM assignment"
                + " WHERE until_date IS NULL AND case_id IN (" + in + ") GROUP BY case_id",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)}, ids.toArray())) {
            active.put((String) row[0], (Integer) row[1]);
        }
        List<CaseSummary> items = new ArrayList<>();
        for (StoredCase k : cases) {
            items.add(new CaseSummary(k.id(), k.municipality(), k.status(), k.phase(), k.framework(),
                    List.copyOf(names.getOrDefault(k.id(), List.of())), active.getOrDefault(k.id(), 0), k.openedAt()));
        }
        return new Page<>(List.copyOf(items), q.page(), q.size(), total, next);
    }

    private static StoredCase storedCase(ResultSet rs) throws SQLException {
        MeasureType measureType = enumValue(rs, "measure_type", MeasureType.class);
        Measure measure = measureType == null ? null
                : new Measure(measureType, date(rs, "measure_since"), date(rs, "measure_until"));
        Signal signal = new Signal(enumValue(rs, "signal_kind", SignalKind.class),
                enumValue(rs, "signal_source", SignalSource.class), rs.getString("signal_description"),
                date(rs, "signal_received_on"));
        return new StoredCase(rs.getString("id"), rs.getLong("row_version"), rs.getString("municipality"),
                enumValue(rs, "status", CaseStatus.class), rs.getString("closed_reason"), signal,
                enumValue(rs, "phase", Phase.class), enumValue(rs, "framework", Framework.class), measure,
                instant(rs, "opened_at"), rs.getString("opened_by"));
    }
}
