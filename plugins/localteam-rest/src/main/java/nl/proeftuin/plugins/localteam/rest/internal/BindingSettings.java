package nl.proeftuin.plugins.localteam.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Finds the endpoint for one delivery from the binding's configuration and the municipality
 * endpoints. Binding keys (all optional):
 * <ul>
 * <li>{@code municipality}: whose {@link MunicipalityEndpoint} configuration to use (default: the
 * event's municipality);</li>
 * <li>{@code baseUrl}, {@code credentialsReference}, {@code connectTimeoutMillis},
 * {@code requestTimeoutMillis}: override that configuration, or, with {@code baseUrl}, stand in for
 * it when the municipality has none.</li>
 * </ul>
 * An unknown key, an unreadable value or no endpoint at all throws, naming the key: the core then
 * keeps the event in its outbox and raises an alert.
 */
final class BindingSettings {
    static final String MUNICIPALITY = "municipality";
    static final String BASE_URL = "baseUrl";
    static final String CREDENTIALS_REFERENCE = "credentialsReference";
    static final String CONNECT_TIMEOUT = "connectTimeoutMillis";
    static final String REQUEST_TIMEOUT = "requestTimeoutMillis";
    static final Set<String> KEYS = Set.of(MUNICIPALITY, BASE_URL, CREDENTIALS_REFERENCE, CONNECT_TIMEOUT,
            REQUEST_TIMEOUT);

    /** The defaults of {@link MunicipalityEndpointConfig}, for a binding that stands alone. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(5000);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(10000);

    private BindingSettings() {
    }

    static Endpoint resolve(Map<String, String> binding, String eventMunicipality, Endpoints endpoints) {
        Map<String, String> config = binding == null ? Map.of() : binding;
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key of localteam-rest (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String municipality = Endpoint.blankToNull(config.get(MUNICIPALITY));
        String wanted = municipality == null ? eventMunicipality : municipality;
        Endpoint configured = endpoints.find(wanted);
        URI baseUrl = Endpoint.url(BASE_URL, config.get(BASE_URL));
        if (configured == null && baseUrl == null) {
            throw new IllegalStateException("baseUrl: no MunicipalityEndpoint configuration for '" + wanted
                    + "' and no baseUrl in the binding");
        }
        if (configured == null) {
            configured = new Endpoint(wanted, null, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                    Credentials.of(null), 0);
        }
        URI url = baseUrl != null ? baseUrl : configured.baseUrl();
        if (url == null) {
            throw new IllegalStateException("baseUrl: the MunicipalityEndpoint configuration of '" + wanted
                    + "' has none (inbound only) and the binding gives none");
        }
        String reference = config.containsKey(CREDENTIALS_REFERENCE)
                ? Endpoint.blankToNull(config.get(CREDENTIALS_REFERENCE)) : configured.credentialsReference();
        return new Endpoint(configured.municipality(), url, reference, configured.inboundCredentialsReference(),
                duration(config, CONNECT_TIMEOUT, configured.connectTimeout()),
                duration(config, REQUEST_TIMEOUT, configured.requestTimeout()), configured.credentials(),
                configured.maxRequestBytes());
    }

    private static Duration duration(Map<String, String> config, String key, Duration fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Endpoint.millis(key, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number of milliseconds", e);
        }
    }
}
