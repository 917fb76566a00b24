package nl.proeftuin.core.api.localteam;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable outbox to the municipalities' local teams. Changes to a case (opened, team changed,
 * plan version, closed) put an event in the outbox in the same transaction as the change; a
 * delivery round hands due events to the local-team connector bound for the case's municipality,
 * retries with exponential back-off, and stops with an alert when the connector rejects an event.
 * Without a usable binding an event waits (status {@code WAITING}) and is delivered once one exists.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      unknown outbox entry
 * @throws nl.proeftuin.core.api.InvalidInputException  invalid status or limit
 * @throws nl.proeftuin.core.api.RuleViolationException {@code already-delivered} when retrying a delivered entry
 */
@ProviderType
public interface LocalTeamExchange {

    /** Outbox entries, newest first; {@code status} and {@code caseId} null for all. */
    List<OutboxEntry> outbox(String status, String caseId, int limit);

    /**
     * {@link #outbox}, of some municipalities' entries only, chosen before the limit.
     *
     * @param municipalities the municipalities; null for every municipality's
     * @since 1.1
     */
    List<OutboxEntry> outbox(String status, String caseId, java.util.Set<String> municipalities, int limit);

    /**
     * @return the entry, or empty for an unknown id (the caller checks its municipality before a retry)
     * @since 1.1
     */
    java.util.Optional<OutboxEntry> entry(String entryId);

    /** Puts a rejected or waiting entry back for delivery now, saying why. */
    OutboxEntry retry(Actor actor, String entryId, RetryInput input);

    /** Runs one delivery round now (the scheduler runs them too); returns the number of attempts made. */
    int deliverDue();
}
