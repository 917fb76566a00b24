package nl.proeftuin.plugins.localteam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A municipality's local-team system as the connector meets it: a real HTTP server on 127.0.0.1 that
 * takes {@code POST /events}, remembers every idempotency key (201 for a new one, 200 with the same
 * reference for a known one), and can be told to answer a status, to stall, or to go down and come
 * back on the same port.
 */
final class LocalTeamSystem implements AutoCloseable {
    /** Every POST as it arrived. */
    final List<Post> posts = new CopyOnWriteArrayList<>();
    /** Key to reference, for the keys accepted as new. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger references = new AtomicInteger();
    private volatile int forcedStatus;
    private volatile String forcedBody = "";
    private volatile long stallMillis;
    private HttpServer server;
    private int port;

    record Post(String idempotencyKey, String authorization, String contentType, String expect, String body,
            String path, String query) {
    }

    LocalTeamSystem() throws IOException {
        start(0);
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** From now on answer every POST with this status and body (0: behave normally). */
    void answer(int status, String body) {
        this.forcedStatus = status;
        this.forcedBody = body;
    }

    void stall(long millis) {
        this.stallMillis = millis;
    }

    /** Down: the port refuses connections. */
    void stop() {
        server.stop(0);
    }

    /** Back up on the same port, remembering the keys it knew. */
    void restart() throws IOException {
        start(port);
    }

    private void start(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
        server.createContext("/events", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            posts.add(new Post(key, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Expect"), body, exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery()));
            if (stallMillis > 0) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (forcedStatus != 0) {
                send(exchange, forcedStatus, forcedBody);
                return;
            }
            boolean known = accepted.containsKey(key);
            String reference = accepted.computeIfAbsent(key, k -> "LT-" + references.incrementAndGet());
            send(exchange, known ? 200 : 201, "{\"reference\":\"" + reference + "\",\"duplicate\":" + known + "}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
