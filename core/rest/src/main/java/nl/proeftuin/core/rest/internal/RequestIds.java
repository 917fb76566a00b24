package nl.proeftuin.core.rest.internal;

import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import nl.proeftuin.core.api.TimeOrderedIds;

import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * The id of one API request (decision 0024): made here at the start of every request, never taken
 * from the client, so that it names exactly one request. It is the {@code requestId} of every
 * access-log entry the request writes, the SLF4J MDC value {@value #MDC_KEY} of every log line written
 * on the request's thread while it runs (the JSON log lines carry it as a field), the
 * {@value #HEADER} response header, and the {@code requestId} member of a problem+json answer: a log
 * line, an access-log entry and what the client saw can be joined on it.
 *
 * <p>An {@value #HEADER} the request brings (a load balancer's id) is not trusted: a client could
 * send another request's id and so mix its own entries into that request's trail. Only a sane value
 * ({@link #upstream}: 8 to 64 letters, digits and dashes, so no line breaks, no JSON, no huge values)
 * is kept, as {@value #UPSTREAM_MDC_KEY} in the log lines only, never in the access log.
 */
final class RequestIds {
    /** The response header with the request's id (and the request header a load balancer may send). */
    static final String HEADER = "X-Request-Id";
    /** The MDC key of the request's id. */
    static final String MDC_KEY = "requestId";
    /** The MDC key of a sane id the request brought in {@value #HEADER}. */
    static final String UPSTREAM_MDC_KEY = "upstreamRequestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final MDCAdapter mdc;

    /** With the logging system's MDC. */
    RequestIds() {
        this(MDC.getMDCAdapter());
    }

    /** With another MDC (tests: slf4j's own {@code BasicMDCAdapter}, where no logging backend is bound). */
    RequestIds(MDCAdapter mdc) {
        this.mdc = mdc;
    }

    /**
     * Starts a request: a new id on the request (for the guard and the handlers), in the response
     * header and in the MDC until {@link Scope#close()}.
     */
    Scope begin(HttpServletRequest req, HttpServletResponse resp) {
        // time-ordered (decision 0050): the access log's request index grows at its right edge
        String id = TimeOrderedIds.next().toString();
        req.setAttribute(Guard.REQUEST_ID, id);
        resp.setHeader(HEADER, id);
        return new Scope(id, upstream(req.getHeader(HEADER)));
    }

    /**
     * The id a request brought, when it is sane: 8 to 64 ASCII letters, digits and dashes (a UUID, a
     * hex id). Anything else (empty, longer, a line break, quotes, another alphabet) is dropped.
     *
     * @return the value, or null
     */
    static String upstream(String header) {
        return header != null && header.length() <= 64 && SANE.matcher(header).matches() ? header : null;
    }

    /** The id {@link #begin} gave the request, or null (a request that did not pass the dispatcher). */
    static String of(HttpServletRequest req) {
        Object id = req.getAttribute(Guard.REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /** The request's id in the MDC; closing restores what the thread had before (nothing, on a container thread). */
    final class Scope implements AutoCloseable {
        private final String id;
        private final String previous;
        private final String previousUpstream;

        private Scope(String id, String upstream) {
            this.id = id;
            this.previous = mdc.get(MDC_KEY);
            this.previousUpstream = mdc.get(UPSTREAM_MDC_KEY);
            mdc.put(MDC_KEY, id);
            if (upstream != null) {
                mdc.put(UPSTREAM_MDC_KEY, upstream);
            } else {
                mdc.remove(UPSTREAM_MDC_KEY);
            }
        }

        String id() {
            return id;
        }

        @Override
        public void close() {
            restore(MDC_KEY, previous);
            restore(UPSTREAM_MDC_KEY, previousUpstream);
        }

        private void restore(String key, String value) {
            if (value == null) {
                mdc.remove(key);
            } else {
                mdc.put(key, value);
            }
        }
    }
}
