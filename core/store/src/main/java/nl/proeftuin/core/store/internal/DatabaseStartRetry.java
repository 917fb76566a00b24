package nl.proeftuin.core.store.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the database component again when its start failed because the database could not be reached
 * (decision 0027). Declarative Services tries a component's activation once: a node started while
 * PostgreSQL was away (a rolling restart during a database failover) stayed not ready until someone
 * restarted it. Every {@value #EVERY_SECONDS} s this looks at {@link JdbcDatabase}'s state; when its
 * activation failed for any reason but a failed schema migration, it disables the component and, on the
 * next look, enables it again, so the component runtime activates it afresh. A failed migration is never
 * retried: the node stays not ready and says which migration (decision 0025). A component an operator
 * disabled is left alone.
 */
@Component(immediate = true)
public final class DatabaseStartRetry {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartRetry.class);
    static final int EVERY_SECONDS = 5;

    private final ServiceComponentRuntime scr;
    private final Bundle bundle;
    private final ScheduledExecutorService timer;
    /** True between disabling the component for a retry and enabling it again. */
    private boolean disabledForRetry;
    private int retries;

    @Activate
    public DatabaseStartRetry(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
        this.bundle = context.getBundle();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proeftuin-database-start-retry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::look, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void look() {
        try {
            ComponentDescriptionDTO database = scr.getComponentDescriptionDTO(bundle, JdbcDatabase.class.getName());
            if (database == null) {
                return;
            }
            if (disabledForRetry) {
                disabledForRetry = false;
                scr.enableComponent(database);
                return;
            }
            if (!scr.isComponentEnabled(database)) {
                return; // an operator's scr:disable
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(database)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && retryable(c.failure)) {
                    retries++;
                    if (retries == 1 || retries % 60 == 0) {
                        LOG.warn("The database could not be opened at start ({}); this node is not ready and tries"
                                + " again every {} s (attempt {})", cause(c.failure), EVERY_SECONDS, retries);
                    }
                    disabledForRetry = true;
                    scr.disableComponent(database);
                    return;
                }
                if (c.state == ComponentConfigurationDTO.ACTIVE && retries > 0) {
                    LOG.info("The database was opened after {} attempts", retries + 1);
                    retries = 0;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not look at the database component", e);
        }
    }

    /** Every activation failure is retried except a failed schema migration, which must stay visible. */
    static boolean retryable(String failure) {
        return failure == null || !failure.contains(SchemaMigration.MigrationFailedException.class.getSimpleName());
    }

    /** The innermost "Caused by" line of the component runtime's failure text. */
    static String cause(String failure) {
        if (failure == null) {
            return "no reason given";
        }
        return failure.lines().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b)
                .orElseGet(() -> failure.lines().findFirst().orElse(""));
    }
}
