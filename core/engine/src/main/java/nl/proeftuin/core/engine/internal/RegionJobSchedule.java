package nl.proeftuin.core.engine.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.store.cluster.RegionJobs;
import org.slf4j.Logger;

/**
 * A region-wide job run every {@code interval} on a daemon thread of its own, by the node that holds
 * its lease ({@link RegionJobs}: once per region; without leases, on this node); a failed run is logged
 * and the next one retries. Shut the returned scheduler down on deactivation.
 */
final class RegionJobSchedule {
    /** A run that takes longer than this loses its lease to another node. */
    static final Duration MAX_RUN = Duration.ofMinutes(10);

    private RegionJobSchedule() {
    }

    static ScheduledExecutorService every(Duration interval, RegionJobs jobs, String job, String thread, Runnable work,
            Logger log, String failure) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            if (jobs != null && !jobs.begin(job, interval, MAX_RUN)) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn(failure + "; the next one retries", e);
            } finally {
                if (jobs != null) {
                    jobs.end(job);
                }
            }
        }, 1, (jobs == null ? interval : RegionJobs.tick(interval)).toSeconds(), TimeUnit.SECONDS);
        return scheduler;
    }
}
