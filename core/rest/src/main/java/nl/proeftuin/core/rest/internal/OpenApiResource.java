package nl.proeftuin.core.rest.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Serves the OpenAPI 3.0.3 document at {@code GET /openapi.json}, generated from the router's declared
 * routes ({@link OpenApiDocument}) once, when the route table is complete ({@link #complete}).
 */
final class OpenApiResource {
    private final Json json;
    private volatile byte[] document;
    private volatile String etag;

    OpenApiResource(Json json) {
        this.json = json;
    }

    void register(Router router) {
        router.add(Route.get("/openapi.json")
                .operation("openApi", "platform", "This document (for logged-in users).")
                .policy(RoutePolicy.loggedIn())
                .parameter("IfNoneMatch")
                .returns(200, "The OpenAPI 3.0.3 document", Map.class).headers("ETag")
                .responses(304)
                .handle(r -> ETags.noneMatchHits(r.header("If-None-Match"), etag)
                        ? Reply.notModified(etag)
                        : Reply.bytes(200, document, "application/json").header("ETag", etag)));
    }

    /**
     * Generates the document of every route the router has now; called once, after the last route is
     * added (a route added later would be missing from it).
     *
     * @throws IllegalStateException when a declaration cannot be documented (see {@link OpenApiDocument#of})
     */
    void complete(Router router) {
        try {
            byte[] bytes = json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(OpenApiDocument.of(json.mapper(), router.routes()));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            this.etag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
            this.document = bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
