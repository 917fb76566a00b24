package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * A line in a plan's version list.
 *
 * @param version   the number
 * @param note      what changed
 * @param createdAt when
 * @param createdBy by whom
 */
public record PlanVersionSummary(int version, String note, Instant createdAt, String createdBy) {
}
