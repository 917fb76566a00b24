package nl.proeftuin.plugins.localteam.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused inbound request, written as RFC 9457 {@code application/problem+json}: {@code type},
 * {@code title}, {@code status}, {@code detail} and, for a bad field, {@code field} and {@code reason}.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String title;
    final Map<String, String> extensions = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();

    Problem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static Problem invalidField(String field, String reason) {
        Problem problem = new Problem(400, "Invalid field", field + ": " + reason);
        problem.extensions.put("field", field);
        problem.extensions.put("reason", reason);
        return problem;
    }

    Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The JSON body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.putAll(extensions);
        return body;
    }
}
