package nl.proeftuin.core.spi;

import java.time.LocalDate;

/**
 * A request to allocate contracted care to a client (in iJw terms a <i>verzoek om toewijzing</i>).
 * The client's citizen service number is included because the iJw standard requires it; a connector
 * must not store or log it.
 *
 * @param requestId        the core's id for the request (idempotency; also the message reference)
 * @param caseId           the case
 * @param municipality     the municipality that allocates
 * @param clientNationalId the client's BSN, or null when unknown (an iJw connector then refuses)
 * @param clientBirthDate  the client's date of birth
 * @param clientFamilyName the client's family name
 * @param provider         the provider (AGB code for iJw)
 * @param productCategory  the product category (iJw: two digits, for example {@code 45})
 * @param productCode      the product code (iJw: five characters), or null for a category only
 * @param start            the requested start date
 * @param volume           the requested volume, or null for unspecified
 * @param unit             the unit of the volume (iJw codes, for example {@code 04} hours), or null
 * @param frequency        the frequency of the volume (iJw codes, for example {@code 2} per week), or null
 * @param motivation       why this care
 */
public record CareRequest(String requestId, String caseId, String municipality, String clientNationalId,
        LocalDate clientBirthDate, String clientFamilyName, String provider, String productCategory,
        String productCode, LocalDate start, Integer volume, String unit, String frequency, String motivation) {
}
