package nl.proeftuin.core.api.localteam;

import java.time.Instant;

/**
 * An event for a municipality's local team and where its delivery stands.
 *
 * @param id             identifier
 * @param idempotencyKey the key every attempt carries
 * @param type           {@code CASE_OPENED}, {@code TEAM_CHANGED}, {@code PLAN_VERSION}, {@code CASE_CLOSED}
 * @param caseId         the case
 * @param municipality   the municipality
 * @param occurredAt     when the change happened
 * @param status         {@code PENDING} (due or waiting for a retry), {@code WAITING} (no usable
 *                       connector bound), {@code DELIVERED}, {@code REJECTED}
 * @param attempts       delivery attempts so far
 * @param nextAttemptAt  when the next attempt is due, or null when none is
 * @param lastDetail     the last attempt's outcome in words, or null
 * @param pluginId       the connector of the last attempt, or null
 * @param remoteRef      the receiving system's reference, or null
 * @param deliveredAt    when it was delivered, or null
 */
public record OutboxEntry(String id, String idempotencyKey, String type, String caseId, String municipality,
        Instant occurredAt, String status, int attempts, Instant nextAttemptAt, String lastDetail, String pluginId,
        String remoteRef, Instant deliveredAt) {
}
