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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.proeftuin.core.spi.ExtensionPoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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

    /** Buckets of the call-time histogram: around the default budget of 2 s (decision 0023). */
    static final Duration[] CALL_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5)};

    private final Duration budget;
    private final ThreadPoolExecutor pool;

    /**
     * The node's metrics, when the metrics bundle runs: optional and dynamic, so plugin calls never wait
     * for it; greedy, so a registry that comes later is used. Labels are the extension point and the
     * plugin id (both bounded by what is installed), never anything of a request.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterRegistry meters;

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

    /**
     * Runs a plugin's call within the budget and records it as {@code proeftuin_plugin_calls_seconds}
     * with its point, plugin and outcome ({@code answered}, {@code failed}, {@code overrun}).
     */
    <T> Result<T> call(ExtensionPoint point, String pluginId, Callable<T> call) {
        long started = System.nanoTime();
        Result<T> result = call(call);
        MeterRegistry registry = meters;
        if (registry != null) {
            String outcome = result instanceof Returned ? "answered" : result instanceof Threw ? "failed" : "overrun";
            Timer.builder("proeftuin.plugin.calls").description("Plugin calls by extension point, plugin and outcome")
                    .tags("point", point.name(), "plugin", pluginId, "outcome", outcome)
                    .serviceLevelObjectives(CALL_BUCKETS).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        return result;
    }

    /**
     * Counts a fallback as {@code proeftuin_plugin_fallbacks_total} by point, plugin ({@code none} when
     * unbound) and reason ({@code unbound}, {@code absent}, {@code failed}, {@code timeout}).
     *
     * @param alertKind the fallback's alert kind ({@code PLUGIN_TIMEOUT}, ...)
     */
    void countFallback(ExtensionPoint point, String pluginId, String alertKind) {
        MeterRegistry registry = meters;
        if (registry != null) {
            String reason = alertKind.startsWith("PLUGIN_") ? alertKind.substring(7).toLowerCase(java.util.Locale.ROOT)
                    : alertKind.toLowerCase(java.util.Locale.ROOT);
            Counter.builder("proeftuin.plugin.fallbacks").description("Plugin calls answered by the core's fallback")
                    .tags("point", point.name(), "plugin", pluginId == null ? "none" : pluginId, "reason", reason)
                    .register(registry).increment();
        }
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
