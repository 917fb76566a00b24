package nl.proeftuin.core.api.living;

import java.time.Instant;

/**
 * An independent review asked of a named reviewer. Open until that reviewer records a review of the
 * case with their own login; then {@code reviewId} names it.
 *
 * @param id          identifier
 * @param caseId      the case
 * @param reviewerId  the reviewer's user id (never assigned to the case)
 * @param question    what the team asks the reviewer to weigh
 * @param planVersion the plan version at the time of asking
 * @param requestedAt when
 * @param requestedBy by whom (a professional of the case)
 * @param reviewId    the review that answered it, or null while open
 */
public record ReviewRequest(String id, String caseId, String reviewerId, String question, int planVersion,
        Instant requestedAt, String requestedBy, String reviewId) {

    /** @return whether the reviewer has not answered yet */
    public boolean open() {
        return reviewId == null;
    }
}
