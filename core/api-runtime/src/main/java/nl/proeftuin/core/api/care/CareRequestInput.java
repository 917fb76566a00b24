package nl.proeftuin.core.api.care;

import java.time.LocalDate;

/**
 * A request to allocate contracted care to a member of the case.
 *
 * @param personId        the client (a member of the case; required)
 * @param provider        the provider (AGB code for iJw; required)
 * @param productCategory the product category (required)
 * @param productCode     the product code, or null
 * @param start           the requested start date (required)
 * @param volume          the volume, or null
 * @param unit            the unit of the volume, or null
 * @param frequency       the frequency of the volume, or null
 * @param motivation      why this care (required)
 */
public record CareRequestInput(String personId, String provider, String productCategory, String productCode,
        LocalDate start, Integer volume, String unit, String frequency, String motivation) {
}
