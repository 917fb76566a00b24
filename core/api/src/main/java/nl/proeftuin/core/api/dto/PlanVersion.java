package nl.proeftuin.core.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a case's plan.
 *
 * @param caseId     the case
 * @param version    1, 2, 3, ...
 * @param goals      goals
 * @param actions    actions
 * @param agreements safety agreements
 * @param conditions conditions
 * @param familyView the family's own view
 * @param note       what changed
 * @param createdAt  when this version was saved
 * @param createdBy  by whom
 */
public record PlanVersion(String caseId, int version, List<Goal> goals, List<Action> actions,
        List<SafetyAgreement> agreements, List<Condition> conditions, String familyView, String note,
        Instant createdAt, String createdBy) {
}
