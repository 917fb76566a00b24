package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * A recorded court request.
 *
 * @param id          identifier
 * @param measure     measure asked for
 * @param grounds     grounds
 * @param reviewId    the independent review it rests on
 * @param planVersion the plan version at the time
 * @param requestedAt when
 * @param requestedBy by whom
 */
public record CourtRequest(String id, MeasureType measure, String grounds, String reviewId, int planVersion,
        Instant requestedAt, String requestedBy) {
}
