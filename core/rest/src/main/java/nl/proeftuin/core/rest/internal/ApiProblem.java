package nl.proeftuin.core.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client error (or a service state) that becomes an RFC 9457 {@code application/problem+json}
 * response. Thrown by handlers; the servlet writes it.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String title;
    final Map<String, Object> extensions = new LinkedHashMap<>();

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

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail);
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad Request", detail);
    }

    static ApiProblem invalidField(String field, String reason) {
        return new ApiProblem(400, "Invalid field", field + ": " + reason).with("field", field).with("reason", reason);
    }

    /** The body members, in RFC 9457 order. */
    Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }
}
