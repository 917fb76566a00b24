package nl.proeftuin.core.api.municipal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request addressed to a municipality, with what deciding it needs and nothing more of the case.
 *
 * @param kind         {@code MAATWERK} (care by a provider without a contract) or {@code CARE} (contracted care)
 * @param id           the request's id
 * @param caseId       the case it was made in (its content is not the municipality's)
 * @param municipality the deciding municipality
 * @param personId     who the care is for
 * @param personName   their name
 * @param dateOfBirth  their date of birth
 * @param provider     the provider asked for
 * @param product      the product category of a care request, or null
 * @param motivation   why the professional asks for it
 * @param requestedAt  when asked
 * @param requestedBy  by whom (user id)
 * @param state        the request's own state ({@code SUBMITTED}, {@code GRANTED}, ... as the case shows it)
 * @param deadline     by when the decision is due (Awb), or null for a care request from before the inbox
 * @param overdue      undecided and past the deadline
 * @param decision     the municipality's decision, or null while undecided
 */
public record InboxItem(String kind, String id, String caseId, String municipality, String personId,
        String personName, LocalDate dateOfBirth, String provider, String product, String motivation,
        Instant requestedAt, String requestedBy, String state, LocalDate deadline, boolean overdue,
        MunicipalDecision decision) {
}
