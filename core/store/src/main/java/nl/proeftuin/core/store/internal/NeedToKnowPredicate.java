package nl.proeftuin.core.store.internal;

import java.time.Instant;
import java.util.List;

/**
 * The need-to-know predicate, written in one place: the guard's single-case decisions
 * ({@link JdbcVisibilityStore}: {@link #onTeam}, {@link #breakGlass}) and the case search
 * ({@link JdbcCaseStore#search}: {@link #visibleCasesJoin}, the same grounds as a set of ids) use it, so
 * the list a professional sees and the cases they may open cannot drift apart.
 */
final class NeedToKnowPredicate {

    /** A piece of a query (a condition, or a join) and its parameters, in order. */
    record Fragment(String sql, List<Object> params) {
    }

    private NeedToKnowPredicate() {
    }

    /**
     * The user is on the case's team: actively assigned to it, or its opener while no one is assigned
     * (the one who opened a case forms its team).
     *
     * @param caseId   the SQL expression of the case's id (e.g. {@code c.id})
     * @param openedBy the SQL expression of the case's opener (e.g. {@code c.opened_by})
     */
    static Fragment onTeam(String caseId, String openedBy, String userId) {
        return new Fragment("(EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = " + caseId
                + " AND a.professional_id = ? AND a.until_date IS NULL)"
                + " OR (" + openedBy + " = ? AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = " + caseId
                + " AND a.until_date IS NULL)))", List.of(userId, userId));
    }

    /**
     * The user holds a break-glass grant on the case that has not expired.
     *
     * @param now the moment to compare with; null for the database's clock
     */
    static Fragment breakGlass(String caseId, String userId, Instant now) {
        return new Fragment("EXISTS (SELECT 1 FROM break_glass g WHERE g.case_id = " + caseId + " AND g.user_id = ?"
                + " AND g.expires_at > " + (now == null ? "CURRENT_TIMESTAMP" : "?") + ")",
                now == null ? List.of(userId) : List.of(userId, now));
    }

    /**
     * The guard's municipality scope for a case: within the user's municipalities (compared without case),
     * or elsewhere actively assigned to it (a team across municipalities).
     *
     * @param caseId         the SQL expression of the case's id (e.g. {@code o.case_id})
     * @param municipality   the SQL expression of the case's municipality (e.g. {@code k.municipality})
     * @param municipalities the user's municipalities, at least one
     */
    static Fragment withinScope(String caseId, String municipality, String userId,
            java.util.Collection<String> municipalities) {
        List<Object> params = new java.util.ArrayList<>();
        municipalities.forEach(m -> params.add(m.toLowerCase(java.util.Locale.ROOT)));
        params.add(userId);
        return new Fragment("(LOWER(" + municipality + ") IN (" + Jdbc.placeholders(municipalities.size()) + ")"
                + " OR EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = " + caseId + " AND a.professional_id = ?"
                + " AND a.until_date IS NULL))", List.copyOf(params));
    }

    /**
     * Need to know for a list, as a join with the set of case ids the user may see: the same three grounds
     * as the guard (actively assigned; opener of a case without an active assignment; an unexpired
     * break-glass grant), each found from the user's side through its index, so that a list costs what the
     * user's own cases cost, not what the region holds (decision 0036). The guard's {@link #onTeam} and
     * {@link #breakGlass} test one case at a time, which a list would do for every case it walks past.
     *
     * <p>A join, not {@code caseId IN (... UNION ...)}: H2 ran such a subquery again for every row the
     * list walked past, so a professional who had opened 2,000 cases waited 4 s for their list on the
     * embedded database, and 9,000 cases took minutes (decision 0049). On PostgreSQL the join is still
     * found from the user's side ({@code ScalePlansTest}).
     *
     * @param caseId the SQL expression of the case's id to join on (e.g. {@code c.id})
     * @param alias  the name of the joined set, whose one column is {@code case_id}
     * @param now    the moment to compare grants with; null for the database's clock
     * @return {@code JOIN (...) <alias> ON <alias>.case_id = caseId}, to follow the FROM clause's table
     */
    static Fragment visibleCasesJoin(String caseId, String alias, String userId, Instant now) {
        List<Object> params = new java.util.ArrayList<>(List.of(userId, userId, userId));
        if (now != null) {
            params.add(now);
        }
        return new Fragment(" JOIN (SELECT a.case_id AS case_id FROM assignment a WHERE a.professional_id = ?"
                + " AND a.until_date IS NULL"
                + " UNION SELECT k.id FROM family_case k WHERE k.opened_by = ? AND NOT EXISTS (SELECT 1 FROM assignment t"
                + " WHERE t.case_id = k.id AND t.until_date IS NULL)"
                + " UNION SELECT g.case_id FROM break_glass g WHERE g.user_id = ? AND g.expires_at > "
                + (now == null ? "CURRENT_TIMESTAMP" : "?") + ") " + alias + " ON " + alias + ".case_id = " + caseId,
                List.copyOf(params));
    }
}
