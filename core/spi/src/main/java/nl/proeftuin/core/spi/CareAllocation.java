package nl.proeftuin.core.spi;

import java.time.LocalDate;

/**
 * Care allocated in answer to a {@link CareRequest} (in iJw terms a <i>toewijzing</i>, JW301).
 *
 * @param requestId        the request it answers
 * @param allocationRef    the allocating system's reference (iJw: <i>toewijzingnummer</i>)
 * @param provider         the provider
 * @param productCategory  the product category
 * @param productCode      the product code, or null
 * @param start            the start date
 * @param end              the end date, or null for open-ended
 * @param volume           the allocated volume, or null
 * @param unit             the unit of the volume, or null
 * @param frequency        the frequency of the volume, or null
 */
public record CareAllocation(String requestId, String allocationRef, String provider, String productCategory,
        String productCode, LocalDate start, LocalDate end, Integer volume, String unit, String frequency) {
}
