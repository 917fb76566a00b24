package nl.proeftuin.core.engine.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.gauges.OperationalGaugeStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges the regional IT team alerts on that need the database (decision 0023): the local-team
 * outbox's backlog ({@code proeftuin_outbox_backlog_events{status="pending|waiting"}}), the age of its
 * oldest undelivered event ({@code proeftuin_outbox_oldest_undelivered_age_seconds}) and the maatwerk
 * requests past their decision deadline ({@code proeftuin_maatwerk_past_deadline_requests}).
 *
 * <p>Read at scrape time through {@link OperationalGaugeStore} (two aggregate queries), at most once per
 * {@link #MAX_AGE}, so several scrapers or a scrape storm cost the database nothing more. Nothing is
 * done per request. When the database fails the gauges read NaN (Prometheus shows the gap).
 */
@Component(service = OperationalGauges.class, immediate = true)
public class OperationalGauges {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OperationalGauges.class);

    /** One reading of the counts. */
    record Reading(double pending, double waiting, double oldestAgeSeconds, double maatwerkPastDeadline, Instant at) {
    }

    private final Database database;
    private final OperationalGaugeStore store;
    private final Clock clock;
    private final Map<MeterRegistry, List<Meter>> registered = new ConcurrentHashMap<>();
    private Reading last;

    /**
     * @param database the database
     * @param store    the counts
     */
    @Activate
    public OperationalGauges(@Reference Database database, @Reference OperationalGaugeStore store) {
        this(database, store, Clock.systemUTC());
    }

    OperationalGauges(Database database, OperationalGaugeStore store, Clock clock) {
        this.database = database;
        this.store = store;
        this.clock = clock;
    }

    /** The node's metrics: optional, dynamic and greedy (see TimeBoxedPluginCalls). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMeterRegistry(MeterRegistry registry) {
        registered.put(registry, List.of(
                gauge(registry, "proeftuin.outbox.backlog", "events", "Undelivered local-team outbox events",
                        "status", "pending", Reading::pending),
                gauge(registry, "proeftuin.outbox.backlog", "events", "Undelivered local-team outbox events",
                        "status", "waiting", Reading::waiting),
                gauge(registry, "proeftuin.outbox.oldest.undelivered.age", "seconds",
                        "Age of the oldest undelivered local-team outbox event (0 when none)", null, null,
                        Reading::oldestAgeSeconds),
                gauge(registry, "proeftuin.maatwerk.past.deadline", "requests",
                        "Maatwerk requests still undecided after their decision deadline", null, null,
                        Reading::maatwerkPastDeadline)));
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        List<Meter> meters = registered.remove(registry);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private Meter gauge(MeterRegistry registry, String name, String unit, String description, String tagKey,
            String tagValue, ToDoubleFunction<Reading> value) {
        Gauge.Builder<OperationalGauges> b = Gauge.builder(name, this, g -> value.applyAsDouble(g.reading()))
                .baseUnit(unit).description(description).strongReference(true);
        if (tagKey != null) {
            b.tag(tagKey, tagValue);
        }
        return b.register(registry);
    }

    /** The counts, read afresh when the last reading is older than {@link #MAX_AGE}. */
    synchronized Reading reading() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(MAX_AGE))) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try {
            OperationalGaugeStore.OutboxBacklog backlog = database.read(store::outboxBacklog);
            long overdue = database.read(c -> store.maatwerkPastDeadline(c, DutchDay.today(clock)));
            double age = backlog.oldestOccurred() == null ? 0
                    : Math.max(0, Duration.between(backlog.oldestOccurred(), now).toMillis() / 1000.0);
            return new Reading(backlog.pending(), backlog.waiting(), age, overdue, now);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The operational gauges could not be read: {}", e.toString());
            return new Reading(Double.NaN, Double.NaN, Double.NaN, Double.NaN, now);
        }
    }
}
