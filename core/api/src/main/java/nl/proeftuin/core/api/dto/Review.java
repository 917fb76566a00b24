package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * A recorded independent review.
 *
 * @param id                   identifier
 * @param reviewerId           reviewer id
 * @param reviewerName         name
 * @param organisation         organisation
 * @param conclusion           conclusion
 * @param supportsCourtRequest whether it supports a court request
 * @param planVersion          the plan version that was reviewed (the latest at the time)
 * @param recordedAt           when
 * @param recordedBy           who recorded it
 */
public record Review(String id, String reviewerId, String reviewerName, String organisation, String conclusion,
        boolean supportsCourtRequest, int planVersion, Instant recordedAt, String recordedBy) {
}
