package nl.proeftuin.core.store.cluster;

import java.time.Instant;

/**
 * A row of {@code job_lease}.
 *
 * @param job       the job's name
 * @param holder    the node that ran it last (null: never run)
 * @param dueAt     when the next run is due
 * @param expiresAt until when the holder's run may still be going on
 * @param takenAt   when the holder took the job over from another node (or first ran it)
 * @param lastRunAt when the last run started
 * @param runs      the runs of the whole region
 */
public record StoredJobLease(String job, String holder, Instant dueAt, Instant expiresAt, Instant takenAt,
        Instant lastRunAt, long runs) {
}
