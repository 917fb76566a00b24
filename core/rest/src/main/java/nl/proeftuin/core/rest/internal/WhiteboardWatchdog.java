package nl.proeftuin.core.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FilterDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every platform servlet and filter published on the HTTP Whiteboard is really registered.
 *
 * <p>The cause it guards against (Pax Web 8.0, Karaf 4.4): the whiteboard extender resolves the target
 * context of a new servlet <em>outside</em> its lock ({@code AbstractElementTracker.addingService}) and
 * only then adds the servlet under the lock. When the HTTP service arrives in between, the extender
 * marks its default context registered and re-resolves every servlet it already knows
 * ({@code WhiteboardExtenderContext.webContainerAdded}) — but not the one still on its way, which it
 * then keeps with no context at all ("No matching target context(s) for Whiteboard element ...") and no
 * failure DTO. It would only be looked at again when some servlet context helper is added or removed.
 * At boot, where our bundles start while Pax Web starts, that happened on about one start in seven:
 * {@code /api/v1} answered 404 until a {@code bundle:restart}.
 *
 * <p>So this component compares what the platform's bundles publish (every {@link Servlet} and
 * {@link Filter} service with a whiteboard name, from bundles {@code nl.proeftuin.*}) with what the HTTP
 * runtime reports as registered, once a second. An element missing twice in a row is the stranded
 * case: the watchdog registers a servlet context helper of its own for a moment and removes it again,
 * which makes the extender re-resolve every element (its {@code reRegisterWebElements}), and the
 * stranded one finds the default context. Nothing is re-registered that is already serving.
 */
@Component(immediate = true)
public class WhiteboardWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardWatchdog.class);
    static final String NUDGE_CONTEXT = "proeftuin-whiteboard-nudge";

    private final BundleContext context;
    private final ScheduledExecutorService timer;
    /** Nudges in a row that did not help; after {@link #MAX_NUDGES} the watchdog only reports. */
    static final int MAX_NUDGES = 5;
    private Set<String> missingBefore = Set.of();
    private int nudges;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime runtime;

    @Activate
    public WhiteboardWatchdog(BundleContext context) {
        this.context = context;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proeftuin-whiteboard-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /** One round: find the stranded elements and, when they stay stranded, nudge the extender. */
    void check() {
        try {
            HttpServiceRuntime http = runtime;
            if (http == null) {
                missingBefore = Set.of();
                return;
            }
            Set<String> missing = published();
            missing.removeAll(registered(http.getRuntimeDTO()));
            Set<String> stranded = new TreeSet<>(missing);
            stranded.retainAll(missingBefore);
            missingBefore = missing;
            if (missing.isEmpty()) {
                nudges = 0;
            } else if (!stranded.isEmpty() && nudges < MAX_NUDGES) {
                nudges++;
                LOG.warn("HTTP Whiteboard elements published but not registered: {}; asking the whiteboard to resolve"
                        + " their contexts again ({} of {})", stranded, nudges, MAX_NUDGES);
                nudge();
                missingBefore = Set.of();
            }
        } catch (RuntimeException e) {
            LOG.debug("whiteboard check failed", e);
        }
    }

    /** @return "servlet:name" and "filter:name" of what the platform's bundles publish */
    private Set<String> published() {
        Set<String> names = new TreeSet<>();
        add(names, Servlet.class, "servlet:", HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME,
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN);
        add(names, Filter.class, "filter:", HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME,
                HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN);
        return names;
    }

    private void add(Set<String> names, Class<?> type, String prefix, String nameProperty, String patternProperty) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(type.getName(), "(" + patternProperty + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return;
        }
        for (ServiceReference<?> ref : refs) {
            Bundle owner = ref.getBundle();
            Object name = ref.getProperty(nameProperty);
            if (owner != null && owner.getSymbolicName() != null && owner.getSymbolicName().startsWith("nl.proeftuin.")
                    && name instanceof String s) {
                names.add(prefix + s);
            }
        }
    }

    /** @return "servlet:name" and "filter:name" of what the runtime serves in any context */
    static Set<String> registered(RuntimeDTO dto) {
        Set<String> names = new TreeSet<>();
        if (dto == null || dto.servletContextDTOs == null) {
            return names;
        }
        for (ServletContextDTO c : dto.servletContextDTOs) {
            if (c.servletDTOs != null) {
                for (ServletDTO s : c.servletDTOs) {
                    names.add("servlet:" + s.name);
                }
            }
            if (c.filterDTOs != null) {
                for (FilterDTO f : c.filterDTOs) {
                    names.add("filter:" + f.name);
                }
            }
            // A servlet that is also an error page (the fallback) may be listed only among the error pages.
            if (c.errorPageDTOs != null) {
                for (org.osgi.service.http.runtime.dto.ErrorPageDTO e : c.errorPageDTOs) {
                    names.add("servlet:" + e.name);
                }
            }
        }
        return names;
    }

    /** Adds and removes a servlet context helper: the extender re-resolves every element's contexts each time. */
    private void nudge() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, NUDGE_CONTEXT);
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, "/" + NUDGE_CONTEXT);
        ServiceRegistration<ServletContextHelper> registration = context.registerService(ServletContextHelper.class,
                new ServletContextHelper(context.getBundle()) {
                }, props);
        registration.unregister();
    }
}
