package nl.proeftuin.core.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a body (serialised as JSON unless it is a {@link String} with a
 * non-JSON content type) and headers.
 */
final class Reply {
    final int status;
    final Object body;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, Object body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    static Reply json(int status, Object body) {
        return new Reply(status, body, "application/json");
    }

    static Reply ok(Object body) {
        return json(200, body);
    }

    static Reply created(Object body, String location) {
        return json(201, body).header("Location", location);
    }

    static Reply noContent() {
        return new Reply(204, null, null);
    }

    static Reply text(int status, String body, String contentType) {
        return new Reply(status, body, contentType);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
