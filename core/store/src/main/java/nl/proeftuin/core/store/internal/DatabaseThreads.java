package nl.proeftuin.core.store.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads an embedded H2 database is used on: threads only this class knows, so nobody can
 * interrupt them (decision 0052).
 *
 * <p>H2 closes its whole store when an interrupt reaches a thread at the wrong moment of a commit:
 * a commit that waits for a contended map root sleeps, the sleep throws {@link InterruptedException},
 * and H2 treats that as a fatal error ({@code MVStore.panic}). From then on every statement of the node
 * fails with "The database has been closed". The {@code retry:} file system of decision 0051 covers the
 * file channel, not this. Threads that call the database are interrupted in the running platform: a
 * scheduler stopped with {@code shutdownNow()}, a plugin call past its time box, a plugin's own poller
 * stopped by its bundle. So the work of a transaction runs here, and the caller waits for it without
 * being interruptible; an interrupt the caller receives meanwhile is kept for it and set again when the
 * work is done.
 *
 * <p>Threads are made when needed and end after a minute idle, so as many callers as now wait for a
 * pooled connection can still do so, with the pool's own time-out; a call from one of these threads
 * (a transaction inside another) runs where it is.
 */
final class DatabaseThreads implements AutoCloseable {

    private static final long IDLE_SECONDS = 60;

    private final AtomicInteger made = new AtomicInteger();
    private final ThreadPoolExecutor threads;

    DatabaseThreads() {
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), work -> {
                    Thread t = new DatabaseThread(work, "proeftuin-db-" + made.incrementAndGet());
                    t.setDaemon(true);
                    // not the caller's (a request thread's or a plugin's): a thread that outlives a refreshed
                    // bundle would keep its class loader
                    t.setContextClassLoader(DatabaseThreads.class.getClassLoader());
                    return t;
                });
    }

    /** The work that touches the database, as {@link nl.proeftuin.core.store.Database.SqlWork} without a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the work on one of these threads and waits for it, also when the calling thread is interrupted.
     *
     * @return what the work returned
     * @throws SQLException what the work threw, or when the database is closing
     */
    <T> T call(Work<T> work) throws SQLException {
        if (Thread.currentThread() instanceof DatabaseThread) {
            return work.run();
        }
        Future<T> result;
        try {
            result = threads.submit(work::run);
        } catch (RejectedExecutionException closed) {
            throw new SQLNonTransientConnectionException("The database is closing", "08003", closed);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work goes on; the caller learns of the interrupt after it
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static SQLException rethrow(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new SQLException(cause);
    }

    /** No new work; work under way ends on its own (nobody interrupts it, not even this). */
    @Override
    public void close() {
        threads.shutdown();
    }

    private static final class DatabaseThread extends Thread {
        DatabaseThread(Runnable work, String name) {
            super(work, name);
        }
    }
}
