package nl.proeftuin.core.store.internal;

import java.time.Instant;
import java.util.List;

/**
 * The need-to-know predicate, written once: the guard's single-case decisions
 * ({@link JdbcVisibilityStore}) and the case search ({@link JdbcCaseStore#search}) both use it, so
 * the list a professional sees and the cases they may open cannot drift apart.
 */
final class NeedToKnowPredicate {

    /** A piece of a WHERE clause and its parameters, in order. */
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

    /** Need to know for a list: on the team or holding a break-glass grant. */
    static Fragment visible(String caseId, String openedBy, String userId, Instant now) {
        Fragment team = onTeam(caseId, openedBy, userId);
        Fragment glass = breakGlass(caseId, userId, now);
        List<Object> params = new java.util.ArrayList<>(team.params());
        params.addAll(glass.params());
        return new Fragment("(" + team.sql() + " OR " + glass.sql() + ")", List.copyOf(params));
    }
}
