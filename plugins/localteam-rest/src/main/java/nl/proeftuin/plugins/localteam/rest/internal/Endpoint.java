package nl.proeftuin.plugins.localteam.rest.internal;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach one municipality's local-team system: a {@link MunicipalityEndpoint}
 * configuration, possibly overridden by a binding's configuration.
 *
 * @param municipality                the municipality
 * @param baseUrl                     the system's base URL, or null (inbound only)
 * @param credentialsReference        name of the outbound secret, or null for no Authorization header
 * @param inboundCredentialsReference name of the secret the municipality presents, or null (no inbound)
 * @param connectTimeout              connect timeout
 * @param requestTimeout              request timeout
 * @param credentials                 where references are resolved
 * @param maxRequestBytes             largest inbound body
 */
record Endpoint(String municipality, URI baseUrl, String credentialsReference, String inboundCredentialsReference,
        Duration connectTimeout, Duration requestTimeout, Credentials credentials, int maxRequestBytes) {

    /** Reads and checks a factory configuration; a bad value throws naming the key. */
    static Endpoint of(MunicipalityEndpointConfig config) {
        String municipality = config.municipality() == null ? "" : config.municipality().trim();
        if (municipality.isEmpty()) {
            throw new IllegalArgumentException("municipality: is required");
        }
        return new Endpoint(municipality, url("baseUrl", config.baseUrl()), blankToNull(config.credentialsReference()),
                blankToNull(config.inboundCredentialsReference()),
                millis("connectTimeoutMillis", config.connectTimeoutMillis()),
                millis("requestTimeoutMillis", config.requestTimeoutMillis()),
                Credentials.of(config.credentialsFile()), positive("maxRequestBytes", config.maxRequestBytes()));
    }

    /** The events URL: {@code {baseUrl}/events}. */
    URI eventsUrl() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "events" : base + "/events");
    }

    static URI url(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a URL", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not an http(s) URL without query");
        }
        return uri;
    }

    static Duration millis(String key, long value) {
        return Duration.ofMillis(positive(key, value));
    }

    static int positive(String key, long value) {
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": " + value + " must be a positive number");
        }
        return (int) value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
