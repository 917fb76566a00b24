package nl.proeftuin.core.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a body and headers. The body is serialised as JSON unless it is
 * a {@link String} with a non-JSON content type (written as text) or a {@code byte[]} (written as is).
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

    /** A body written byte for byte, for example a document kept as a resource. */
    static Reply bytes(int status, byte[] body, String contentType) {
        return new Reply(status, body, contentType);
    }

    /** 304: the client's copy is current; no body. */
    static Reply notModified(String etag) {
        return new Reply(304, null, null).header("ETag", etag);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Kept by no cache (restricted data, personal data, secrets' neighbours). */
    Reply noStore() {
        return header("Cache-Control", "no-store");
    }
}
