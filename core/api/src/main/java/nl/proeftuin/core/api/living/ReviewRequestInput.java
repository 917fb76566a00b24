package nl.proeftuin.core.api.living;

/**
 * Asks a named independent reviewer for a review of the case's latest plan.
 *
 * @param reviewerId the reviewer's user id (required; never assigned to the case)
 * @param question   what the reviewer is asked to weigh (required)
 */
public record ReviewRequestInput(String reviewerId, String question) {
}
