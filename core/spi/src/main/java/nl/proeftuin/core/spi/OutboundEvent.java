package nl.proeftuin.core.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A change the municipality's local-team system must learn about.
 *
 * @param idempotencyKey unique per event; the same event is always delivered with the same key
 * @param type           {@code CASE_OPENED}, {@code TEAM_CHANGED}, {@code PLAN_VERSION}, {@code APPOINTMENT}, ...
 * @param caseId         the case
 * @param municipality   the municipality
 * @param occurredAt     when it happened
 * @param payload        the event's content (JSON-compatible values)
 */
public record OutboundEvent(String idempotencyKey, String type, String caseId, String municipality,
        Instant occurredAt, Map<String, Object> payload) {
}
