package nl.proeftuin.core.store.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The owner of {@code job_lease} (V18). */
@ProviderType
public interface JobLeaseStore {

    /**
     * Adds the job's row, free and due since {@code dueSince}, unless it is there (another node may add it
     * at the same moment: the caller's transaction then fails on the primary key, which is not an error).
     *
     * @param c        the caller's connection, in a transaction of its own
     * @param job      the job's name
     * @param dueSince when the first run was due
     */
    void addIfAbsent(Connection c, String job, Instant dueSince) throws SQLException;

    /**
     * Takes a run of the job, in one conditional UPDATE: the holder (any node while there is none) when
     * it is due ({@code due_at <= now}); another node when it has been due since {@code takeOverBefore} (the
     * holder missed its turn) and no run may still be going on ({@code expires_at <= now}).
     *
     * @param node           this node
     * @param now            now
     * @param takeOverBefore now minus the holder's grace
     * @param nextDue        when the run after this one is due
     * @param expires        until when this run may take
     * @return whether this node runs it now
     */
    boolean take(Connection c, String job, String node, Instant now, Instant takeOverBefore, Instant nextDue,
            Instant expires) throws SQLException;

    /** Ends this node's run: the lease expires at {@code now} (nothing when another node holds it). */
    void release(Connection c, String job, String node, Instant now) throws SQLException;

    /** Every job's row, by name. */
    List<StoredJobLease> all(Connection c) throws SQLException;
}
