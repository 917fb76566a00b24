package nl.proeftuin.core.store.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A care request and its allocation.
 *
 * @param id              identifier
 * @param caseId          the case
 * @param personId        the client
 * @param municipality    the municipality
 * @param provider        the provider
 * @param productCategory the product category
 * @param productCode     the product code, or null
 * @param start           the requested start
 * @param volume          the volume, or null
 * @param unit            the unit, or null
 * @param frequency       the frequency, or null
 * @param motivation      why
 * @param state           SUBMITTED, ALLOCATED, REJECTED, UNSUPPORTED, FALLBACK
 * @param detail          the connector's explanation
 * @param pluginId        the connector
 * @param messageRef      the message reference, or null
 * @param at              when requested
 * @param by              by whom
 * @param allocation      the allocation as canonical JSON, or null
 * @param allocatedAt     when the allocation arrived, or null
 * @param allocatedBy     which connector handed it over, or null
 */
public record StoredCareRequest(String id, String caseId, String personId, String municipality, String provider,
        String productCategory, String productCode, LocalDate start, Integer volume, String unit, String frequency,
        String motivation, String state, String detail, String pluginId, String messageRef, Instant at, String by,
        String allocation, Instant allocatedAt, String allocatedBy) {
}
