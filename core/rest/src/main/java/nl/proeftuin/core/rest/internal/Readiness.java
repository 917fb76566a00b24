package nl.proeftuin.core.rest.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.health.ComponentHealth;
import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.api.health.HealthReport;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.health.HeartbeatStore;
import org.osgi.framework.Bundle;

/**
 * Whether this node can serve: every core bundle active and every core component ready, the API
 * servlet registered, the access log and the security services there, and the database taking a
 * write (one row's clock moved, table {@code node_heartbeat}). The whole verdict is computed at most
 * once per {@link #CACHE} (a load balancer polls every second; the write happens at most that often),
 * and otherwise served from the last one.
 *
 * <p>A core bundle that is stopped has no components for the runtime to report, so the bundles are
 * checked themselves: health said UP with the audit or security bundle stopped before.
 */
final class Readiness {
    static final Duration CACHE = Duration.ofSeconds(1);
    /** How long other requests wait on (get the last verdict during) one that is making the verdict. */
    static final Duration SLOW = Duration.ofSeconds(1);
    /** Core bundles a node serves without: metrics off must never take a node out of a load balancer (0023). */
    static final Set<String> OPTIONAL_BUNDLES = Set.of("nl.proeftuin.core.metrics");
    /** The core bundles every node runs; each must be present and ACTIVE. */
    static final Set<String> REQUIRED_BUNDLES = Set.of("nl.proeftuin.core.api", "nl.proeftuin.core.spi",
            "nl.proeftuin.core.api.runtime", "nl.proeftuin.core.store", "nl.proeftuin.core.engine", "nl.proeftuin.core.audit",
            "nl.proeftuin.core.security", "nl.proeftuin.core.rest");

    /**
     * A verdict and what failed (empty when ready), with the report it was made from, and the one reason
     * anyone may read (null but for a failed schema migration).
     */
    record Verdict(boolean ready, List<String> failures, HealthReport report, String reason) {
        HealthStatus status() {
            return new HealthStatus(report.status(), reason);
        }

        HealthDetails details() {
            return new HealthDetails(report.status(), report.version(), report.revision(), report.checkedAt(),
                    report.database(), report.components(), failures);
        }
    }

    /**
     * What anyone may know: UP or DOWN, nothing about versions or parts; and when a schema migration
     * failed, which one and its SQL state (decision 0025): a node that cannot even open its database cannot
     * log in its administrator to read the details, so the operator reads it here and in the log.
     */
    record HealthStatus(HealthReport.Status status, String reason) {
    }

    /** The store's component, whose failure to activate is a failed schema migration when it says so. */
    static final String DATABASE_COMPONENT = "nl.proeftuin.core.store.internal.JdbcDatabase";
    private static final Pattern MIGRATION_FAILED = Pattern.compile(
            "(Schema migration V\\S+ \\(.*?\\) failed)(?:: .*?(\\(SQL state [^)]+\\)))?\\.");

    /** What {@code /health/live} says: the process answers. */
    static final HealthStatus LIVE = new HealthStatus(HealthReport.Status.UP, null);

    /** The health report with what failed, for the region's administrator. */
    record HealthDetails(HealthReport.Status status, String version, String revision, Instant checkedAt,
            DatabaseHealth database, List<ComponentHealth> components, List<String> failures) {
    }

    private final PlatformHealth health;
    private final Bundle self;
    private final Supplier<Database> database;
    private final Supplier<HeartbeatStore> heartbeats;
    private final Map<String, Supplier<?>> services;
    private final BooleanSupplier servletRegistered;
    private final Clock clock;
    private Verdict last;
    private Instant lastAt;
    /** When the request now making the verdict began, or null. */
    private Instant computingSince;

    /**
     * @param heartbeats        the owner of the heartbeat row the write check moves
     * @param services          named services that must be bound (access log, authenticator, need to know)
     * @param servletRegistered whether the HTTP runtime lists the API servlet as registered
     */
    Readiness(PlatformHealth health, Bundle self, Supplier<Database> database, Supplier<HeartbeatStore> heartbeats,
            Map<String, Supplier<?>> services, BooleanSupplier servletRegistered, Clock clock) {
        this.health = health;
        this.self = self;
        this.database = database;
        this.heartbeats = heartbeats;
        this.services = Map.copyOf(services);
        this.servletRegistered = servletRegistered;
        this.clock = clock;
    }

