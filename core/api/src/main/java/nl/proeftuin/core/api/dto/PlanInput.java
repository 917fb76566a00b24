package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * The content of a new plan version (<i>gezinsplan</i>): the whole plan, not a patch.
 *
 * @param goals       goals per person and life domain
 * @param actions     help and actions: who does what
 * @param agreements  safety agreements
 * @param conditions  conditions, each with its consequence
 * @param familyView  the family's own view, in their own words
 * @param note        what changed and why (for the version history)
 */
public record PlanInput(List<Goal> goals, List<Action> actions, List<SafetyAgreement> agreements,
        List<Condition> conditions, String familyView, String note) {
}
