package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import nl.proeftuin.core.store.visibility.VisibilityStore;
import org.osgi.service.component.annotations.Component;

/** Need-to-know facts from the case tables and {@code break_glass}; the predicate is {@link NeedToKnowPredicate}. */
@Component(service = VisibilityStore.class)
public class JdbcVisibilityStore implements VisibilityStore {

    @Override
    public Optional<CaseOwner> caseOwner(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT municipality, opened_by FROM family_case WHERE id = ?",
                rs -> new CaseOwner(rs.getString(1), rs.getString(2)), caseId);
    }

    @Override
    public Optional<CaseFacts> caseFacts(Connection c, String caseId, String userId) throws SQLException {
        // perf (issue 13): one statement instead of two (caseOwner, then onTeam or assigned); the team is the
        // same predicate as onTeam's
        NeedToKnowPredicate.Fragment team = NeedToKnowPredicate.onTeam("k.id", "k.opened_by", userId);
        List<Object> params = new ArrayList<>(team.params());
        params.add(userId);
        params.add(caseId);
        return Jdbc.one(c, "SELECT k.municipality, k.opened_by, CASE WHEN " + team.sql() + " THEN TRUE ELSE FALSE END,"
                + " CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = k.id AND a.professional_id = ?"
                + " AND a.until_date IS NULL) THEN TRUE ELSE FALSE END FROM family_case k WHERE k.id = ?",
                rs -> new CaseFacts(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)),
                params.toArray());
    }

    @Override
    public boolean onTeam(Connection c, String caseId, String userId) throws SQLException {
        NeedToKnowPredicate.Fragment team = NeedToKnowPredicate.onTeam("k.id", "k.opened_by", userId);
        List<Object> params = new ArrayList<>(List.of(caseId));
        params.addAll(team.params());
        return Jdbc.one(c, "SELECT 1 FROM family_case k WHERE k.id = ? AND " + team.sql(), rs -> Boolean.TRUE,
                params.toArray()).isPresent();
    }

    @Override
    public boolean assigned(Connection c, String caseId, String userId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM assignment a WHERE a.case_id = ? AND a.professional_id = ? AND a.until_date IS NULL",
                rs -> Boolean.TRUE, caseId, userId).isPresent();
    }

    @Override
    public boolean breakGlass(Connection c, String caseId, String userId, Instant now) throws SQLException {
        NeedToKnowPredicate.Fragment glass = NeedToKnowPredicate.breakGlass("k.id", userId, now);
        List<Object> params = new ArrayList<>(List.of(caseId));
        params.addAll(glass.params());
        return Jdbc.one(c, "SELECT 1 FROM family_case k WHERE k.id = ? AND " + glass.sql(), rs -> Boolean.TRUE,
                params.toArray()).isPresent();
    }

    @Override
    public boolean onTeamOfACaseOf(Connection c, String personId, String userId, Set<String> municipalities)
            throws SQLException {
        if (municipalities != null && municipalities.isEmpty()) {
            return false; // no municipalities: no case is within scope
        }
        NeedToKnowPredicate.Fragment team = NeedToKnowPredicate.onTeam("m.case_id", "k.opened_by", userId);
        List<Object> params = new ArrayList<>(List.of(personId));
        params.addAll(team.params());
        StringBuilder scope = new StringBuilder();
        if (municipalities != null) {
            scope.append(" AND LOWER(k.municipality) IN (").append(Jdbc.placeholders(municipalities.size())).append(')');
            municipalities.forEach(m -> params.add(m.toLowerCase(Locale.ROOT)));
        }
        return Jdbc.one(c, "SELECT 1 FROM case_member m JOIN family_case k ON k.id = m.case_id WHERE m.person_id = ?"
                + " AND " + team.sql() + scope + " LIMIT 1", rs -> Boolean.TRUE, params.toArray()).isPresent();
    }

    @Override
    public Optional<String> personCreatedBy(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT created_by FROM person WHERE id = ?", rs -> rs.getString(1), personId);
    }

    @Override
    public boolean personExists(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM person WHERE id = ?", rs -> Boolean.TRUE, personId).isPresent();
    }

    @Override
    public List<String> casesOf(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT case_id FROM case_member WHERE person_id = ?", rs -> rs.getString(1), personId);
    }

    @Override
    public List<String> municipalitiesOf(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT DISTINCT k.municipality FROM case_member m JOIN family_case k ON k.id = m.case_id"
                + " WHERE m.person_id = ?", rs -> rs.getString(1), personId);
    }

    @Override
    public Optional<HouseholdOwner> householdOwner(Connection c, String householdId) throws SQLException {
        return Jdbc.one(c, "SELECT municipality, created_by FROM household WHERE id = ?",
                rs -> new HouseholdOwner(rs.getString(1), rs.getString(2)), householdId);
    }

    @Override
    public List<String> householdMembers(Connection c, String householdId) throws SQLException {
        return Jdbc.list(c, "SELECT DISTINCT person_id FROM household_membership WHERE household_id = ?",
                rs -> rs.getString(1), householdId);
    }

    @Override
    public boolean openReviewRequest(Connection c, String caseId, String userId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM review_request q JOIN family_case k ON k.id = q.case_id"
                + " WHERE q.case_id = ? AND q.reviewer_id = ? AND k.status <> 'CLOSED'"
                + " AND NOT EXISTS (" + JdbcLivingStore.ANSWER + ")", rs -> Boolean.TRUE, caseId, userId).isPresent();
    }

    @Override
    public boolean pendingAssessment(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM triage_outcome o JOIN family_case k ON k.id = o.case_id"
                + " WHERE o.case_id = ? AND o.pending AND k.status <> 'CLOSED'"
                + " AND o.seq_no = (SELECT MAX(l.seq_no) FROM triage_outcome l WHERE l.case_id = o.case_id)",
                rs -> Boolean.TRUE, caseId).isPresent();
    }
}
