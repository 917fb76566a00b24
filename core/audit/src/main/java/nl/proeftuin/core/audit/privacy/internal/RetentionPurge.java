package nl.proeftuin.core.audit.privacy.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.PurgeReport;
import nl.proeftuin.core.store.cluster.RegionJobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge on a schedule (one thread; a run that fails is logged and the next run
 * tries again), once per region per interval: every node ticks and the one that holds the lease runs
 * it ({@link RegionJobs}, decision 0027). Two runs at once would still be safe: the purge deletes in
 * one transaction, so each case is removed once, and a second run finds nothing left.
 */
@Component(immediate = true, service = RetentionPurge.class)
@Designate(ocd = RetentionPurgeConfig.class)
public class RetentionPurge {
    static final String ACTOR = "system:retention";
    /** The purge's name in {@code job_lease}. */
    static final String JOB = "retention-purge";
    /** The longest a run may take before another node may start one. */
    static final Duration MAX_RUN = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final PrivacyService privacy;
    private final ScheduledExecutorService scheduler;
    private final RegionJobs jobs;
    private final Duration interval;

    @Activate
    public RetentionPurge(RetentionPurgeConfig config, @Reference PrivacyService privacy, @Reference RegionJobs jobs) {
        this(config, privacy, jobs, config.enabled() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proeftuin-retention-purge");
            t.setDaemon(true);
            return t;
        }) : null);
    }

    /** For tests (this package is not exported): the schedule on a given executor (null when disabled). */
    RetentionPurge(RetentionPurgeConfig config, PrivacyService privacy, RegionJobs jobs, ScheduledExecutorService scheduler) {
        this.privacy = privacy;
        this.jobs = jobs;
        this.interval = Duration.ofHours(Math.max(1, config.intervalHours()));
        if (config.intervalHours() < 1) {
            throw new IllegalArgumentException("intervalHours must be at least 1");
        }
        this.scheduler = scheduler;
        if (scheduler != null) {
            // every node asks once a minute, from a minute after its start, and the run happens once per
            // region per interval, when the lease says it is due: a region whose nodes restart more often than
            // once an interval purged never, when each start waited a whole interval before it first asked
            long tick = RegionJobs.tick(interval).toSeconds();
            scheduler.scheduleWithFixedDelay(this::runQuietly, tick, tick, TimeUnit.SECONDS);
        }
    }

    /** One run, for the schedule and the shell command. */
    PurgeReport run(boolean dryRun, String actor) {
        return privacy.purge(actor, dryRun);
    }

    private void runQuietly() {
        if (!jobs.begin(JOB, interval, MAX_RUN)) {
            return;
        }
        try {
            PurgeReport report = run(false, ACTOR);
            LOG.info("Retention purge: {} case(s), {} person(s) removed; {} held", report.casesPurged().size(),
                    report.personsPurged().size(), report.held().size());
        } catch (RuntimeException e) {
            LOG.error("Retention purge failed; it runs again at the next interval", e);
        } finally {
            jobs.end(JOB);
        }
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
