package nl.proeftuin.core.audit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.TimeOrderedIds;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.accesslog.AccessLogFilter;
import nl.proeftuin.core.store.accesslog.AccessLogStore;
import nl.proeftuin.core.store.accesslog.StoredAccessEntry;
import nl.proeftuin.core.store.cluster.RegionKeyStore;
import nl.proeftuin.core.store.cluster.RegionKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The access log in the platform's database, one hash chain across all nodes: a write locks the
 * chain's head row, takes the next sequence number and the last hash, writes the entries and moves
 * the head, in one short transaction; appends made at the same time on a node share that
 * transaction (group commit, see {@link #commit}).
 *
 * <p>What the database alone cannot forge ({@link AuditSeal}): each entry carries an HMAC-SHA256 of
 * its hash with a key kept outside the database, so a rewritten and recomputed chain is found; and
 * the head is anchored in a checkpoint file every {@code checkpointEvery} entries, every
 * {@code checkpointSeconds} and on shutdown, so a chain cut at its end (and its head row moved back)
 * is found. The persons an entry concerns are stored with it at write time (for an entry on a case:
 * also the case's members at that moment), in its {@code person_ids}, which its hash covers. Their
 * person rows, the access view's index, follow within {@link #INDEX_EVERY_MILLIS} ms, written by this
 * node's indexer in larger batches (decision 0054); until then the view finds the entry by its own
 * list. Verification checks the person rows against the entry, so removing a person's rows to hide
 * entries from their access view is found too.
 */
@Component(service = AccessLog.class)
@Designate(ocd = HashChainedAccessLogConfig.class)
public class HashChainedAccessLog implements AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger(HashChainedAccessLog.class);
    static final int MAX_LIMIT = 1000;
    /** Verification reads the chain in pages of this many rows, so a long log never sits in memory. */
    static final int VERIFY_PAGE = 1000;

    /** The width of access_log.person_ids (V6). */
    static final int PERSON_IDS_WIDTH = 4000;

    /** At most this many entries per group commit. */
    static final int MAX_BATCH = 500;

    private final Database database;
    private final AccessLogStore store;
    private final Clock clock;
    private final String node;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final AuditSeal seal;
    private final int checkpointEvery;
    private final Duration checkpointInterval;
    /** The last entry this node wrote and the last one it anchored (guarded by {@link #anchor}). */
    private long lastWrittenSeq = -1;
    private String lastWrittenHash;
    private long lastCheckpointSeq = -1;
    private Instant lastCheckpointAt;
    private final Object anchor = new Object();
    /** The entries from before V10 are sealed (or there were checkpoints already); guarded by {@link #anchor}. */
    private boolean sealed;
    private ScheduledExecutorService timer;

    /** The access log key's row in {@code region_key}. */
    static final String REGION_KEY = "access-log";

    @Activate
    public HashChainedAccessLog(HashChainedAccessLogConfig config, @Reference Database database,
            @Reference AccessLogStore store, @Reference RegionKeyStore regionKeys) throws IOException {
        this(database, store, Clock.systemUTC(), node(config), regionsOwn(
                AuditSeal.open(path(config.keyFile(), "karaf.etc", "proeftuin-access-log.key"),
                        path(config.checkpointFile(), "karaf.data", "audit/access-log-checkpoints")),
                database, regionKeys, store, node(config)),
                config.checkpointEvery(), Duration.ofSeconds(Math.max(1, config.checkpointSeconds())));
        long seconds = checkpointInterval.toSeconds();
        // two threads: a stalled database round of the indexer must not hold back the head's anchoring
        timer = daemon("proeftuin-access-log-checkpoint");
        timer.scheduleWithFixedDelay(this::checkpointQuietly, seconds, seconds, TimeUnit.SECONDS);
        indexer = daemon("proeftuin-access-log-persons");
        indexer.scheduleWithFixedDelay(this::indexPersonsQuietly, INDEX_EVERY_MILLIS, INDEX_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    // --- perf (issue 13, decision 0054): the person rows are written behind the chain, not in its commit

    /** How often this node's indexer writes the person rows of the entries written since (milliseconds). */
    static final long INDEX_EVERY_MILLIS = 200;
    /** At most this many entries' person rows per indexer transaction. */
    static final int INDEX_BATCH = 5000;
    private ScheduledExecutorService indexer;

    /**
     * Writes the person rows of the entries after the mark, in transactions of up to {@link #INDEX_BATCH}
     * entries, until the mark is at the chain's end (the indexer's task; tests call it directly).
     *
     * @return the number of entries indexed
     */
    int indexPersonsNow() {
        int total = 0;
        try {
            for (int done; (done = database.inTransaction(c -> store.indexPersons(c, INDEX_BATCH))) > 0;) {
                total += done;
                if (done < INDEX_BATCH) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new AccessLogFailure(e);
        }
        return total;
    }

    /** Whether the indexer's last round failed (its thread only): an outage is logged once, not every round. */
    private boolean indexingFailing;
    /** When the indexer last reached the chain's end (this log's clock). */
    private volatile Instant caughtUp;
    /** The registry the lag gauge is registered with (the indexer's thread only). */
    private MeterRegistry gauged;

    /** One round of the indexer (its thread; tests call it directly). */
    void indexPersonsQuietly() {
        gaugeTheLag();
        try {
            indexPersonsNow();
            caughtUp = clock.instant();
            if (indexingFailing) {
                indexingFailing = false;
                LOG.info("The person rows of the newest access-log entries are written again");
            }
        } catch (RuntimeException e) {
            // nothing is lost: until the rows are written, the access view finds the entries by their own list
            if (!indexingFailing) {
                indexingFailing = true;
                LOG.error("The person rows of the newest access-log entries cannot be written now; retried every {} ms"
                        + " (logged again when they are written)", INDEX_EVERY_MILLIS, e);
            }
        }
    }

    /**
     * {@code proeftuin_access_log_person_rows_lag_seconds}: how long ago this node's indexer last reached
     * the chain's end; a fraction of a second while it works. While it grows, a person's access view reads
     * ever more entries by their own lists (docs/ops/prometheus/alerts.yml).
     */
    private void gaugeTheLag() {
        MeterRegistry registry = meters;
        if (registry != null && registry != gauged) {
            io.micrometer.core.instrument.Gauge.builder("proeftuin.access.log.person.rows.lag", this,
                    log -> Duration.between(log.caughtUp, log.clock.instant()).toMillis() / 1000.0)
                    .description("Seconds since the access log's person rows were last written up to the chain's end")
                    .baseUnit("seconds").register(registry);
            gauged = registry;
        }
    }

    private static String node(HashChainedAccessLogConfig config) {
        return config.node().isBlank() ? hostName() : config.node().strip();
    }

    /**
     * The seal, when its key is the region's (the first node records the fingerprint): entries written
     * with another key would not verify on the other nodes, and the one chain would look tampered with.
     *
     * @throws IllegalStateException when this node's key is not the region's, before anything is written
     */
    static AuditSeal regionsOwn(AuditSeal seal, Database database, RegionKeyStore regionKeys, AccessLogStore store,
            String node) {
        writtenWith(seal, database, regionKeys, store);
        if (!RegionKeys.check(database, regionKeys, REGION_KEY, seal.fingerprint(), node, HashChainedAccessLog::otherKey)) {
            seal.compareBeforeUse(() -> RegionKeys.ensure(database, regionKeys, REGION_KEY, seal.fingerprint(), node,
                    HashChainedAccessLog::otherKey));
        }
        return seal;
    }

    /**
     * Before the region records its first fingerprint (a region upgraded from before the fingerprint, or
     * a restored database): the key must verify the log's newest sealed entry, so that a node with the
     * wrong key cannot make its key the region's. Nothing to check when the database is away (compared
     * before the first entry then) or the log has no sealed entry.
     *
     * @throws IllegalStateException when the key does not verify the newest entry
     */
    private static void writtenWith(AuditSeal seal, Database database, RegionKeyStore regionKeys, AccessLogStore store) {
        Optional<StoredAccessEntry> newest;
        try {
            newest = database.read(c -> {
                if (regionKeys.find(c, REGION_KEY).isPresent()) {
                    return Optional.<StoredAccessEntry>empty();
                }
                Optional<AccessLogStore.Head> head = store.head(c);
                if (head.isEmpty() || head.get().lastSeq() < 1) {
                    return Optional.<StoredAccessEntry>empty();
                }
                return store.page(c, head.get().lastSeq(), 1).stream().findFirst();
            });
        } catch (SQLException | RuntimeException e) {
            return;
        }
        if (newest.isPresent() && newest.get().mac() != null && !seal.entryMacMatches(newest.get().hash(), newest.get().mac())) {
            String why = "This node's access log key (etc/proeftuin-access-log.key) does not verify the log's newest entry"
                    + " (" + newest.get().seqNo() + "): it is not the key the log was written with, so it does not become"
                    + " the region's and this node keeps no access log and is not ready. Copy the key from the node that"
                    + " wrote the log and restart.";
            LoggerFactory.getLogger(HashChainedAccessLog.class).error(why);
            throw new IllegalStateException(why);
        }
    }

    private static String otherKey(String mine, String region) {
        return "This node's access log key differs from the region's: its fingerprint " + mine + " is not the"
                + " region's " + region + " (table region_key). Entries written here would not verify on the other"
                + " nodes and the region's one chain would look tampered with, so this node keeps no access log,"
                + " does not serve and is not ready. Copy etc/proeftuin-access-log.key from a node of the region"
                + " and restart.";
    }

    /** For tests (this package is not exported): the log with a clock and a node name, the JVM's test key and checkpoints in memory. */
    public HashChainedAccessLog(Database database, AccessLogStore store, Clock clock, String node) {
        this(database, store, clock, node, AuditSeal.inMemory(), 1000, Duration.ofDays(365));
    }

    HashChainedAccessLog(Database database, AccessLogStore store, Clock clock, String node, AuditSeal seal,
            int checkpointEvery, Duration checkpointInterval) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.node = LogValues.neutralise(node, 200);
        this.seal = seal;
        this.checkpointEvery = Math.max(1, checkpointEvery);
        this.checkpointInterval = checkpointInterval;
        this.caughtUp = clock.instant();
        sealLegacyEntries();
    }

    private static Path path(String configured, String property, String relative) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String base = System.getProperty(property);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(property + " is not set: configure the access log's key and checkpoint files");
        }
        return Path.of(base).resolve(relative);
    }

    /** On shutdown the head is anchored, so a restart that finds it cut knows. */
    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (indexer != null) {
            indexer.shutdownNow();
        }
        checkpointQuietly();
    }

    /**
     * The entries written before V10 have no MAC: they are sealed once, by the first start that finds
     * no checkpoint (the checkpoint written here marks it). Afterwards a missing MAC is a broken entry.
     * Only a log no key ever wrote is sealed: once any entry carries a MAC, an entry without one was
     * stripped of it. A node starting without a checkpoint file (a node added to the region, a rebuilt
     * one) used to seal, with the real key, whatever a database administrator had rewritten and stripped
     * of its MACs below a raised {@code legacy_seq}; such entries now stay unsealed, and verification names
     * them.
     */
    private void sealLegacyEntries() {
        try {
            AuditSeal.Checkpoints existing = seal.checkpoints();
            if (!existing.valid().isEmpty() || !existing.forged().isEmpty()) {
                synchronized (anchor) {
                    sealed = true;
                    if (existing.last() != null) {
                        lastCheckpointSeq = existing.last().seq();
                        lastCheckpointAt = clock.instant();
                    }
                }
                return;
            }
            long[] head = new long[1];
            String[] headHash = new String[1];
            database.inTransaction(c -> {
                AccessLogStore.Head locked = store.lockHead(c)
                        .orElseThrow(() -> new SQLException("access_log_head has no row"));
                head[0] = locked.lastSeq();
                headHash[0] = locked.lastHash();
                Map<Long, String> unsealed = store.unsealedLegacyEntries(c);
                if (unsealed.isEmpty()) {
                    return null;
                }
                if (store.anyEntrySealed(c)) {
                    LOG.error("{} access-log entries up to {} have no MAC, although entries of this log carry one: they"
                            + " are not sealed (a key wrote this log, so their MACs were removed; was the chain"
                            + " rewritten?). Verification reports the first of them.", unsealed.size(),
                            unsealed.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
                    return null;
                }
                Map<Long, String> macs = new java.util.LinkedHashMap<>();
                unsealed.forEach((seq, hash) -> macs.put(seq, seal.entryMac(hash)));
                store.seal(c, macs);
                LOG.warn("Sealed {} access-log entries written before V10 (up to entry {}) with this node's key, once",
                        macs.size(), head[0]);
                return null;
            });
            synchronized (anchor) {
                seal.checkpoint(new AuditSeal.Checkpoint(head[0], headHash[0], clock.instant().truncatedTo(ChronoUnit.MILLIS)));
                sealed = true;
                if (head[0] > lastCheckpointSeq) {
                    lastCheckpointSeq = head[0];
                }
                lastCheckpointAt = clock.instant();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("The access log's entries from before V10 could not be sealed now; retried at the next start", e);
        }
    }

    /** Anchors the last entry this node wrote, when it is not anchored yet. */
    private void checkpointQuietly() {
        try {
            synchronized (anchor) {
                if (lastWrittenSeq > lastCheckpointSeq) {
                    checkpoint();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The access log's checkpoint could not be written to {}", seal.where(), e);
        }
    }

    /** The caller holds {@link #anchor}. */
    private void checkpoint() throws IOException {
        if (!sealed) {
            // the first checkpoint marks the entries from before V10 as sealed: seal them first (it failed at start)
            sealLegacyEntries();
            if (!sealed) {
                throw new IOException("the entries from before V10 are not sealed yet; no checkpoint until they are");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        seal.checkpoint(new AuditSeal.Checkpoint(lastWrittenSeq, lastWrittenHash, now));
        lastCheckpointSeq = lastWrittenSeq;
        lastCheckpointAt = now;
    }

    /** After a batch: a checkpoint when N entries or T seconds passed since the last one. */
    private void written(long seq, String hash) {
        synchronized (anchor) {
            if (seq <= lastWrittenSeq) {
                return;
            }
            lastWrittenSeq = seq;
            lastWrittenHash = hash;
            if (seq - Math.max(lastCheckpointSeq, 0) >= checkpointEvery || lastCheckpointAt == null
                    || Duration.between(lastCheckpointAt, clock.instant()).compareTo(checkpointInterval) >= 0) {
                try {
                    checkpoint();
                } catch (IOException e) {
                    // the entries are committed and chained; only their anchor is late (retried by the timer)
                    LOG.error("The access log's checkpoint could not be written to {}", seal.where(), e);
                }
            }
        }
    }

    /** Anchors the head now (the shell, tests). */
    void checkpointNow() {
        checkpointQuietly();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    @Override
    public AccessLogEntry append(AccessEvent event) {
        seal.comparedWithRegion();
        if (event == null) {
            throw new InvalidInputException("event", "is required");
        }
        if (event.action() == null) {
            throw new InvalidInputException("action", "is required");
        }
        if (!AccessEvent.SUCCESS.equals(event.outcome()) && !AccessEvent.DENIED.equals(event.outcome())
                && !AccessEvent.FAILURE.equals(event.outcome())) {
            throw new InvalidInputException("outcome", "must be SUCCESS, DENIED or FAILURE");
        }
        if (event.userId() == null || event.userId().isBlank()) {
            throw new InvalidInputException("userId", "is required: every entry names who");
        }
        List<String> concerned = new ArrayList<>(event.personIds());
        if (event.caseId() != null && !event.caseId().isBlank()) {
            // the case's members at this moment concern the entry: stored with it, so a person who
            // leaves the case later still sees this access (one indexed read: the member table's key;
            // here, in parallel, not in the group commit, where it would be serial: decision 0035)
            concerned.addAll(members(event.caseId()));
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // time-ordered (decision 0050): the event-id index grows at its right edge
        String eventId = TimeOrderedIds.next().toString();
        // seqNo, prevHash and hash are set when the entry joins the chain (write())
        AccessLogEntry unchained = new AccessLogEntry(eventId, 0, at, node, event.action(),
                event.outcome(), LogValues.neutralise(event.userId(), 200),
                LogValues.neutralise(event.userName(), 200), LogValues.neutralise(event.role(), 100),
                LogValues.neutralise(event.organisation(), 200), LogValues.neutralise(event.onBehalfOf(), 200),
                LogValues.neutralise(event.purpose(), 2000), List.of(),
                LogValues.neutralise(event.caseId(), 200), LogValues.neutralise(event.objectType(), 100),
                LogValues.neutralise(event.objectId(), 200),
                LogValues.neutralise(event.requestId() != null ? event.requestId() : MDC.get(MDC_REQUEST_ID), 200),
                null, event.restricted(), null, null);
        return timed(new Pending(concerning(unchained, concerned, event.detail()), new CompletableFuture<>()));
    }

    /**
     * The entry with the persons it concerns (those the event names, then the case's members) and its
     * detail: ids neutralised, deduplicated, and as many as fit person_ids (the rest counted in the detail).
     */
    private static AccessLogEntry concerning(AccessLogEntry e, List<String> concerned, String rawDetail) {
        List<String> persons = new ArrayList<>(new LinkedHashSet<>(concerned.stream()
                .filter(p -> p != null && !p.isBlank())
                // a comma would split one id into two when read back
                .map(p -> LogValues.neutralise(p, 200).replace(",", "\\u002c")).toList()));
        // person_ids is as wide as its column: an overlong list must not fail the whole group commit
        int width = 0;
        int kept = 0;
        for (String p : persons) {
            int next = width + (kept == 0 ? 0 : 1) + p.length();
            if (next > PERSON_IDS_WIDTH) {
                break;
            }
            width = next;
            kept++;
        }
        String detail = LogValues.neutralise(rawDetail, 4000);
        if (kept < persons.size()) {
            String note = " [" + (persons.size() - kept) + " more persons concerned, not named: the entry is full]";
            detail = (detail == null ? "" : LogValues.neutralise(rawDetail, 4000 - note.length())) + note;
            persons = new ArrayList<>(persons.subList(0, kept));
        }
        return new AccessLogEntry(e.eventId(), e.seqNo(), e.at(), e.node(), e.action(), e.outcome(), e.userId(),
                e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(), persons, e.caseId(),
                e.objectType(), e.objectId(), e.requestId(), detail, e.restricted(), e.prevHash(), e.hash());
    }

    /** Buckets of the append-time histogram: a group commit takes milliseconds (decision 0023). */
    static final Duration[] APPEND_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};

    /**
     * The node's metrics, when the metrics bundle runs: optional, dynamic and greedy, so the access log
     * never waits for it. Only the outcome is a label: nothing of the entry.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterRegistry meters;

    /** {@link #commit} as {@code proeftuin_access_log_append_seconds{outcome="written|failed"}}. */
    private AccessLogEntry timed(Pending unchained) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            AccessLogEntry written = commit(unchained);
            outcome = "written";
            return written;
        } finally {
            MeterRegistry registry = meters;
            if (registry != null) {
                Timer.builder("proeftuin.access.log.append").description("Access-log appends (group commit included)")
                        .tag("outcome", outcome).serviceLevelObjectives(APPEND_BUCKETS).register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    private List<String> members(String caseId) {
        try {
            return database.read(c -> store.caseMembers(c, caseId));
        } catch (SQLException e) {
            throw new AccessLogFailure(e);
        }
    }

    /** An entry waiting to join the chain, and who waits for it (the thread, woken when it is written). */
    private record Pending(AccessLogEntry entry, CompletableFuture<AccessLogEntry> done, Thread waiter) {
        Pending(AccessLogEntry entry, CompletableFuture<AccessLogEntry> done) {
            this(entry, done, Thread.currentThread());
        }
    }

    /**
     * Group commit: every request appends, and the chain is one sequence, so appends one by one
     * would queue on the head row and pay one durable commit each (measured: reads at a third of the
     * health endpoint's rate). Instead a caller queues its entry; whoever holds the writer lock
     * writes everything queued in ONE transaction and wakes the others; a caller whose entry missed
     * that batch takes the lock next. Every caller still returns only after its own entry is
     * committed, so a request is never served unlogged, and a failed batch fails each of its callers.
     */
    private AccessLogEntry commit(Pending mine) {
        queue.add(mine);
        while (!mine.done().isDone()) {
            if (writer.tryLock()) {
                try {
                    while (!mine.done().isDone()) {
                        writeQueued();
                    }
                } finally {
                    writer.unlock();
                    // perf (decision 0035): hand over to the oldest waiter still queued (if any); the others
                    // sleep until their own entry is written, each woken once, none polling
                    Pending next = queue.peek();
                    if (next != null) {
                        LockSupport.unpark(next.waiter());
                    }
                }
            } else {
                // woken when the entry is written or when it is this caller's turn to write; the bound only
                // guards against a lost wake-up
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    if (!mine.done().isDone()) {
                        throw new AccessLogFailure(new SQLException("interrupted while the access log was written"));
                    }
                }
            }
        }
        try {
            return mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof AccessLogFailure f ? f : new AccessLogFailure(new SQLException(e.getCause()));
        }
    }

    /** Writes up to {@link #MAX_BATCH} queued entries in one transaction; the caller holds the writer lock. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null;) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<AccessLogEntry> written;
        try {
            written = database.inTransaction(c -> {
                AccessLogStore.Head head = store.lockHead(c)
                        .orElseThrow(() -> new SQLException("access_log_head has no row: migration V6 incomplete"));
                long lastSeq = head.lastSeq();
                String lastHash = head.lastHash();
                List<AccessLogEntry> entries = new ArrayList<>();
                List<StoredAccessEntry> rows = new ArrayList<>();
                for (Pending p : batch) {
                    AccessLogEntry e = p.entry();
                    AccessLogEntry unhashed = new AccessLogEntry(e.eventId(), ++lastSeq, e.at(), e.node(), e.action(),
                            e.outcome(), e.userId(), e.userName(), e.role(), e.organisation(), e.onBehalfOf(),
                            e.purpose(), e.personIds(), e.caseId(), e.objectType(), e.objectId(), e.requestId(),
                            e.detail(), e.restricted(), lastHash, null);
                    AccessLogEntry entry = withHash(unhashed, HashChain.hash(unhashed));
                    rows.add(stored(entry));
                    entries.add(entry);
                    lastHash = entry.hash();
                }
                store.appendAll(c, rows);
                store.moveHead(c, lastSeq, lastHash);
                return entries;
            });
            AccessLogEntry last = written.get(written.size() - 1);
            written(last.seqNo(), last.hash());
        } catch (Throwable e) {
            // every waiter of the batch learns it failed, also on an Error (an OutOfMemoryError, a class
            // gone in a bundle refresh): a waiter left without an answer would wait for ever
            AccessLogFailure failure = e instanceof SQLException q ? new AccessLogFailure(q)
                    : new AccessLogFailure(new SQLException(e));
            batch.forEach(p -> {
                p.done().completeExceptionally(failure);
                LockSupport.unpark(p.waiter());
            });
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(written.get(i));
            LockSupport.unpark(batch.get(i).waiter());
        }
    }

    private static AccessLogEntry withHash(AccessLogEntry e, String hash) {
        return new AccessLogEntry(e.eventId(), e.seqNo(), e.at(), e.node(), e.action(), e.outcome(), e.userId(),
                e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(), e.personIds(), e.caseId(),
                e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(), e.prevHash(), hash);
    }

    private StoredAccessEntry stored(AccessLogEntry e) {
        return (new StoredAccessEntry(e.seqNo(), e.eventId(), e.at(), e.node(), e.action().name(), e.outcome(),
                e.userId(), e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(), e.personIds(),
                e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(), e.prevHash(),
                e.hash(), seal.entryMac(e.hash())));
    }

    @Override
    public List<AccessLogEntry> query(AccessLogQuery q) {
        if (q == null) {
            throw new InvalidInputException("query", "is required");
        }
        int limit = limit(q.limit());
        AccessLogFilter filter = new AccessLogFilter(q.from(), q.to(), q.userId(), q.personId(), q.caseId(),
                q.action() == null ? null : q.action().name(), q.outcome(), q.afterSeq(), q.requestId());
        return select(c -> store.query(c, filter, limit));
    }

    @Override
    public List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit) {
        if (personId == null || personId.isBlank()) {
            throw new InvalidInputException("personId", "is required");
        }
        // What concerns a person: the entries that name them. From V10 on an entry on a case names the
        // case's members at the moment it was written; entries written before V10 named only the case,
        // and for those the person's membership of the case still counts
        int checked = limit(limit);
        return select(c -> store.forPerson(c, personId, from, to, checked));
    }

    @Override
    public List<AccessLogEntry> allForPerson(String personId) {
        if (personId == null || personId.isBlank()) {
            throw new InvalidInputException("personId", "is required");
        }
        // pages of MAX_LIMIT down the chain, each below the last one's oldest sequence number: an entry
        // appended meanwhile is above the first page and read by none; none is read twice
        List<AccessLogEntry> out = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            long below = before;
            List<AccessLogEntry> page = select(c -> store.forPersonBefore(c, personId, below, MAX_LIMIT));
            out.addAll(page);
            if (page.size() < MAX_LIMIT) {
                return out;
            }
            before = page.get(page.size() - 1).seqNo();
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private List<AccessLogEntry> select(Database.SqlWork<List<StoredAccessEntry>> read) {
        try {
            return database.read(read).stream().map(HashChainedAccessLog::entry).toList();
        } catch (SQLException e) {
            throw new AccessLogFailure(e);
        }
    }

    private static AccessLogEntry entry(StoredAccessEntry e) {
        return new AccessLogEntry(e.eventId(), e.seqNo(), e.at(), e.node(), action(e.action()), e.outcome(), e.userId(),
                e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(), e.personIds(), e.caseId(),
                e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(), e.prevHash(), e.hash());
    }

    /** An unknown action name (a changed row) must reach verification as a broken entry, not an exception. */
    private static AccessAction action(String name) {
        try {
            return AccessAction.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public ChainVerification verify() {
        return verify(false);
    }

    @Override
    public ChainVerification verifySinceLastVerification() {
        return verify(true);
    }

    /**
     * Checks the chain (from the first entry, or from this node's last verification's mark) and, when it
     * is intact, marks the entry it ended at in the checkpoint file, signed: the next incremental check
     * starts there.
     */
    private ChainVerification verify(boolean incremental) {
        long[] lastSeq = {0};
        String[] lastHash = {null};
        ChainVerification result;
        try {
            result = database.read(c -> verify(c, incremental, lastSeq, lastHash));
        } catch (SQLException e) {
            throw new AccessLogFailure(e);
        }
        if (result.intact() && lastSeq[0] > 0) {
            try {
                seal.verified(new AuditSeal.Checkpoint(lastSeq[0], lastHash[0], clock.instant()));
            } catch (IOException e) {
                LOG.warn("The access log is intact up to entry {}, but the mark of this verification could not be"
                        + " written to {} ({}): the next incremental verification starts at an earlier mark", lastSeq[0],
                        seal.where(), e.toString());
            }
        }
        return result;
    }

    /** The newest authentic verification mark, or null (then an incremental check is a whole one). */
    private static AuditSeal.Checkpoint lastVerified(AuditSeal.Checkpoints checkpoints) {
        AuditSeal.Checkpoint last = null;
        for (AuditSeal.Checkpoint v : checkpoints.verified()) {
            if (last == null || v.seq() > last.seq()) {
                last = v;
            }
        }
        return last;
    }

    private ChainVerification verify(Connection c, boolean incremental, long[] lastSeqOut, String[] lastHashOut)
            throws SQLException {
        AuditSeal.Checkpoints checkpoints;
        try {
            checkpoints = seal.checkpoints();
        } catch (IOException e) {
            return broken(0, null, null, "the checkpoint file " + seal.where() + " cannot be read: " + e.getMessage());
        }
        Map<Long, AuditSeal.Checkpoint> anchored = new HashMap<>();
        long lastAnchored = 0;
        AuditSeal.Checkpoint lastCheckpoint = null;
        for (AuditSeal.Checkpoint cp : checkpoints.valid()) {
            anchored.put(cp.seq(), cp);
            if (cp.seq() >= lastAnchored) {
                lastAnchored = cp.seq();
                lastCheckpoint = cp;
            }
        }
        long expectedSeq = 1;
        String prevHash = HashChain.GENESIS;
        AuditSeal.Checkpoint from = incremental ? lastVerified(checkpoints) : null;
        if (from != null) {
            // the entry the mark names must still be there with the hash the mark recorded (else the chain
            // was cut or rewritten); it is then checked again like every entry after it (content, MAC,
            // person rows), so a change that left its hash column alone is found too
            List<StoredAccessEntry> at = store.page(c, from.seq(), 1);
            if (at.isEmpty() || at.get(0).seqNo() != from.seq() || !from.hash().equals(at.get(0).hash())) {
                return broken(0, from.seq(), at.isEmpty() ? null : at.get(0).eventId(), "entry " + from.seq()
                        + (at.isEmpty() || at.get(0).seqNo() != from.seq() ? " is missing" : " was changed")
                        + " since the verification of " + from.at() + " found the chain intact up to it");
            }
            expectedSeq = from.seq();
            prevHash = at.get(0).prevHash();
        }
        // every entry up to the mark has its person rows; one after it has none yet (or, the mark moved back
        // by hand, the ones it had): the access view finds those by their own list, which their hash covers
        long indexedTo = store.personsIndexedTo(c);
        if (indexedTo < 0) {
            return broken(0, null, null, "the mark of the entries whose person rows are written"
                    + " (access_log_person_mark) is missing: removed by hand");
        }
        // the head first, and the chain up to it: an entry appended while the pages are read (every request
        // appends) belongs to the next verification; read last, the head ran ahead of the pages and a live
        // log was reported cut at the end
        Optional<AccessLogStore.Head> head = store.head(c);
        if (head.isEmpty()) {
            return broken(0, null, null, "the chain's head row is missing");
        }
        long lastSeq = head.get().lastSeq();
        String lastHash = head.get().lastHash();
        long checked = 0;
        while (true) {
            List<AccessLogEntry> page = new ArrayList<>();
            List<String> macs = new ArrayList<>();
            List<StoredAccessEntry> read = store.page(c, expectedSeq, VERIFY_PAGE);
            for (StoredAccessEntry stored : read) {
                if (stored.seqNo() > lastSeq) {
                    break;
                }
                page.add(entry(stored));
                macs.add(stored.mac());
            }
            Map<Long, Set<String>> personRows = page.isEmpty() ? Map.of()
                    : store.personRows(c, page.get(0).seqNo(), page.get(page.size() - 1).seqNo());
            for (int i = 0; i < page.size(); i++) {
                AccessLogEntry e = page.get(i);
                if (e.seqNo() != expectedSeq) {
                    return broken(checked, e.seqNo(), e.eventId(), "entry " + expectedSeq + " is missing (removed): the "
                            + "chain jumps from " + (expectedSeq - 1) + " to " + e.seqNo());
                }
                if (!prevHash.equals(e.prevHash())) {
                    return broken(checked, e.seqNo(), e.eventId(), "entry " + e.seqNo() + " does not link to the entry "
                            + "before it (an entry was removed, inserted or reordered)");
                }
                if (e.action() == null || e.at() == null || !HashChain.hash(e).equals(e.hash())) {
                    return broken(checked, e.seqNo(), e.eventId(), "entry " + e.seqNo() + " was changed: its hash "
                            + "does not match its content");
                }
                if (!seal.entryMacMatches(e.hash(), macs.get(i))) {
                    return broken(checked, e.seqNo(), e.eventId(), "entry " + e.seqNo() + " is not authentic: its MAC "
                            + (macs.get(i) == null ? "is missing" : "does not match")
                            + " (the chain was rewritten and its hashes recomputed, or the entry was written without"
                            + " the log's key)");
                }
                Set<String> listed = new HashSet<>(e.personIds());
                Set<String> rows = personRows.getOrDefault(e.seqNo(), Set.of());
                if (!listed.equals(rows) && !(e.seqNo() > indexedTo && rows.isEmpty())) {
                    Set<String> removed = new HashSet<>(listed);
                    removed.removeAll(rows);
                    Set<String> added = new HashSet<>(rows);
                    added.removeAll(listed);
                    return broken(checked, e.seqNo(), e.eventId(), "entry " + e.seqNo() + "'s person rows differ from "
                            + "the persons it names (rows removed for " + removed.size() + " person(s), added for "
                            + added.size() + "): the entry was hidden from or added to a person's access view");
                }
                AuditSeal.Checkpoint cp = anchored.get(e.seqNo());
                if (cp != null && !cp.hash().equals(e.hash())) {
                    return broken(checked, e.seqNo(), e.eventId(), "entry " + e.seqNo() + " differs from the checkpoint"
                            + " of " + cp.at() + " (the chain was rewritten from there)");
                }
                prevHash = e.hash();
                expectedSeq++;
                checked++;
            }
            if (read.size() < VERIFY_PAGE || page.size() < read.size()) {
                break;
            }
        }
        if (!checkpoints.forged().isEmpty()) {
            return broken(checked, null, null, "the checkpoint file " + seal.where() + " has lines that are not"
                    + " authentic (" + String.join(", ", checkpoints.forged()) + ")");
        }
        if (lastAnchored > expectedSeq - 1) {
            return broken(checked, expectedSeq, null, "entries " + expectedSeq + " to " + lastAnchored + " are missing: "
                    + "the chain ends at " + (expectedSeq - 1) + " but the checkpoint of " + lastCheckpoint.at()
                    + " recorded entry " + lastAnchored + " (removed from the end)");
        }
        if (lastSeq != expectedSeq - 1) {
            return broken(checked, expectedSeq, null, lastSeq > expectedSeq - 1
                    ? "entries " + expectedSeq + " to " + lastSeq + " are missing (removed from the end)"
                    : "the head says the chain ends at " + lastSeq + " but it runs to " + (expectedSeq - 1));
        }
        if (!lastHash.equals(prevHash)) {
            return broken(checked, lastSeq, null, "the last entry's hash differs from the head's (the last entry was replaced)");
        }
        lastSeqOut[0] = lastSeq;
        lastHashOut[0] = lastHash;
        return new ChainVerification(true, checked, null, null, null);
    }

    private static ChainVerification broken(long checked, Long seq, String eventId, String reason) {
        return new ChainVerification(false, checked, seq, eventId, reason);
    }
}
