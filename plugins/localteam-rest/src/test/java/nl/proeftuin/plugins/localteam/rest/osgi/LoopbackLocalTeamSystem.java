package nl.proeftuin.plugins.localteam.rest.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The municipality's local-team system for the in-framework test: {@code POST /events} on 127.0.0.1,
 * counting every post and every distinct idempotency key; stops and comes back on the same port.
 */
final class LoopbackLocalTeamSystem implements AutoCloseable {
    /** Idempotency keys of every post, in arrival order (a key twice = delivered twice). */
    final List<String> posts = new CopyOnWriteArrayList<>();
    final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private HttpServer server;
    private int port;

    LoopbackLocalTeamSystem() throws IOException {
        start(0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long distinctKeys() {
        return posts.stream().distinct().count();
    }

    void stop() {
        server.stop(0);
    }

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
            in.readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean known = posts.contains(key);
            posts.add(key);
            authorizations.put(key, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"reference\":\"LT-" + key + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 201, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