    /**
     * The current verdict, computed afresh at most once per {@link #CACHE}, by one request at a time. While
     * one request makes it (the heartbeat write can wait {@code connectionTimeoutMillis} for a connection
     * when the database is gone or the pool exhausted), the others wait for it up to {@link #SLOW} from
     * its start, then get a DOWN verdict at once: a load balancer's probe is never left hanging (the fault
     * script saw every probe hang with PostgreSQL stopped under load, decision 0027).
     */
    Verdict verdict() {
        Instant now = clock.instant();
        synchronized (this) {
            // another request is making the verdict: wait for it, but not longer than SLOW from its start
            while (computingSince != null) {
                long left = Duration.between(clock.instant(), computingSince.plus(SLOW)).toMillis();
                if (left <= 0) {
                    return slow(last, clock.instant());
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return slow(last, clock.instant());
                }
            }
            now = clock.instant();
            if (last != null && now.isBefore(lastAt.plus(CACHE))) {
                return last;
            }
            computingSince = now;
        }
        Verdict made = null;
        try {
            made = compute(now);
            return made;
        } finally {
            synchronized (this) {
                computingSince = null;
                if (made != null) {
                    last = made;
                    lastAt = now;
                }
                notifyAll();
            }
        }
    }

    /** DOWN because the verdict has been waiting for the database longer than {@link #SLOW}. */
    static Verdict slow(Verdict last, Instant now) {
        HealthReport r = last == null ? null : last.report();
        HealthReport down = new HealthReport(HealthReport.Status.DOWN, r == null ? "" : r.version(),
                r == null ? "" : r.revision(), now, r == null ? null : r.database(), r == null ? List.of() : r.components());
        return new Verdict(false, List.of("the readiness check has waited more than " + SLOW.toMillis()
                + " ms for the database"), down, last == null ? null : last.reason());
    }

    private Verdict compute(Instant now) {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> states = new HashMap<>();
        for (Bundle b : self.getBundleContext().getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn != null && bsn.startsWith(PlatformHealth.CORE_BUNDLE_PREFIX) && !OPTIONAL_BUNDLES.contains(bsn)) {
                states.put(bsn, b.getState());
                // a fragment (core/jetty, decision 0060) never starts: it is there once attached to its host
                boolean fragment = b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
                if (b.getState() != (fragment ? Bundle.RESOLVED : Bundle.ACTIVE)) {
                    failures.add("bundle " + bsn + (fragment ? " is not attached to its host" : " is not active"));
                }
            }
        }
        REQUIRED_BUNDLES.stream().sorted().filter(bsn -> !states.containsKey(bsn))
                .forEach(bsn -> failures.add("bundle " + bsn + " is not installed"));

        Database db = database.get();
        HealthReport report = health.report(db);
        if (!report.database().up()) {
            failures.add("database: " + report.database().error());
        }
        for (ComponentHealth c : report.components()) {
            if (!c.ready() && !OPTIONAL_BUNDLES.contains(c.bundle())) {
                failures.add("component " + c.name() + " is " + c.state() + (c.detail().isEmpty() ? "" : ": " + c.detail()));
            }
        }
        services.forEach((name, service) -> {
            if (service.get() == null) {
                failures.add(name + " is not available");
            }
        });
        if (!servletRegistered.getAsBoolean()) {
            failures.add("the API servlet is not registered with the HTTP runtime");
        }
        if (db != null && report.database().up()) {
            String writeFailure = heartbeat(db, heartbeats.get(), now);
            if (writeFailure != null) {
                failures.add("database does not take writes: " + writeFailure);
            }
        }
        failures.sort(null);
        boolean ready = failures.isEmpty();
        HealthReport verdictReport = new HealthReport(ready ? HealthReport.Status.UP : HealthReport.Status.DOWN,
                report.version(), report.revision(), report.checkedAt(), report.database(), report.components());
        return new Verdict(ready, List.copyOf(failures), verdictReport, ready ? null : migrationReason(report.components()));
    }

    /**
     * The short reason when the database component failed because a schema migration failed: the
     * migration and the SQL state, not the database's message (it may quote data: a duplicate key's
     * value; it is in the node's log only).
     */
    static String migrationReason(List<ComponentHealth> components) {
        for (ComponentHealth c : components) {
            if (DATABASE_COMPONENT.equals(c.name()) && !c.ready()) {
                String reason = migrationReason(c.detail());
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    /** The short reason of one failure text that says a schema migration failed, else null. */
    static String migrationReason(String failure) {
        Matcher m = MIGRATION_FAILED.matcher(failure);
        if (!m.find()) {
            return null;
        }
        return m.group(1) + (m.group(2) == null ? "" : " " + m.group(2))
                + (failure.contains("left as it was") ? "; the database was left as it was" : "")
                + ". This node is not ready; the node's log has the database's message.";
    }

    /** @return null when the heartbeat row's clock moved, else why not */
    static String heartbeat(Database db, HeartbeatStore heartbeats, Instant now) {
        if (heartbeats == null) {
            return "the heartbeat store is not there";
        }
        try {
            boolean moved = db.inTransaction(c -> heartbeats.beat(c, now));
            return moved ? null : "the heartbeat row is missing (migration V12 incomplete)";
        } catch (SQLException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return message.length() > 300 ? message.substring(0, 300) : message;
        }
    }
}
