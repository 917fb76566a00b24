package nl.proeftuin.core.api.dto;

/**
 * An independent review (<i>toetsing en tegenspraak</i>) by someone not involved with the family.
 *
 * @param reviewerId   the reviewer's id: must never have been assigned to the case
 * @param reviewerName name
 * @param organisation organisation (for example another RVT)
 * @param conclusion   the review's conclusion (required)
 * @param supportsCourtRequest whether the reviewer supports a request to the court
 */
public record ReviewInput(String reviewerId, String reviewerName, String organisation, String conclusion,
        boolean supportsCourtRequest) {
}
