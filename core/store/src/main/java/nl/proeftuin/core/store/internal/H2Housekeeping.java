package nl.proeftuin.core.store.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The file housekeeping H2 no longer does for itself once {@code WRITE_DELAY=0}: keeps the embedded
 * database file near its live data while the platform runs.
 *
 * <p>Why it is needed (see {@code docs/decisions/0010-h2-file-housekeeping.md}): H2 2.x's MVStore
 * writes every durable commit as a new chunk. A chunk whose pages all died is freed only after the
 * retention time (45 s by default; the shipped URL sets {@code RETENTION_TIME=0}), and a chunk that
 * still holds one live page (a full leaf of the access log, the session row) is never freed unless
 * its live pages are rewritten elsewhere. Only the MVStore's background writer thread does that
 * rewriting ({@code doHousekeeping}), and {@code WRITE_DELAY=0}, which the platform needs so an
 * acknowledged commit survives {@code kill -9}, sets the auto-commit delay to 0, which stops that
 * thread altogether: the file grew by tens of kilobytes per request and never shrank.
 *
 * <p>This class does the rewriting on a schedule instead: every {@link #INTERVAL_MILLIS} (and again
 * at once while it finds work, up to {@link #MAX_PASSES} times) it asks the MVStore to rewrite the
 * live pages of its sparsest chunks ({@code MVStore.compact(targetFillRate, write)}, the same call the
 * background thread makes, made for running beside commits: it only takes the store lock when it gets
 * it within 10 ms). The pages go into the next commit's chunk; the
 * emptied chunks are freed and their space reused by later chunks. Durability is unchanged: a commit
 * still writes its chunk before it returns, and no chunk the last stored version uses is overwritten.
 *
 * <p>H2's embedded store is reached through its public classes by reflection (the connection's
 * session, its database, the store's MVStore), because the engine packages are not exported by the
 * H2 bundle. Anything unexpected (another driver, an in-memory or remote database, another H2
 * version) turns the housekeeping off with one log line; it never fails the database.
 */
final class H2Housekeeping implements AutoCloseable {
    static final long INTERVAL_MILLIS = 200;
    /**
     * Chunks are rewritten while less than this percentage of the chunks' space is live. At 90 (H2's
     * own default) a node that writes all the time stayed just under the mark and rewrote the same
     * live pages round after round: a third of a case read's CPU. At 60 the file ends as large (1.92x its
     * live data after 200,000 requests, as at 90) and reading a case costs half the CPU (decision 0048).
     */
    static final int TARGET_FILL_RATE = 60;
    /** At most this many live bytes are moved per round. */
    static final int WRITE_LIMIT = 4 * 1024 * 1024;
    /** Rounds in a row at most, while there is something to rewrite. */
    static final int MAX_PASSES = 8;
    /**
     * Every this many commits the committing thread runs a short round itself, after its connection
     * went back to the pool: writers that make garbage help remove it, whatever CPU share the
     * housekeeping thread gets on a busy node (on two loaded cores it fell behind).
     */
    static final int COMMITS_PER_INLINE_ROUND = 500;
    /** Rounds in a row at most when a committing thread helps. */
    static final int INLINE_PASSES = 2;
    /** Closing spends at most this long rewriting sparse chunks before it moves the chunks together. */
    static final long CLOSE_REWRITE_MILLIS = 2_000;
    /** The chunk fill rate closing rewrites up to (H2's own mark for its close-time compaction). */
    static final int CLOSE_FILL_RATE = 90;
    /**
     * Closing moves every chunk behind the first hole together (then the file is cut after the last one)
     * while the chunks hold at most this much; a larger file is left to H2's own 200 ms of close-time
     * compaction, which moves a slice at a time and can end with the file larger than it found it.
     */
    static final long CLOSE_MOVE_LIMIT = 256L * 1024 * 1024;

    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class.getName());

    private final DataSource pool;
    private final ScheduledExecutorService timer;

    private H2Housekeeping(DataSource pool) {
        this.pool = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proeftuin-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * @param pool the pool of an H2 database
     * @return the running housekeeping, or null when the database is not an embedded H2 file
     */
    static H2Housekeeping startIfFileDatabase(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            if (mvStore(c) == null) {
                return null;
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "H2 file housekeeping is off: the embedded store cannot be reached", e);
            return null;
        }
        return new H2Housekeeping(pool);
    }

    /** Called after each commit; every {@link #COMMITS_PER_INLINE_ROUND}th runs a short round in the caller. */
    void afterCommit() {
        if (commits.incrementAndGet() % COMMITS_PER_INLINE_ROUND == 0) {
            runOnce(INLINE_PASSES);
        }
    }

    /** One round: rewrite the live pages of the sparsest chunks, up to {@link #WRITE_LIMIT} bytes a pass. */
    void runOnce() {
        runOnce(MAX_PASSES);
    }

    private void runOnce(int maxPasses) {
        try (Connection c = pool.getConnection()) {
            Object store = openMvStore(c);
            if (store != null) {
                Method compact = store.getClass().getMethod("compact", int.class, int.class);
                // While a round finds sparse chunks to rewrite, go on at once (a busy node makes garbage
                // faster than one round a tick removes); false also when the store lock was busy.
                int passes = 0;
                while (passes++ < maxPasses && (Boolean) compact.invoke(store, TARGET_FILL_RATE, WRITE_LIMIT)) {
                    // rewritten: look again
                }
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // A closing database, a full disk: the next round tries again; nothing is lost meanwhile.
            LOG.log(Level.FINE, "H2 file housekeeping round failed", e);
        }
    }

    /** @return H2's {@code MVStore} behind this connection, or null for an in-memory or remote database */
    static Object mvStore(Connection pooled) throws SQLException, ReflectiveOperationException {
        Connection h2 = pooled.unwrap(Connection.class);
        if (!h2.getClass().getName().equals("org.h2.jdbc.JdbcConnection")) {
            return null;
        }
        Object session = call(h2, "getSession");
        if (!session.getClass().getName().equals("org.h2.engine.SessionLocal")) {
            return null; // a remote (TCP) connection: the server does its own housekeeping
        }
        Object database = call(session, "getDatabase");
        if (!(Boolean) call(database, "isPersistent")) {
            return null;
        }
        Object store = call(call(database, "getStore"), "getMvStore");
        return store == null || call(store, "getFileStore") == null ? null : store;
    }

    /** @return the {@code MVStore} behind this connection while it is open, else null */
    private static Object openMvStore(Connection c) throws SQLException, ReflectiveOperationException {
        Object store = mvStore(c);
        return store == null || (Boolean) call(store, "isClosed") ? null : store;
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    /**
     * Stops the rounds and leaves the file near its live data for the next start: rewrites the sparse
     * chunks up to {@link #CLOSE_FILL_RATE} (for at most {@link #CLOSE_REWRITE_MILLIS}), commits them,
     * and moves all chunks together so the file is cut after the last one. H2's own close-time
     * compaction then finds nothing to do. Left to itself, that compaction stops after 200 ms wherever
     * it is, also halfway through moving chunks to the end of the file: in six runs of
     * {@code H2FileGrowthTest} the closed file was 1.26x to 3.09x its live data, once 15 % larger than
     * before closing (decision 0051). Must be called before the pool closes; a second call does nothing.
     */
    @Override
    public void close() {
        if (timer.isShutdown()) {
            return; // closed before
        }
        // Not shutdownNow(): an interrupt in the middle of a round's file read closed the file channel, and
        // H2 then closed the store without its clean shutdown (decision 0051). A round is short (at most
        // MAX_PASSES rewrites of WRITE_LIMIT bytes).
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (Connection c = pool.getConnection()) {
            Object store = openMvStore(c);
            if (store == null) {
                return;
            }
            Method compact = store.getClass().getMethod("compact", int.class, int.class);
            Object fileStore = call(store, "getFileStore");
            long started = System.nanoTime();
            long sizeBefore = (Long) call(fileStore, "size");
            int fillBefore = (Integer) call(fileStore, "getChunksFillRate");
            long stopAt = started + TimeUnit.MILLISECONDS.toNanos(CLOSE_REWRITE_MILLIS);
            int rewrites = 0;
            while (System.nanoTime() < stopAt && (Boolean) compact.invoke(store, CLOSE_FILL_RATE, WRITE_LIMIT)) {
                call(store, "commit"); // the rewritten pages leave their old chunks only once committed
                rewrites++;
            }
            call(store, "commit");
            long chunks = (Long) call(fileStore, "size") * (Integer) call(fileStore, "getFillRate") / 100;
            boolean moved = chunks <= CLOSE_MOVE_LIMIT;
            if (moved) {
                fileStore.getClass().getMethod("compactMoveChunks", int.class, long.class, store.getClass())
                        .invoke(fileStore, 101, Long.MAX_VALUE, store);
            }
            // one line per close: what the file was and became (CI once saw a closed file at 1.26x its live
            // data where it is 1.06-1.07x otherwise, with nothing to tell why)
            LOG.info(String.format(java.util.Locale.ROOT, "H2 file before closing: %,d bytes, chunks %d %% live; %d"
                    + " rewrites of sparse chunks, chunks %s; now %,d bytes, chunks %d %% live (%d ms)", sizeBefore,
                    fillBefore, rewrites, moved ? "moved together" : "left in place (too large to move)",
                    (Long) call(fileStore, "size"), (Integer) call(fileStore, "getChunksFillRate"),
                    (System.nanoTime() - started) / 1_000_000));
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // The file stays as it is (H2's own close-time compaction still runs); nothing is lost.
            LOG.log(Level.WARNING, "H2 file compaction before closing failed; the file may stay larger than its"
                    + " live data until the housekeeping after the next start", e);
        }
    }
}
