package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The threads an embedded H2 file's transactions run on (decision 0052). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DatabaseThreadsTest {

    private final DatabaseThreads threads = new DatabaseThreads();

    @AfterEach
    void close() {
        threads.close();
        Thread.interrupted(); // no test leaves the runner's thread interrupted
    }

    @Test
    void theWorkRunsOnAnotherThreadThatTheCallersInterruptDoesNotReach() throws Exception {
        Thread caller = Thread.currentThread();
        caller.interrupt();
        boolean[] seen = threads.call(() -> new boolean[] {Thread.currentThread() == caller,
                Thread.currentThread().isInterrupted()});
        assertFalse(seen[0], "ran on the caller's thread");
        assertFalse(seen[1], "the work's thread saw the caller's interrupt");
        assertTrue(Thread.interrupted(), "the caller keeps its interrupt");
    }

    @Test
    void anInterruptWhileTheWorkRunsWaitsForTheWorkAndIsKept() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        String result = threads.call(() -> {
            running.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // busy, so only the caller can have been interrupted
            }
            return "committed";
        });
        interrupter.join();
        assertEquals("committed", result, "the caller waited for the work to end");
        assertTrue(Thread.interrupted(), "the caller learns of its interrupt after the work");
    }

    @Test
    void aTransactionInsideAnotherRunsWhereItIs() throws Exception {
        Thread[] outerAndInner = threads.call(() -> new Thread[] {Thread.currentThread(),
                threads.call(Thread::currentThread)});
        assertSame(outerAndInner[0], outerAndInner[1]);
        assertNotSame(Thread.currentThread(), outerAndInner[0]);
    }

    @Test
    void whatTheWorkThrowsReachesTheCallerAsItIs() {
        SQLException sql = new SQLException("no", "23505");
        assertSame(sql, assertThrows(SQLException.class, () -> threads.call(() -> {
            throw sql;
        })));
        IllegalStateException runtime = new IllegalStateException("no");
        assertSame(runtime, assertThrows(IllegalStateException.class, () -> threads.call(() -> {
            throw runtime;
        })));
        AssertionError error = new AssertionError("no");
        assertSame(error, assertThrows(AssertionError.class, () -> threads.call(() -> {
            throw error;
        })));
    }

    @Test
    void afterCloseACallIsRefusedAsAConnectionFailure() {
        threads.close();
        SQLNonTransientConnectionException refused = assertThrows(SQLNonTransientConnectionException.class,
                () -> threads.call(() -> "never"));
        assertEquals("08003", refused.getSQLState(), "the API answers 503 for class 08");
    }
}
