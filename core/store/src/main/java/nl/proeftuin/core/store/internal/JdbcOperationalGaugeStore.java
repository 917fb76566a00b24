package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import nl.proeftuin.core.store.gauges.OperationalGaugeStore;
import org.osgi.service.component.annotations.Component;

/**
 * The gauges' counts: one aggregate over {@code local_team_outbox (status, ...)} and one over
 * {@code maatwerk_request (state, deadline)}, both served by the tables' status indexes (V5).
 */
@Component(service = OperationalGaugeStore.class)
public class JdbcOperationalGaugeStore implements OperationalGaugeStore {

    private record StatusCount(String status, long count, Instant oldest) {
    }

    @Override
    public OutboxBacklog outboxBacklog(Connection c) throws SQLException {
        long pending = 0;
        long waiting = 0;
        Instant oldest = null;
        for (StatusCount s : Jdbc.list(c, "SELECT status, COUNT(*) AS n, MIN(occurred_at) AS oldest"
                + " FROM local_team_outbox WHERE status IN ('PENDING', 'WAITING') GROUP BY status",
                rs -> new StatusCount(rs.getString("status"), rs.getLong("n"), Jdbc.instant(rs, "oldest")))) {
            if ("PENDING".equals(s.status())) {
                pending = s.count();
            } else {
                waiting = s.count();
            }
            if (s.oldest() != null && (oldest == null || s.oldest().isBefore(oldest))) {
                oldest = s.oldest();
            }
        }
        return new OutboxBacklog(pending, waiting, oldest);
    }

    @Override
    public long maatwerkPastDeadline(Connection c, LocalDate today) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM maatwerk_request WHERE state = 'SUBMITTED' AND deadline < ?",
                rs -> rs.getLong(1), Jdbc.date(today)).orElse(0L);
    }
}
