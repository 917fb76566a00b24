package nl.proeftuin.core.audit.privacy.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.PurgeReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge on a schedule (one thread; a run that fails is logged and the next run
 * tries again). Several nodes may each run it: the purge deletes in one transaction, so two runs at
 * once remove each case once, and a second run finds nothing left.
 */
@Component(immediate = true, service = RetentionPurge.class)
@Designate(ocd = RetentionPurgeConfig.class)
public class RetentionPurge {
    static final String ACTOR = "system:retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final PrivacyService privacy;
    private final ScheduledExecutorService scheduler;

    @Activate
    public RetentionPurge(RetentionPurgeConfig config, @Reference PrivacyService privacy) {
        this.privacy = privacy;
        if (config.intervalHours() < 1) {
            throw new IllegalArgumentException("intervalHours must be at least 1");
        }
        if (config.enabled()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "proeftuin-retention-purge");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::runQuietly, config.intervalHours(), config.intervalHours(), TimeUnit.HOURS);
        } else {
            scheduler = null;
        }
    }

    /** One run, for the schedule and the shell command. */
    PurgeReport run(boolean dryRun, String actor) {
        return privacy.purge(actor, dryRun);
    }

    private void runQuietly() {
        try {
            PurgeReport report = run(false, ACTOR);
            LOG.info("Retention purge: {} case(s), {} person(s) removed; {} held", report.casesPurged().size(),
                    report.personsPurged().size(), report.held().size());
        } catch (RuntimeException e) {
            LOG.error("Retention purge failed; it runs again at the next interval", e);
        }
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
