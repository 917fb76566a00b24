package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.LocalTeamConnector;
import nl.proeftuin.core.spi.OutboundEvent;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import nl.proeftuin.core.api.localteam.OutboxEntry;
import nl.proeftuin.core.api.localteam.RetryInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.localteam.LocalTeamStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.localteam.StoredOutbound;
import nl.proeftuin.core.store.cluster.RegionJobs;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the local-team outbox (rows written with the case change itself, see
 * {@code JdbcCaseStore.insertEvent}) through the connector bound for each case's municipality.
 *
 * <p>A round: WAITING rows of municipalities that have a usable connector again become PENDING;
 * then each due PENDING row is <i>claimed</i> (its next attempt moved past the call's longest
 * duration with a conditional UPDATE, so that two nodes never attempt it at once), delivered outside
 * any transaction, and its outcome written. DELIVERED ends it; RETRY, a throw, an overrun or an
 * unusable answer waits {@code firstRetry * 2^(attempts-1)} (at most {@code maxRetry}) and alerts
 * once after {@code alertAfterAttempts}; REJECTED ends it with an alert; no usable connector makes it
 * WAITING (an absent plugin alerts once per row; an unbound point is the region's choice). A node
 * that dies between the remote's acceptance and the write of DELIVERED makes the next attempt send
 * the same idempotency key again, which the connector contract makes harmless.
 *
 * <p>Rounds are a region-wide job ({@link RegionJobs}, decision 0027): every node ticks, one node per
 * interval runs the round, and another takes over when it dies. The row claims keep each event
 * delivered once and in case order even when two rounds do overlap (a node's round that overran its lease).
 */
@Component(service = LocalTeamExchange.class)
@Designate(ocd = LocalTeamDeliveryConfig.class)
public class OutboxLocalTeamExchange implements LocalTeamExchange {

    static final int MAX_LIST = 1000;
    static final int MAX_DETAIL = 2000;
    static final int MAX_REMOTE_REF = 200;
    /** The name of the delivery rounds in {@code job_lease}. */
    static final String JOB = "local-team-outbox";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxLocalTeamExchange.class);

    private final Database database;
    private final LocalTeamStore outbox;
    private final AlertStore alerts;
    private final BindingStore bindings;
    private final ServicePluginRegistry registry;
    private final BoundCall plugins;
    private final Duration lease;
    private final LocalTeamDeliveryConfig config;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    /** Who runs the rounds in the region; null: every round on this node (tests). */
    private final RegionJobs jobs;
    /** The local-team variant of each delivery the connector decided (cohorts, decision 0042); null in unit tests. */
    CaseVariants variants;

    /**
     * @param config   delivery settings
     * @param database the platform database
     * @param outbox   the outbox
     * @param alerts   alerts
     * @param bindings bindings
     * @param registry the plugins present
     * @param calls    the time-boxed plugin calls
     * @param jobs     who runs the delivery rounds in the region
     */
    @Activate
    public OutboxLocalTeamExchange(LocalTeamDeliveryConfig config, @Reference Database database,
            @Reference LocalTeamStore outbox, @Reference AlertStore alerts, @Reference BindingStore bindings,
            @Reference ServicePluginRegistry registry, @Reference TimeBoxedPluginCalls calls,
            @Reference RegionJobs jobs, @Reference CohortStore cohorts) {
        this(config, database, outbox, alerts, bindings, registry, calls, Clock.systemUTC(), true, jobs);
        this.variants = new CaseVariants(bindings, cohorts);
    }

    OutboxLocalTeamExchange(LocalTeamDeliveryConfig config, Database database, LocalTeamStore outbox,
            AlertStore alerts, BindingStore bindings, ServicePluginRegistry registry, TimeBoxedPluginCalls calls,
            Clock clock, boolean schedule) {
        this(config, database, outbox, alerts, bindings, registry, calls, clock, schedule, null);
    }

    OutboxLocalTeamExchange(LocalTeamDeliveryConfig config, Database database, LocalTeamStore outbox,
            AlertStore alerts, BindingStore bindings, ServicePluginRegistry registry, TimeBoxedPluginCalls calls,
            Clock clock, boolean schedule, RegionJobs jobs) {
        this.config = config;
        this.database = database;
        this.outbox = outbox;
        this.alerts = alerts;
        this.bindings = bindings;
        this.registry = registry;
        this.plugins = new BoundCall(registry, calls, FrameworkUtil.getBundle(OutboxLocalTeamExchange.class));
        // A claim outlives the longest call (the budget, queueing included) with a wide margin.
        this.lease = calls.budget().multipliedBy(2).plusSeconds(30);
        this.clock = clock;
        this.jobs = jobs;
        if (schedule && config.pollIntervalMillis() > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "proeftuin-local-team-outbox");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::round, config.pollIntervalMillis(), config.pollIntervalMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void round() {
        if (jobs != null && !jobs.begin(JOB, Duration.ofMillis(config.pollIntervalMillis()), lease)) {
            return; // another node runs this interval's round
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The next round tries again; a database that is down shows in the health endpoint.
            LOG.warn("Local-team delivery round failed; the next round retries", e);
        } finally {
            if (jobs != null) {
                jobs.end(JOB);
            }
        }
    }

    @Override
    public List<OutboxEntry> outbox(String status, String caseId, int limit) {
        return outbox(status, caseId, null, limit);
    }

    @Override
    public java.util.Optional<OutboxEntry> entry(String entryId) {
        if (entryId == null || entryId.isBlank()) {
            return java.util.Optional.empty();
        }
        return Domain.transaction(database, c -> outbox.find(c, entryId).map(OutboxLocalTeamExchange::entry));
    }

    @Override
    public List<OutboxEntry> outbox(String status, String caseId, java.util.Set<String> municipalities, int limit) {
        if (status != null && !List.of("PENDING", "WAITING", "DELIVERED", "REJECTED").contains(status)) {
            throw new InvalidInputException("status", "must be PENDING, WAITING, DELIVERED or REJECTED");
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIST);
        }
        if (municipalities != null && municipalities.isEmpty()) {
            return List.of(); // an account without municipalities sees no municipality's entries
        }
        return Domain.transaction(database, c -> outbox.listIn(c, status, caseId, municipalities, limit).stream()
                .map(OutboxLocalTeamExchange::entry).toList());
    }

    @Override
    public OutboxEntry retry(Actor actor, String entryId, RetryInput input) {
        Check.actor(actor);
        Check.required("entryId", entryId);
        Check.required("body", input);
        String reason = Check.text("reason", input.reason(), Check.SHORT_TEXT);
        return Domain.transaction(database, c -> {
            StoredOutbound r = outbox.find(c, entryId).orElseThrow(() -> new NotFoundException("outbox entry " + entryId));
            if ("DELIVERED".equals(r.status())) {
                throw new RuleViolationException("already-delivered", "outbox entry " + entryId + " was delivered at "
                        + r.deliveredAt());
            }
            StoredOutbound next = with(r, "PENDING", r.attempts(), now(), clip("retry asked by " + Check.actorName(actor) + ": " + reason, MAX_DETAIL),
                    r.pluginId(), r.remoteRef(), null, false);
            if (!outbox.updateUndelivered(c, next)) { // delivered since it was read: a retry sends it again
                throw new RuleViolationException("already-delivered", "outbox entry " + entryId + " was delivered");
            }
            return entry(next);
        });
    }

    @Override
    public int deliverDue() {
        Instant now = now();
        List<StoredOutbound> due = Domain.transaction(database, c -> {
            for (String m : outbox.waitingMunicipalities(c)) {
                Binding b = Bindings.effective(bindings, c, ExtensionPoint.LOCAL_TEAM, m, now);
                if (b != null && registry.present(ExtensionPoint.LOCAL_TEAM, b.pluginId())) {
                    outbox.release(c, m, now);
                }
            }
            return outbox.due(c, now, config.batchSize());
        });
        int attempts = 0;
        for (StoredOutbound row : due) {
            // a round may run only as long as its job lease: past half of it, the rest waits for the next round
            // (another node takes the job once the lease has passed, and would attempt these rows too)
            if (now().isAfter(now.plus(lease.dividedBy(2)))) {
                break;
            }
            if (attempt(row)) {
                attempts++;
            }
        }
        return attempts;
    }

    /** A row claimed for an attempt, with the binding resolved for it (null when unbound). */
    private record Claim(Binding binding) {
    }

    /**
     * One attempt at one row; false when another node claimed it first. The claim runs from this moment (not
     * the round's start), and the outcome is written only while the row is still this attempt's claim.
     */
    private boolean attempt(StoredOutbound row) {
        Instant now = now();
        Instant claimedUntil = now.plus(lease);
        Claim claim = Domain.transaction(database, c -> outbox.claim(c, row.id(), "PENDING", now, claimedUntil)
                ? new Claim(Bindings.effective(bindings, c, ExtensionPoint.LOCAL_TEAM, row.municipality(), now))
                : null);
        if (claim == null) {
            return false; // another node attempts it
        }
        Binding binding = claim.binding();
        OutboundEvent event = new OutboundEvent(row.idempotencyKey(), row.type(), row.caseId(), row.municipality(),
                row.occurredAt(), payload(row.payload()));
        Map<String, String> configuration = binding == null ? Map.of() : binding.configuration();
        BoundCall.Answer<DeliveryResult> answer = plugins.call(ExtensionPoint.LOCAL_TEAM, binding,
                LocalTeamConnector.class, "local-team connector", connector -> connector.deliver(event, configuration),
                r -> r.status() == null ? "a result without a status" : null);
        Instant done = now();
        Domain.transaction(database, c -> {
            StoredOutbound next;
            String alert = null;
            if (answer.fallback() && (BoundTriageService.UNBOUND.equals(answer.alertKind())
                    || BoundTriageService.ABSENT.equals(answer.alertKind()))) {
                next = with(row, "WAITING", row.attempts(), null, answer.fallbackReason() + "; waits for a connector",
                        row.pluginId(), row.remoteRef(), null, row.alerted() || answer.alarming());
                if (answer.alarming() && !row.alerted()) {
                    alert = answer.alertKind();
                }
            } else if (answer.fallback()) {
                // the connector that failed, not the fallback, so the coordinator sees which one
                next = failed(row, answer.binding().pluginId(), answer.fallbackReason(), done);
                alert = next.alerted() && !row.alerted() ? "LOCAL_TEAM_DELIVERY_FAILING" : null;
            } else {
                DeliveryResult r = answer.value();
                String detail = clip(r.detail(), MAX_DETAIL);
                switch (r.status()) {
                    case DELIVERED -> next = with(row, "DELIVERED", row.attempts() + 1, null, detail, answer.pluginId(),
                            clip(r.remoteRef(), MAX_REMOTE_REF), done, row.alerted());
                    case REJECTED -> {
                        next = with(row, "REJECTED", row.attempts() + 1, null, detail, answer.pluginId(), null, null, true);
                        alert = "LOCAL_TEAM_REJECTED";
                    }
                    default -> {
                        next = failed(row, answer.pluginId(), detail == null ? "retry" : detail, done);
                        alert = next.alerted() && !row.alerted() ? "LOCAL_TEAM_DELIVERY_FAILING" : null;
                    }
                }
            }
            if (!outbox.updateClaimed(c, next, claimedUntil)) {
                LOG.warn("Event {} of case {}: this attempt's claim ran out and another attempt took the row; its"
                        + " outcome ({}) is not written over that attempt's", row.type(), row.caseId(), next.status());
                return null;
            }
            if (variants != null && row.caseId() != null && answer.binding() != null
                    && ("DELIVERED".equals(next.status()) || "REJECTED".equals(next.status()))) {
                // cohorts (0042): the local-team connector that took (or refused) the case's event
                variants.decisionOnce(c, row.caseId(), ExtensionPoint.LOCAL_TEAM, answer.binding(), done);
            }
            if (alert != null) {
                alerts.insert(c, new StoredAlert(Domain.newId(), alert, ExtensionPoint.LOCAL_TEAM.name(),
                        row.municipality(), answer.binding() == null ? null : answer.binding().pluginId(), row.caseId(),
                        "Event " + row.type() + " of case " + row.caseId() + " for the local team of "
                                + row.municipality() + ": " + next.status() + " after " + next.attempts()
                                + " attempt(s): " + next.lastDetail(), done));
            }
            return null;
        });
        return true;
    }

    private StoredOutbound failed(StoredOutbound row, String pluginId, String detail, Instant now) {
        int attempts = row.attempts() + 1;
        long wait = config.firstRetryMillis() << Math.min(30, attempts - 1);
        if (wait <= 0 || wait > config.maxRetryMillis()) {
            wait = config.maxRetryMillis();
        }
        return with(row, "PENDING", attempts, now.plusMillis(wait), clip(detail, MAX_DETAIL), pluginId, row.remoteRef(),
                null, row.alerted() || attempts >= config.alertAfterAttempts());
    }

    private static StoredOutbound with(StoredOutbound r, String status, int attempts, Instant next, String detail,
            String pluginId, String remoteRef, Instant deliveredAt, boolean alerted) {
        return new StoredOutbound(r.id(), r.idempotencyKey(), r.type(), r.caseId(), r.municipality(), r.occurredAt(),
                r.payload(), status, attempts, next, detail, pluginId, remoteRef, deliveredAt, alerted);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String json) {
        return CanonicalJson.read(json, Map.class);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static OutboxEntry entry(StoredOutbound r) {
        return new OutboxEntry(r.id(), r.idempotencyKey(), r.type(), r.caseId(), r.municipality(), r.occurredAt(),
                r.status(), r.attempts(), "PENDING".equals(r.status()) ? r.nextAttemptAt() : null, r.lastDetail(),
                r.pluginId(), r.remoteRef(), r.deliveredAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
