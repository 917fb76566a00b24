package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * What changed from one plan version to another.
 *
 * @param caseId  the case
 * @param from    the older version
 * @param to      the newer version
 * @param changes the differences, by section and item id
 */
public record PlanDiff(String caseId, int from, int to, List<PlanChange> changes) {
}
