package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Requests per route TEMPLATE and status, as Prometheus scrapes them: no id of the path in any label. */
class RequestMetricsTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void theTemplateIsTheLabelWithAHistogramAndUnknownPathsAndMethodsCollapse() {
        RequestMetrics.record(registry, "GET", "/cases/{caseId}", 200, TimeUnit.MILLISECONDS.toNanos(7));
        RequestMetrics.record(registry, "GET", "/cases/{caseId}", 200, TimeUnit.MILLISECONDS.toNanos(300));
        RequestMetrics.record(registry, "GET", "/cases/{caseId}", 404, TimeUnit.MILLISECONDS.toNanos(3));
        RequestMetrics.record(registry, "GET", null, 404, 1_000);
        RequestMetrics.record(registry, "BREW", null, 405, 1_000);
        RequestMetrics.record(null, "GET", "/health", 200, 1_000); // metrics off: nothing, no failure

        String scrape = registry.scrape();

        assertTrue(scrape.contains("proeftuin_http_requests_seconds_count{method=\"GET\",route=\"/cases/{caseId}\",status=\"200\"} 2"), scrape);
        assertTrue(scrape.contains("proeftuin_http_requests_seconds_bucket{method=\"GET\",route=\"/cases/{caseId}\",status=\"200\",le=\"0.01\"} 1"), scrape);
        assertTrue(scrape.contains("proeftuin_http_requests_seconds_bucket{method=\"GET\",route=\"/cases/{caseId}\",status=\"200\",le=\"0.5\"} 2"), scrape);
        assertTrue(scrape.contains("proeftuin_http_requests_seconds_count{method=\"GET\",route=\"/cases/{caseId}\",status=\"404\"} 1"), scrape);
        assertTrue(scrape.contains("route=\"unmatched\",status=\"404\""), scrape);
        assertTrue(scrape.contains("method=\"other\",route=\"unmatched\",status=\"405\""), scrape);
        assertEquals(RequestMetrics.BUCKETS.length + 1, Arrays.stream(scrape.split("\n"))
                .filter(l -> l.startsWith("proeftuin_http_requests_seconds_bucket{method=\"GET\",route=\"/cases/{caseId}\",status=\"200\"")).count(),
                "the declared buckets and +Inf");
    }

    @Test
    void theDispatcherLeavesTheMatchedTemplateNeverThePath() throws Exception {
        InMemoryCore core = new InMemoryCore();
        TestSecurity security = TestSecurity.over(core);
        ApiDispatcher api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services());
        assertEquals("/health", Http.get("/health").on(api).attributes.get(RequestMetrics.ROUTE));
        String id = "4f2a0c1e-1b2c-4d5e-8f90-123456789abc";
        Http known = Http.get("/cases/" + id).on(api);
        assertEquals("/cases/{caseId}", known.attributes.get(RequestMetrics.ROUTE), known.text());
        Http unknown = Http.get("/cases/" + id + "/nothing-here").on(api);
        assertEquals(404, unknown.status);
        assertFalse(unknown.attributes.containsKey(RequestMetrics.ROUTE), "no template matched: counted as unmatched");
    }
}
