package nl.proeftuin.core.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry and its scrape listener, on a free loopback port. */
class PrometheusEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private PrometheusEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scrapeAnswersPrometheusTextWithJvmMetricsAndWhatWasRecorded() throws Exception {
        endpoint = new PrometheusEndpoint("127.0.0.1", freePort(), null);
        Timer.builder("proeftuin.test.calls").tag("point", "TRIAGE").register(endpoint.registry())
                .record(Duration.ofMillis(12));

        HttpResponse<String> r = get("/metrics");

        assertEquals(200, r.statusCode());
        assertEquals(PrometheusEndpoint.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        String body = r.body();
        assertTrue(body.contains("# TYPE proeftuin_test_calls_seconds summary"), body);
        assertTrue(body.contains("proeftuin_test_calls_seconds_count{point=\"TRIAGE\"} 1"), body);
        assertTrue(body.contains("jvm_memory_used_bytes{"), "JVM memory");
        assertTrue(body.contains("jvm_threads_live_threads "), "JVM threads");
        assertTrue(body.contains("jvm_gc_"), "GC");
        assertTrue(body.contains("process_uptime_seconds "), "uptime");
    }

    @Test
    void listensOnLoopbackByDefaultAndAnswersOnlyTheMetricsPath() throws Exception {
        endpoint = new PrometheusEndpoint("127.0.0.1", freePort(), null);

        assertTrue(endpoint.address().getAddress().isLoopbackAddress(), endpoint.address().toString());
        assertEquals(404, get("/").statusCode());
        assertEquals(404, get("/metrics/../api").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + endpoint.address().getPort() + "/metrics")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aTakenPortLeavesTheRegistryWorkingWithoutAListener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            endpoint = new PrometheusEndpoint("127.0.0.1", taken.getLocalPort(), null);

            assertNull(endpoint.address());
            assertNotNull(endpoint.registry().scrape());
        }
    }
}
