package nl.proeftuin.testing;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.store.Database;

/**
 * A real database whose transactions, once their work is done, wait before they commit until the test
 * releases them, with every lock they took still held: one side of a deterministic race, run through a
 * service's own code. {@link #awaitWorkDone()} returns when the first transaction got there; reads pass
 * straight through.
 */
public final class HeldDatabase extends DelegatingDatabase {
    private static final long SECONDS = 30;

    private final CountDownLatch workDone = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    public HeldDatabase(Database real) {
        super(real);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return real.inTransaction(c -> {
            T result = work.apply(c);
            workDone.countDown();
            try {
                if (!release.await(SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held transaction was not released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return result;
        });
    }

    /** Waits until a transaction did its work and is held. */
    public void awaitWorkDone() throws InterruptedException {
        if (!workDone.await(SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no transaction did its work");
        }
    }

    /** Lets the held transaction (and every later one) commit. */
    public void release() {
        release.countDown();
    }

    /**
     * Releases the held transaction once another transaction is seen waiting for a lock, or once the other
     * side finished without waiting (or after 30 s).
     *
     * @param other the other side of the race, already started
     * @return whether a transaction was seen waiting for a lock before the release
     */
    public boolean releaseOnceAnotherWaits(Future<?> other) throws SQLException, InterruptedException {
        String waiting = real.dialect() == Dialect.POSTGRESQL ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        boolean waits = false;
        while (!waits && !other.isDone() && System.nanoTime() < until) {
            waits = real.read(c -> {
                try (var rs = c.createStatement().executeQuery(waiting)) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            });
            Thread.sleep(20);
        }
        release();
        return waits;
    }

}
