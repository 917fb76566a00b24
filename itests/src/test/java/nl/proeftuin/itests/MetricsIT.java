package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import nl.proeftuin.testing.LoopbackPorts;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Metrics in the real distribution (decision 0023): API calls, a plugin call and a fallback, then a
 * scrape of the separate listener, which must hold the route/status histograms, the plugin metrics,
 * the outbox and maatwerk gauges, the access-log append time, the pool and the JVM, with plausible
 * values, no id or user name in any label, and be bound to loopback only. The alert rules in
 * docs/ops/prometheus/alerts.yml must name only metrics this scrape has. Stopping the metrics bundle
 * leaves the node serving and ready.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends KarafTestSupport {
    static final String METRICS_PORT = "proeftuin.test.metrics.port";
    static final String ALERTS_FILE = "proeftuin.test.alerts";
    private static final String METRICS_CFG = "etc/nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg";
    private static final HttpClient SCRAPER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = baseOptions();
        int port = LoopbackPorts.free();
        // the shipped file says host = 127.0.0.1; only the port changes, so two test JVMs never collide
        options.add(editConfigurationFilePut(METRICS_CFG, "port", String.valueOf(port)));
        options.add(systemProperty(METRICS_PORT).value(String.valueOf(port)));
        options.add(systemProperty(ALERTS_FILE).value(new File("../docs/ops/prometheus/alerts.yml").getCanonicalPath()));
        return options.toArray(new Option[0]);
    }

    private static int metricsPort() {
        return Integer.parseInt(System.getProperty(METRICS_PORT));
    }

    static HttpResponse<String> scrapeResponse() throws IOException, InterruptedException {
        return SCRAPER.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort() + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample whose line starts with {@code prefix} (name and labels), or fails. */
    static double sample(String scrape, String prefix) {
        return samples(scrape, prefix).get(0);
    }

    /** The sum of every sample whose line starts with {@code prefix}, or fails when there is none. */
    static double sum(String scrape, String prefix) {
        return samples(scrape, prefix).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> samples(String scrape, String prefix) {
        List<Double> values = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(prefix)) {
                values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        if (values.isEmpty()) {
            throw new AssertionError("no sample " + prefix + " in the scrape:\n" + scrape);
        }
        return values;
    }

    @Test
    public void aScrapeAfterApiCallsHoldsEveryFamilyWithPlausibleValuesAndNoIds() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature("proeftuin-plugin-triage-threeway");
        awaitPlugin("triage-threeway");

        // traffic: persons and cases (ids in the path), a triage with the fallback (nothing bound for
        // Ede yet) and one answered by the plugin, a 404 on a case, a path no route has
        String child = person("Sem", "Kok", "2015-02-03");
        String ede = openCase("Ede", child);
        String arnhem = openCase("Arnhem", person("Lot", "Kok", "2016-03-04"));
        triage(ede);
        bind("TRIAGE/region", "triage-threeway");
        triage(arnhem);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/api/v1/cases/" + ede).statusCode());
        }
        assertEquals(404, get("/api/v1/cases/0b7e6f1c-0000-4000-8000-000000000000").statusCode());
        assertEquals(404, get("/api/v1/no-such-route/" + ede).statusCode());

        HttpResponse<String> response = scrapeResponse();
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        String scrape = response.body();

        // requests per route TEMPLATE and status, with histogram buckets
        String caseRoute = "method=\"GET\",route=\"/cases/{caseId}\",status=\"200\"";
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_count{" + caseRoute + "}") >= 5);
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_sum{" + caseRoute + "}") > 0);
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_bucket{" + caseRoute + ",le=\"+Inf\"}") >= 5);
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_bucket{" + caseRoute + ",le=\"0.25\"}") >= 1);
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_count{method=\"GET\",route=\"/cases/{caseId}\",status=\"404\"}") >= 1);
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_count{method=\"POST\",route=\"/cases\",status=\"201\"}") >= 2);
        assertTrue(sample(scrape, "proeftuin_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}") >= 1);
        // plugin calls per point and plugin, fallbacks
        assertEquals(1.0, sample(scrape,
                "proeftuin_plugin_calls_seconds_count{outcome=\"answered\",plugin=\"triage-threeway\",point=\"TRIAGE\"}"), 0);
        assertTrue(sample(scrape,
                "proeftuin_plugin_fallbacks_total{plugin=\"none\",point=\"TRIAGE\",reason=\"unbound\"}") >= 1);
        // outbox and maatwerk gauges (read from the database at scrape time)
        double pending = sample(scrape, "proeftuin_outbox_backlog_events{status=\"pending\"}");
        double waiting = sample(scrape, "proeftuin_outbox_backlog_events{status=\"waiting\"}");
        double age = sample(scrape, "proeftuin_outbox_oldest_undelivered_age_seconds ");
        assertTrue(pending >= 0 && waiting >= 0 && age >= 0 && age < 3600);
        assertTrue(pending + waiting == 0 ? age == 0 : age >= 0);
        assertEquals(0.0, sample(scrape, "proeftuin_maatwerk_past_deadline_requests "), 0);
        // access-log appends: every API request above was logged
        assertTrue(sample(scrape, "proeftuin_access_log_append_seconds_count{outcome=\"written\"}") >= 10);
        assertTrue(sample(scrape, "proeftuin_access_log_append_seconds_bucket{outcome=\"written\",le=\"+Inf\"}") >= 10);
        // the pool
        assertEquals(10.0, sample(scrape, "hikaricp_connections_max{pool=\"proeftuin\"}"), 0);
        assertTrue(sample(scrape, "hikaricp_connections{pool=\"proeftuin\"}") >= 1);
        double active = sample(scrape, "hikaricp_connections_active{pool=\"proeftuin\"}");
        assertTrue(active >= 0 && active <= 10);
        sample(scrape, "hikaricp_connections_pending{pool=\"proeftuin\"}");
        // the JVM
        // every heap pool summed: the first pool listed (eden) can be empty right after a collection
        assertTrue(sum(scrape, "jvm_memory_used_bytes{area=\"heap\"") > 1_000_000);
        assertTrue(sample(scrape, "jvm_threads_live_threads ") > 10);
        assertTrue(scrape.contains("jvm_gc_pause_seconds") || scrape.contains("jvm_gc_memory_allocated_bytes_total"));

        // privacy: no case or person id, no user name anywhere in the output
        for (String secret : List.of(ede, arnhem, child, PROFESSIONAL, COORDINATOR, "Sem", "Kok")) {
            assertFalse("the scrape names " + secret, scrape.contains(secret));
        }
        Matcher uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(scrape);
        assertFalse("an id in the scrape", uuid.find());

        // the alert rules name only metrics this node publishes
        assertAlertRulesNameScrapedMetrics(scrape);
    }

    @Test
    public void theScrapeListenerIsOnLoopbackOnlyAndNotOnThePublicPort() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        assertEquals(200, scrapeResponse().statusCode());
        // not served by the public HTTP port
        assertEquals(404, send("GET", "/metrics", null, null).statusCode());
        // bound to loopback: the kernel's table of listening sockets names 127.0.0.1 (no traffic to any
        // other address is needed to tell)
        List<String> listening = listeningAddresses(metricsPort());
        assertFalse("no listening socket found for port " + metricsPort(), listening.isEmpty());
        for (String address : listening) {
            assertTrue("the metrics port listens on " + address, address.equals("127.0.0.1"));
        }
        System.out.println("MetricsIT: metrics port " + metricsPort() + " listens on " + listening);
    }

    /**
     * The local addresses of the sockets LISTENing on a TCP port, from /proc/net/tcp and tcp6 (Linux):
     * IPv4 as dotted quads, an IPv4-mapped IPv6 address as its IPv4 part, other IPv6 addresses in hex.
     */
    static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[1].contains(":") || !"0A".equals(f[3])) {
                    continue; // the header, or not LISTEN
                }
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                String hex = local[0];
                if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
                    hex = hex.substring(24); // ::ffff:a.b.c.d
                }
                if (hex.length() == 8) {
                    long v = Long.parseLong(hex, 16); // little-endian
                    addresses.add((v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff));
                } else {
                    addresses.add(hex);
                }
            }
        }
        return addresses;
    }

    @Test
    public void theNodeServesAndStaysReadyWithTheMetricsBundleStopped() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        Bundle metrics = bundle("nl.proeftuin.core.metrics");
        metrics.stop();
        try {
            assertTrue(get("/api/v1/health/ready").statusCode() == 200 || awaitReady(Duration.ofSeconds(10)) != null);
            String child = person("Mila", "Jansen", "2017-01-02");
            assertNotNull(openCase("Ede", child));
            assertEquals(200, send("GET", "/api/v1/health/ready", null, null).statusCode());
            try {
                scrapeResponse();
                fail("the listener still answers with the bundle stopped");
            } catch (ConnectException expected) {
                // closed
            }
        } finally {
            metrics.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                HttpResponse<String> again = scrapeResponse();
                if (again.statusCode() == 200 && again.body().contains("hikaricp_connections_max")
                        && again.body().contains("proeftuin_outbox_backlog_events")) {
                    break;
                }
            } catch (ConnectException notYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                fail("metrics did not come back after the bundle started again");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Reads the rules file line by line (its shape is ours: {@code - alert:}, {@code expr:}, {@code for:},
     * {@code severity:}, {@code summary:} for every rule) and checks every metric an expression names
     * is in the scrape. {@code promtool check rules} checks the syntax where Prometheus is installed.
     */
    static void assertAlertRulesNameScrapedMetrics(String scrape) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty(ALERTS_FILE)));
        assertTrue(lines.stream().anyMatch(l -> l.equals("groups:")));
        Set<String> alerts = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        Pattern name = Pattern.compile("\\b((?:proeftuin|hikaricp|jvm)_[a-z_]+)");
        String current = null;
        int fields = 0;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("- alert:")) {
                assertTrue(current + " is incomplete", current == null || fields == 4);
                current = t.substring("- alert:".length()).trim();
                alerts.add(current);
                fields = 0;
            } else if (current != null && (t.startsWith("expr:") || t.startsWith("for:") || t.startsWith("severity:")
                    || t.startsWith("summary:"))) {
                fields++;
                if (t.startsWith("expr:")) {
                    Matcher m = name.matcher(t);
                    while (m.find()) {
                        metrics.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(current + " is incomplete", 4, fields);
        assertTrue(alerts.toString(), alerts.containsAll(Set.of("ProeftuinOutboxStuck", "ProeftuinAccessLogFailing",
                "ProeftuinPluginFallingBack")));
        for (String metric : metrics) {
            // counters and histograms appear with their suffixes; a family's # TYPE line names its base
            String base = metric.replaceAll("_(count|sum|bucket)$", "");
            assertTrue("alerts.yml names " + metric + ", which the scrape lacks",
                    scrape.contains("\n" + metric + "{") || scrape.contains("\n" + metric + " ")
                            || scrape.contains("# TYPE " + base + " "));
        }
        System.out.println("MetricsIT: alerts " + alerts + " name metrics " + metrics + ", all in the scrape");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static String openCase(String municipality, String child) throws Exception {
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School meldt zorgen.","receivedOn":"%s",
                 "municipality":"%s","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), municipality, child), 201).path("id").asText();
    }

    private static void triage(String caseId) throws Exception {
        post("/api/v1/cases/" + caseId + "/triage", """
                {"problemDomains":["SAFETY","PARENTING","HOUSING"],"safetyConcern":"SERIOUS","repeatedViolence":true,
                 "earlierHelpWithoutResult":false,"parentalProblems":["ADDICTION"]}""", 201);
    }

    private static void bind(String scopePath, String pluginId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("pluginId", pluginId, "configuration", Map.of(),
                "reason", "test: bind " + pluginId));
        HttpResponse<String> response = sendAs(COORDINATOR, "PUT", "/api/v1/bindings/" + scopePath, body, "application/json");
        assertEquals(response.body(), 200, response.statusCode());
    }

    private static void awaitPlugin(String pluginId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (getAs(COORDINATOR, "/api/v1/plugins").body().contains("\"" + pluginId + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plugin " + pluginId + " never appeared");
    }
}
