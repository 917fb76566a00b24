package nl.proeftuin.core.engine.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Calls plugins on a bounded pool of core threads with a time budget, so that a slow or hanging
 * plugin costs one request its plugin (the caller falls back) and never a request thread. A call
 * that overruns is cancelled, which interrupts its thread; a plugin that ignores the interrupt
 * keeps that thread until it returns, which is why the pool and its queue are bounded: a stuck
 * plugin then shows as more timeouts (each with an alert), not as a server that runs out of threads.
 */
@Component(service = TimeBoxedPluginCalls.class)
@Designate(ocd = PluginCallConfig.class)
public class TimeBoxedPluginCalls {

    /** Waiting calls per thread: a short burst waits, a flood is refused at once. */
    static final int QUEUE_PER_THREAD = 16;

    /** How a call ended. */
    sealed interface Result<T> {
    }

    /** It returned (possibly null). */
    record Returned<T>(T value) implements Result<T> {
    }

    /** It threw. */
    record Threw<T>(Throwable error) implements Result<T> {
    }

    /** It did not return within the budget, or could not start (all threads busy, queue full). */
    record Overran<T>(String detail) implements Result<T> {
    }

    private final Duration budget;
    private final ThreadPoolExecutor pool;

    /** @param config the budget and the pool size */
    @Activate
    public TimeBoxedPluginCalls(PluginCallConfig config) {
        this(Duration.ofMillis(config.timeBudgetMillis()), config.threads());
    }

    TimeBoxedPluginCalls(Duration budget, int threads) {
        if (budget.isNegative() || budget.isZero() || threads < 1) {
            throw new IllegalArgumentException("timeBudgetMillis and threads must be at least 1");
        }
        this.budget = budget;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "proeftuin-plugin-call-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive, whatever a plugin does
            return t;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads * QUEUE_PER_THREAD), factory, new ThreadPoolExecutor.AbortPolicy());
    }

    Duration budget() {
        return budget;
    }

    /** Runs the call within the budget; never throws for what the call does. */
    <T> Result<T> call(Callable<T> call) {
        Future<T> future;
        try {
            future = pool.submit(call);
        } catch (RejectedExecutionException e) {
            return new Overran<>("it could not start: all " + pool.getMaximumPoolSize()
                    + " plugin threads were busy and the queue was full");
        }
        try {
            return new Returned<>(future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return new Threw<>(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true); // interrupts the plugin's thread
            return new Overran<>("it did not answer within " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Overran<>("the request was interrupted while waiting for it");
        }
    }

    @Deactivate
    void stop() {
        pool.shutdownNow();
    }
}
