package nl.proeftuin.core.rest.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every API request as {@code proeftuin_http_requests_seconds{method, route, status}}, a histogram
 * (decision 0023). The route is the TEMPLATE the router matched ({@code /cases/{caseId}/plan}), never
 * the path: a path holds case and person ids, which must not become labels (privacy, and one series
 * per case would swamp Prometheus). A path no route matches counts as {@code unmatched}; a method
 * outside HTTP's own as {@code other}.
 */
final class RequestMetrics {

    /** The request attribute under which {@link ApiDispatcher} leaves the matched route's template. */
    static final String ROUTE = RequestMetrics.class.getName() + ".route";
    static final String UNMATCHED = "unmatched";

    /** Buckets of the latency histogram, from a cached health check to a slow search. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Bounded by the route templates (unmatched paths share one), methods and statuses. */
    private static final java.util.Map<Key, Timer> TIMERS = new java.util.concurrent.ConcurrentHashMap<>();

    private RequestMetrics() {
    }

    /**
     * @param registry the node's metrics, or null (then nothing is recorded)
     * @param method   the request's method
     * @param route    what {@link #ROUTE} holds: the template, or null when no route matched
     * @param status   the status answered
     * @param nanos    how long the request took
     */
    static void record(MeterRegistry registry, String method, Object route, int status, long nanos) {
        if (registry == null) {
            return;
        }
        String m = METHODS.contains(method) ? method : "other";
        String r = route instanceof String template ? template : UNMATCHED;
        // perf (issue 13): one timer per registry, method, route and status, built once (not per request)
        TIMERS.computeIfAbsent(new Key(registry, m, r, status), k -> Timer.builder("proeftuin.http.requests")
                .description("API requests by route template and status")
                .tags("method", m, "route", r, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The registry by identity (a new registry gets its own timers), the labels by value. */
    private record Key(MeterRegistry registry, String method, String route, int status) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.registry == registry && k.status == status && k.method.equals(method)
                    && k.route.equals(route);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(registry) * 31 + java.util.Objects.hash(method, route, status);
        }
    }
}
