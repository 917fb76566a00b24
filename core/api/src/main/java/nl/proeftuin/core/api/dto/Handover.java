package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * A recorded handover.
 *
 * @param id             identifier
 * @param position       what was handed over
 * @param fromAssignment the previous holder's assignment, or null when there was none
 * @param toAssignment   the new holder's assignment
 * @param note           the handover note
 * @param at             when
 * @param by             who recorded it
 */
public record Handover(String id, TeamPosition position, String fromAssignment, String toAssignment, String note,
        Instant at, String by) {
}
