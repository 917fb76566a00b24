package nl.proeftuin.core.api.dto;

/**
 * One difference between two plan versions.
 *
 * @param section {@code goals}, {@code actions}, {@code agreements}, {@code conditions} or {@code familyView}
 * @param id      the item's id, or null for {@code familyView}
 * @param change  ADDED, REMOVED or CHANGED
 * @param before  the item before (null when added)
 * @param after   the item after (null when removed)
 */
public record PlanChange(String section, String id, String change, Object before, Object after) {
}
