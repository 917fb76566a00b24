package nl.proeftuin.core.store.localteam;

import java.time.Instant;

/**
 * A row of the local-team outbox.
 *
 * @param id             identifier
 * @param idempotencyKey the key every delivery attempt carries
 * @param type           the outbound event type
 * @param caseId         the case
 * @param municipality   the case's municipality
 * @param occurredAt     when the change happened
 * @param payload        the event's content, canonical JSON
 * @param status         PENDING, WAITING, DELIVERED, REJECTED
 * @param attempts       attempts made
 * @param nextAttemptAt  when the next attempt is due (or the claim's lease ends), or null
 * @param lastDetail     the last attempt's outcome, or null
 * @param pluginId       the connector of the last attempt, or null
 * @param remoteRef      the receiving system's reference, or null
 * @param deliveredAt    when delivered, or null
 * @param alerted        whether an alert was raised for it
 */
public record StoredOutbound(String id, String idempotencyKey, String type, String caseId, String municipality,
        Instant occurredAt, String payload, String status, int attempts, Instant nextAttemptAt, String lastDetail,
        String pluginId, String remoteRef, Instant deliveredAt, boolean alerted) {
}
