package nl.proeftuin.core.store.municipal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request addressed to a municipality, with what deciding it needs and no more.
 *
 * @param kind           {@code MAATWERK} or {@code CARE}
 * @param id             the request's id
 * @param caseId         the case
 * @param municipality   the deciding municipality
 * @param personId       who the care is for
 * @param givenName      their given name
 * @param familyName     their family name
 * @param dateOfBirth    their date of birth
 * @param provider       the provider asked for
 * @param product        the product category (and code) of a care request, or null
 * @param motivation     why
 * @param requestedAt    when requested
 * @param requestedBy    by whom (user id)
 * @param state          the request's own state (maatwerk: SUBMITTED, GRANTED, REFUSED, PARTLY; care:
 *                       SUBMITTED, ALLOCATED, REJECTED, UNSUPPORTED, FALLBACK)
 * @param deadline       by when a decision is due, or null (a care request from before V23)
 * @param decision       the municipality's decision in the platform, or null
 */
public record InboxRow(String kind, String id, String caseId, String municipality, String personId, String givenName,
        String familyName, LocalDate dateOfBirth, String provider, String product, String motivation,
        Instant requestedAt, String requestedBy, String state, LocalDate deadline, StoredDecision decision) {
}
