package nl.proeftuin.plugins.localteam.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.proeftuin.core.spi.OutboundUrls;

/**
 * Where and how to reach one municipality's local-team system: a {@link MunicipalityEndpoint}
 * configuration of the regional administrator. A binding can only choose one by {@link #name}.
 *
 * @param name                        the endpoint's name (lower case)
 * @param municipality                the municipality
 * @param serves                      the municipalities (lower case) whose events it may receive: its own
 *                                    and those it also serves
 * @param baseUrl                     the system's base URL, or null (inbound only)
 * @param allowHttpLoopback           whether http to a loopback baseUrl is allowed
 * @param credentialsReference        name of the outbound secret, or null for no Authorization header
 * @param inboundCredentialsReference name of the secret the municipality presents, or null (no inbound)
 * @param connectTimeout              connect timeout
 * @param requestTimeout              request timeout
 * @param credentials                 where references are resolved
 * @param maxRequestBytes             largest inbound body
 */
record Endpoint(String name, String municipality, Set<String> serves, URI baseUrl, boolean allowHttpLoopback,
        String credentialsReference, String inboundCredentialsReference, Duration connectTimeout,
        Duration requestTimeout, Credentials credentials, int maxRequestBytes) {

    /** Endpoint names: lower-case words joined by '-', '_' or '.'. */
    static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    Endpoint {
        serves = Set.copyOf(serves);
    }

    /** Reads and checks a factory configuration; a bad value throws naming the key. */
    static Endpoint of(MunicipalityEndpointConfig config) {
        String municipality = config.municipality() == null ? "" : config.municipality().trim();
        if (municipality.isEmpty()) {
            throw new IllegalArgumentException("municipality: is required");
        }
        String name = blankToNull(config.name()) == null ? municipality.toLowerCase(Locale.ROOT)
                : config.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be lower-case words joined by - _ or .");
        }
        Set<String> serves = new TreeSet<>();
        serves.add(municipality.toLowerCase(Locale.ROOT));
        if (config.alsoServes() != null) {
            for (String m : config.alsoServes()) {
                if (m != null && !m.isBlank()) {
                    serves.add(m.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        String baseUrl = blankToNull(config.baseUrl());
        String outbound = blankToNull(config.credentialsReference());
        String inbound = blankToNull(config.inboundCredentialsReference());
        if (outbound != null && outbound.equals(inbound)) {
            throw new IllegalArgumentException("credentialsReference: must not be the inbound verification secret"
                    + " (inboundCredentialsReference); give each direction its own secret");
        }
        return new Endpoint(name, municipality, serves,
                baseUrl == null ? null : OutboundUrls.check("baseUrl", baseUrl, config.allowHttpLoopback()),
                config.allowHttpLoopback(), outbound, inbound,
                millis("connectTimeoutMillis", config.connectTimeoutMillis()),
                millis("requestTimeoutMillis", config.requestTimeoutMillis()),
                Credentials.of(config.credentialsFile()), positive("maxRequestBytes", config.maxRequestBytes()));
    }

    /** Whether events of this municipality may go here. */
    boolean serves(String m) {
        return m != null && serves.contains(m.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The events URL: {@code {baseUrl}/events}, appended to the path; a query of the baseUrl is kept
     * after it ({@code https://lt.example/api?tenant=7} gives {@code https://lt.example/api/events?tenant=7}).
     */
    URI eventsUrl() {
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        String query = baseUrl.getRawQuery();
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority()
                + (path.endsWith("/") ? path + "events" : path + "/events") + (query == null ? "" : "?" + query));
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
