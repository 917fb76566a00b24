package nl.proeftuin.core.api.care;

import java.time.Instant;
import java.time.LocalDate;

import nl.proeftuin.core.spi.CareAllocation;

/**
 * A care request and its allocation.
 *
 * @param id              identifier (also the message reference)
 * @param caseId          the case
 * @param personId        the client
 * @param municipality    the municipality
 * @param provider        the provider
 * @param productCategory the product category
 * @param productCode     the product code, or null
 * @param start           the requested start
 * @param state           {@code SUBMITTED}, {@code ALLOCATED}, {@code REJECTED}, {@code UNSUPPORTED},
 *                        {@code FALLBACK} (no usable connector)
 * @param detail          the connector's explanation
 * @param pluginId        the connector it went through
 * @param allocation      the allocation received, or null
 * @param at              when requested
 * @param by              by whom
 */
public record CareRequestView(String id, String caseId, String personId, String municipality, String provider,
        String productCategory, String productCode, LocalDate start, String state, String detail, String pluginId,
        CareAllocation allocation, Instant at, String by) {
}
