package nl.proeftuin.plugins.localteam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.spi.ConfigurationCheck;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.DeliveryResult.Status;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.LocalTeamConnector;
import nl.proeftuin.core.spi.OutboundEvent;
import nl.proeftuin.core.spi.OutboundUrls;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Delivers outbound events to a municipality's local-team system as JSON over HTTP:
 * {@code POST {baseUrl}/events} with the headers {@code Idempotency-Key} (the event's key, the same
 * on every attempt) and {@code Authorization: Bearer <secret>}, and the body
 * {@code {"idempotencyKey","type","caseId","municipality","occurredAt","payload"}}.
 *
 * <p>The answer: any 2xx (also the receiver's "already known" for a key it has seen) is DELIVERED,
 * with {@code reference} (or {@code id}) of a JSON body as the remote reference; a refused
 * connection, a timeout, 408, 429 and 5xx are RETRY (the core's outbox retries with back-off); any
 * other 4xx is REJECTED with the receiver's detail (its first {@value #MAX_DETAIL} characters). An
 * answer is read up to {@value #MAX_ANSWER_BYTES} bytes; a longer one is RETRY, unread. A detail
 * names the URL as {@link OutboundUrls#shown} gives it: without a query, where a secret could hide (the
 * detail is shown by {@code GET /local-team/outbox} and in alerts). Where the endpoint comes from: the
 * administrator's {@link MunicipalityEndpoint} configurations; a binding only chooses one by name
 * ({@link BindingSettings}, checked at bind time through {@link ConfigurationCheck}). Right before
 * sending, the addresses the endpoint's host resolves to are checked again ({@link OutboundUrls}).
 */
@Component(service = LocalTeamConnector.class)
@PluginId(RestLocalTeamConnector.ID)
@PluginConfiguration(RestLocalTeamConnector.ID)
public final class RestLocalTeamConnector implements LocalTeamConnector, ConfigurationCheck {
    static final String ID = "localteam-rest";
    /** How much of a remote answer is kept in the delivery detail. */
    static final int MAX_DETAIL = 500;
    /** The largest remote answer read (64 KiB); a larger one is a failed call. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoints endpoints = new Endpoints();
    /** One client per connect timeout: a client holds its connection pool and its selector thread. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public RestLocalTeamConnector() {
        // the endpoints arrive through the dynamic reference below
    }

    /** Dynamic and multiple: municipalities are configured and removed while the connector serves. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(MunicipalityEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    void removeEndpoint(MunicipalityEndpoint endpoint) {
        endpoints.remove(endpoint);
    }

    @Deactivate
    void deactivate() {
        clients.clear();
    }

    @Override
    public void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration) {
        BindingSettings.check(configuration, municipality, endpoints);
    }

    @Override
    public DeliveryResult deliver(OutboundEvent event, Map<String, String> configuration) {
        Endpoint endpoint = BindingSettings.resolve(configuration, event.municipality(), endpoints);
        try {
            OutboundUrls.checkResolved(endpoint.baseUrl(), endpoint.allowHttpLoopback());
        } catch (UnknownHostException e) {
            return retry("cannot resolve " + endpoint.baseUrl().getHost() + ": " + message(e));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.eventsUrl())
                .timeout(endpoint.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", event.idempotencyKey())
                // no "Expect: 100-continue": Java 17's client hangs on a final answer to it
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(event)));
        if (endpoint.credentialsReference() != null) {
            request.header("Authorization", "Bearer " + endpoint.credentials().secret(endpoint.credentialsReference()));
        }
        HttpClient client = clients.computeIfAbsent(endpoint.connectTimeout(), timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
        // the URL as texts may show it: no query, where a secret could hide (the detail is shown by
        // GET /local-team/outbox and in alerts)
        String shown = OutboundUrls.shown(endpoint.eventsUrl());
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return retry("no answer from " + shown + " within the timeout (" + e.getMessage() + ")");
        } catch (ConnectException e) {
            return retry("cannot connect to " + shown + ": " + message(e));
        } catch (IOException e) {
            return retry("exchange with " + shown + " failed: " + message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry("interrupted while delivering to " + shown);
        }
        String body;
        try (InputStream in = response.body()) {
            body = answer(in);
        } catch (IOException e) {
            return retry("HTTP " + response.statusCode() + " from " + shown + ", but its answer could not be read: "
                    + message(e));
        }
        if (body == null) {
            return retry("HTTP " + response.statusCode() + " from " + shown + ": the answer is larger than "
                    + MAX_ANSWER_BYTES + " bytes and was not read (check baseUrl)");
        }
        return outcome(response.statusCode(), response.headers(), body);
    }

    /**
     * Reads a remote answer, at most {@link #MAX_ANSWER_BYTES}: a larger one is not the receiver's
     * short JSON, and is not held in memory.
     *
     * @return the answer as UTF-8, or null when it is larger than {@link #MAX_ANSWER_BYTES}
     */
    static String answer(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        return bytes.length > MAX_ANSWER_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static DeliveryResult outcome(int status, HttpHeaders headers, String answer) {
        String body = answer == null ? "" : answer;
        if (status >= 200 && status < 300) {
            return new DeliveryResult(Status.DELIVERED, "HTTP " + status, remoteRef(body));
        }
        String detail = "HTTP " + status + (body.isBlank() ? "" : ": " + abbreviate(remoteDetail(body)));
        if (status == 408 || status == 429 || status >= 500) {
            String retryAfter = headers.firstValue("Retry-After").map(v -> " (Retry-After " + abbreviate(v) + ")")
                    .orElse("");
            return retry(detail + retryAfter);
        }
        if (status >= 400) {
            return new DeliveryResult(Status.REJECTED, detail, null);
        }
        // 1xx/3xx as a final answer: a wrong baseUrl (a redirect) or a broken proxy; not the event's fault
        return retry(detail + headers.firstValue("Location")
                .map(l -> " (Location " + abbreviate(OutboundUrls.shown(l)) + ": check baseUrl)").orElse(""));
    }

    private static byte[] body(OutboundEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("idempotencyKey", event.idempotencyKey());
        json.put("type", event.type());
        json.put("caseId", event.caseId());
        json.put("municipality", event.municipality());
        json.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        json.put("payload", event.payload() == null ? Map.of() : event.payload());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload: event " + event.idempotencyKey()
                    + " is not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    private static String remoteRef(String body) {
        JsonNode node = parse(body);
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String field : new String[] {"reference", "id"}) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return abbreviate(value.asText());
            }
        }
        return null;
    }

    /** A problem+json's {@code detail} (or {@code title}), else the body as it came. */
    private static String remoteDetail(String body) {
        JsonNode node = parse(body);
        if (node != null && node.isObject()) {
            for (String field : new String[] {"detail", "title"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual()) {
                    return value.asText();
                }
            }
        }
        return body.strip();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static DeliveryResult retry(String detail) {
        return new DeliveryResult(Status.RETRY, detail, null);
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
