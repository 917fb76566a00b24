package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Serves the hand-written OpenAPI 3.0.3 document ({@code openapi.json} in this bundle) at
 * {@code GET /openapi.json}. A unit test holds the document and the route table to each other.
 */
final class OpenApiResource {
    static final String RESOURCE = "/openapi.json";

    private final byte[] document;
    private final String etag;

    OpenApiResource() {
        this.document = load();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document);
            this.etag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(Router router) {
        router.add("GET", "/openapi.json", r -> ETags.noneMatchHits(r.header("If-None-Match"), etag)
                ? Reply.notModified(etag)
                : Reply.bytes(200, document, "application/json").header("ETag", etag));
    }
}
