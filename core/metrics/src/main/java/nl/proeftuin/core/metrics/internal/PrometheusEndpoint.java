package nl.proeftuin.core.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's metrics: one Micrometer {@link PrometheusMeterRegistry}, registered as the OSGi service
 * {@link MeterRegistry} that the core bundles record into (each through an optional reference, so the
 * platform runs the same without this bundle), the JVM's own metrics, and the scrape endpoint
 * {@code GET /metrics} on a listener of its own, bound to loopback unless the administrator names
 * another address. It never shares the public HTTP port, so HAProxy or a port forward to 8181 can
 * never expose it (decision 0023).
 *
 * <p>A listener that cannot bind (port taken) is logged and leaves the registry in place: metrics
 * are never a reason for the node not to serve.
 */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = PrometheusEndpointConfig.class)
public class PrometheusEndpoint {

    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private final ServiceRegistration<MeterRegistry> registration;

    /**
     * @param config  host and port of the listener
     * @param context to register the registry as a service
     */
    @Activate
    public PrometheusEndpoint(PrometheusEndpointConfig config, BundleContext context) {
        this(config.host(), config.port(), context);
    }

    /** @param context null outside a framework (tests): then no service is registered */
    PrometheusEndpoint(String host, int port, BundleContext context) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proeftuin-metrics-scrape");
            t.setDaemon(true);
            return t;
        });
        this.server = listen(host, port);
        // Registered by hand, not as the component's service: the registry is Micrometer's class, and
        // consumers look up Micrometer's interface.
        this.registration = context == null ? null : context.registerService(MeterRegistry.class, registry, null);
    }

    private void bindJvmMetrics() {
        List<MeterBinder> jvm = List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics());
        for (MeterBinder binder : jvm) {
            binder.bindTo(registry);
        }
        try {
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(registry);
            binders.add(gc);
        } catch (LinkageError e) {
            // com.sun.management absent from this JVM: no GC pause metrics, everything else stays
            LOG.warn("JVM garbage collection metrics are not available: {}", e.toString());
        }
    }

    private HttpServer listen(String host, int port) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            HttpServer http = HttpServer.create(address, 16);
            http.createContext(PATH, this::scrape);
            http.createContext("/", exchange -> answer(exchange, 404, "not found: the metrics are at " + PATH + "\n"));
            http.setExecutor(executor);
            http.start();
            if (!address.getAddress().isLoopbackAddress()) {
                LOG.warn("The metrics endpoint listens on {}:{}, not on loopback: it has no login, so let only "
                        + "the Prometheus server reach it (firewall)", host, port);
            } else {
                LOG.info("The metrics endpoint listens on http://{}:{}{}", host, port, PATH);
            }
            return http;
        } catch (IOException | RuntimeException e) {
            LOG.error("The metrics endpoint cannot listen on {}:{} ({}); metrics are recorded but cannot be "
                    + "scraped. Set another port in etc/nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg",
                    host, port, e.toString());
            return null;
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            answer(exchange, 405, "only GET\n");
            return;
        }
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            answer(exchange, 404, "not found: the metrics are at " + PATH + "\n");
            return;
        }
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The registry (for tests in this bundle). */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The address the listener is bound to, or null when it could not bind. */
    InetSocketAddress address() {
        return server == null ? null : server.getAddress();
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it already
            }
        }
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.debug("closing {}", binder, e);
            }
        }
        registry.close();
    }
}
