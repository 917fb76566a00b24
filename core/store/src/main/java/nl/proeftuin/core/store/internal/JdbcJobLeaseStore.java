package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import nl.proeftuin.core.store.cluster.JobLeaseStore;
import nl.proeftuin.core.store.cluster.StoredJobLease;
import org.osgi.service.component.annotations.Component;

/** The leases of region-wide jobs in {@code job_lease}. */
@Component(service = JobLeaseStore.class)
public class JdbcJobLeaseStore implements JobLeaseStore {

    @Override
    public void addIfAbsent(Connection c, String job, Instant now) throws SQLException {
        if (Jdbc.one(c, "SELECT job_name FROM job_lease WHERE job_name = ?", rs -> rs.getString(1), job).isEmpty()) {
            Jdbc.update(c, "INSERT INTO job_lease (job_name, holder, due_at, expires_at, runs) VALUES (?, NULL, ?, ?, 0)",
                    job, now, now);
        }
    }

    @Override
    public boolean take(Connection c, String job, String node, Instant now, Instant takeOverBefore, Instant nextDue,
            Instant expires) throws SQLException {
        // Every SET expression sees the row as it was: taken_at moves only when the holder changes.
        // On PostgreSQL a second node's UPDATE waits for the first one's row lock and then re-checks the
        // WHERE on the new row, whose due_at has moved on: it changes nothing.
        return Jdbc.update(c, "UPDATE job_lease SET holder = ?, due_at = ?, expires_at = ?, last_run_at = ?, "
                + "runs = runs + 1, taken_at = CASE WHEN holder = ? THEN taken_at ELSE ? END "
                + "WHERE job_name = ? AND (((holder IS NULL OR holder = ?) AND due_at <= ?) OR (due_at <= ? AND expires_at <= ?))",
                node, nextDue, expires, now, node, now, job, node, now, takeOverBefore, now) == 1;
    }

    @Override
    public void release(Connection c, String job, String node, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE job_lease SET expires_at = ? WHERE job_name = ? AND holder = ? AND expires_at > ?",
                now, job, node, now);
    }

    @Override
    public List<StoredJobLease> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT job_name, holder, due_at, expires_at, taken_at, last_run_at, runs FROM job_lease "
                + "ORDER BY job_name", rs -> new StoredJobLease(rs.getString("job_name"), rs.getString("holder"),
                        Jdbc.instant(rs, "due_at"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "taken_at"),
                        Jdbc.instant(rs, "last_run_at"), rs.getLong("runs")));
    }
}
