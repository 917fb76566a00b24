package nl.proeftuin.core.rest.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.OpenCaseExistsException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.VersionRequiredException;

/**
 * A client error (or a service state) that becomes an RFC 9457 {@code application/problem+json}
 * response. Thrown by handlers; the servlet writes it.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String title;
    final Map<String, Object> extensions = new LinkedHashMap<>();
    /** Response headers that belong to the problem, for example {@code Retry-After}. */
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiProblem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    /** Adds an extension member (for example {@code field}, {@code rule}, {@code allowed}). */
    ApiProblem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds a response header. */
    ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail);
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad Request", detail);
    }

    static ApiProblem invalidField(String field, String reason) {
        return new ApiProblem(400, "Invalid field", field + ": " + reason).with("field", field).with("reason", reason);
    }

    /** A bad query or path parameter, named in the {@code parameter} member. */
    static ApiProblem invalidParameter(String parameter, String reason) {
        return new ApiProblem(400, "Invalid parameter", parameter + ": " + reason)
                .with("parameter", parameter).with("reason", reason);
    }

    /** A missing or bad request header, named in the {@code header} member. */
    static ApiProblem invalidHeader(String header, String reason) {
        return new ApiProblem(400, "Invalid header", header + ": " + reason)
                .with("header", header).with("reason", reason);
    }

    /** A service the endpoint needs is not registered (yet): the client may retry. */
    static ApiProblem notReady(String service) {
        return new ApiProblem(503, "Service Unavailable", "Not ready: the " + service + " is not available")
                .with("service", service).header("Retry-After", "5");
    }

    /**
     * Maps the core API's exceptions to their HTTP problems.
     *
     * @return the problem, or null when {@code e} is none of the API's exceptions (a bug: 500)
     */
    static ApiProblem fromService(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalidField(invalid.field(), invalid.reason());
        }
        if (e instanceof NotFoundException) {
            return notFound(e.getMessage());
        }
        if (e instanceof nl.proeftuin.core.api.plugins.BindingChangedException changed) { // switches
            return new ApiProblem(409, "Conflict", changed.getMessage()).with("rule", changed.rule())
                    .with("currentRevision", changed.current());
        }
        if (e instanceof OpenCaseExistsException open) {
            return new ApiProblem(409, "Conflict", open.getMessage()).with("rule", open.rule())
                    .with("caseIds", open.caseIds());
        }
        if (e instanceof RuleViolationException violation) {
            return new ApiProblem(409, "Conflict", violation.getMessage()).with("rule", violation.rule());
        }
        if (e instanceof StaleVersionException stale) {
            return new ApiProblem(412, "Precondition Failed", stale.getMessage())
                    .with("currentVersion", stale.current());
        }
        if (e instanceof VersionRequiredException) {
            return new ApiProblem(428, "Precondition Required", e.getMessage());
        }
        if (undecodable(e)) {
            return ApiRequest.undecodable("request");
        }
        if (databaseUnreachable(e)) {
            // the node's fault for now, not the client's, and not a bug: HAProxy retries elsewhere, the client later
            return new ApiProblem(503, "Service Unavailable",
                    "The database cannot be reached from this node; try again shortly").header("Retry-After", "5");
        }
        if (lostToAnotherTransaction(e)) {
            // rolled back, nothing of it kept: the same request again succeeds (a family's two requests at once)
            return new ApiProblem(503, "Service Unavailable", "Another request for the same family was written at the"
                    + " same moment; nothing of this one was saved. Send it again.").header("Retry-After", "1")
                    .with("reason", "concurrent_write");
        }
        return null;
    }

    /**
     * Whether {@code e} is a transaction the database rolled back for another one, up the cause chain: a
     * deadlock or serialisation failure (SQLState 40001, PostgreSQL's 40P01, H2's deadlock) or H2 giving up
     * on a row lock (HYT00). The work was rolled back whole; a retry succeeds.
     */
    static boolean lostToAnotherTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is the database being out of reach, up the cause chain: no pooled connection in
     * time (Hikari's {@link SQLTransientConnectionException}), a connection lost or refused (SQLState
     * class 08, {@link SQLRecoverableException}, {@link SQLNonTransientConnectionException}), or the
     * server shutting down or out of connections (57P01-57P03, 53300). Other SQL errors stay 500s.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is the container refusing undecodable input (Jetty's {@code BadMessageException}
     * from a query, path or form it could not decode, or the UTF-8 decoder's own error). The API does
     * not depend on Jetty: the check is by class name, up the cause chain.
     */
    static boolean undecodable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.eclipse.jetty.http.BadMessageException")
                    || name.equals("org.eclipse.jetty.util.Utf8Appendable$NotUtf8Exception")) {
                return true;
            }
        }
        return false;
    }

    /** The body members, in RFC 9457 order. */
    Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage() == null ? title : getMessage());
        body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }
}
