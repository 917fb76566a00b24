package nl.proeftuin.core.rest.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Serves the OpenAPI 3.0.3 document at {@code GET /openapi.json}, generated from the router's declared
 * routes ({@link OpenApiDocument}) once the route table is complete ({@link #complete}), at the first
 * request for it: generating it at start was about a tenth of the REST bundle's start on a node's boot
 * path (decision 0057). {@code OpenApiDocumentTest} generates it from the whole route table in the build,
 * so a declaration that cannot be documented fails the build, not a node.
 */
final class OpenApiResource {
    /** The document and its entity tag. */
    private record Document(byte[] bytes, String etag) {
    }

    private final Json json;
    private volatile Router routes;
    private volatile Document document;

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
                .handle(r -> {
                    Document d = document();
                    return ETags.noneMatchHits(r.header("If-None-Match"), d.etag())
                            ? Reply.notModified(d.etag())
                            : Reply.bytes(200, d.bytes(), "application/json").header("ETag", d.etag());
                }));
    }

    /** The route table is complete: the document names every route the router has now (a later one would be missing). */
    void complete(Router router) {
        this.routes = router;
    }

    private Document document() {
        Document d = document;
        if (d == null) {
            synchronized (this) {
                d = document;
                if (d == null) {
                    d = generate();
                    document = d;
                }
            }
        }
        return d;
    }

    /** @throws IllegalStateException when a declaration cannot be documented (see {@link OpenApiDocument#of}) */
    private Document generate() {
        try {
            byte[] bytes = json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(OpenApiDocument.of(json.mapper(), routes.routes()));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Document(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
