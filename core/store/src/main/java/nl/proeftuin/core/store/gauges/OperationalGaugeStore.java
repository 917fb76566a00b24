package nl.proeftuin.core.store.gauges;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/** The counts behind the node's operational gauges: cheap aggregate queries over indexed columns. */
@ProviderType
public interface OperationalGaugeStore {

    /**
     * The local-team outbox's undelivered events.
     *
     * @param pending        events waiting for (another) delivery attempt
     * @param waiting        events parked because no usable connector is bound for their municipality
     * @param oldestOccurred when the oldest undelivered event (pending or waiting) occurred; null when none
     */
    record OutboxBacklog(long pending, long waiting, Instant oldestOccurred) {
    }

    /**
     * @param c a connection
     * @return the outbox backlog now
     * @throws SQLException when the database fails
     */
    OutboxBacklog outboxBacklog(Connection c) throws SQLException;

    /**
     * @param c     a connection
     * @param today the date the deadline is compared with (a deadline before it has passed)
     * @return the maatwerk requests still undecided after their deadline
     * @throws SQLException when the database fails
     */
    long maatwerkPastDeadline(Connection c, LocalDate today) throws SQLException;
}
