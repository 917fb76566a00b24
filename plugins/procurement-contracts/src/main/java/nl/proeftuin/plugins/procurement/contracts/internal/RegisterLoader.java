package nl.proeftuin.plugins.procurement.contracts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads contract registers from {@code bundle:}, {@code file:} and {@code http(s):} locations and
 * caches each by location for the binding's refresh time.
 *
 * <p>The cache is the only state of this plugin, and it cannot make a decision unexplainable: every
 * offer carries the version of the register it came from ({@code Offer.contractVersion}), and a new
 * version is only taken in when it is read again after the refresh time.
 */
final class RegisterLoader {

    private static final Pattern BUNDLE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.json");

    private record Cached(ContractRegister register, Instant loadedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;
    private final Path fileDirectory;
    private final Clock clock;

    /**
     * @param timeout       how long an HTTP read may take
     * @param maxBytes      the largest register accepted
     * @param fileDirectory the only directory {@code file:} locations may point into, or null to refuse
     *                      {@code file:} locations (a coordinator sets the location; they must not be
     *                      able to read any file of the server)
     * @param clock         the clock (tests)
     */
    RegisterLoader(Duration timeout, long maxBytes, Path fileDirectory, Clock clock) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.fileDirectory = fileDirectory == null ? null : fileDirectory.toAbsolutePath().normalize();
        this.clock = clock;
        // HTTP/1.1 and GET only: no "Expect: 100-continue" (Java 17's client can hang on it)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param location       the register's location
     * @param refreshSeconds how old a cached register may be
     * @return the register
     * @throws IllegalArgumentException when it cannot be read or is not a valid register
     */
    ContractRegister register(String location, long refreshSeconds) {
        Instant now = clock.instant();
        Cached cached = cache.get(location);
        if (cached != null && refreshSeconds > 0
                && cached.loadedAt().plusSeconds(refreshSeconds).isAfter(now)) {
            return cached.register();
        }
        ContractRegister fresh = ContractRegister.parse(read(location), location);
        cache.put(location, new Cached(fresh, now));
        return fresh;
    }

    private String read(String location) {
        if (location.startsWith("bundle:")) {
            String name = location.substring("bundle:".length());
            if (!BUNDLE_NAME.matcher(name).matches()) {
                throw bad(location, "a bundle: location names a file like example.json");
            }
            try (InputStream in = RegisterLoader.class.getResourceAsStream("/registers/" + name)) {
                if (in == null) {
                    throw bad(location, "this bundle ships no register " + name + " (it has example.json)");
                }
                return limited(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)), location);
            } catch (IOException e) {
                throw bad(location, "cannot be read: " + e.getMessage());
            }
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw bad(location, "is not a URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        switch (scheme) {
            case "file":
                return file(uri, location);
            case "http":
            case "https":
                return http(uri, location);
            default:
                throw bad(location, "use bundle:, file:, http: or https:");
        }
    }

    private String file(URI uri, String location) {
        if (fileDirectory == null) {
            throw bad(location, "file: locations are switched off (set fileDirectory of "
                    + ContractRegisterConnector.PID + ")");
        }
        Path path;
        try {
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw bad(location, "is not a file path: " + e.getMessage());
        }
        if (!path.startsWith(fileDirectory)) {
            throw bad(location, "is outside the register directory " + fileDirectory);
        }
        try {
            if (Files.size(path) > maxBytes) {
                throw bad(location, "is larger than " + maxBytes + " bytes");
            }
            return limited(Files.readAllBytes(path), location);
        } catch (IOException e) {
            throw bad(location, "cannot be read: " + e);
        }
    }

    private String http(URI uri, String location) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw bad(location, "cannot be fetched: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw bad(location, "fetch interrupted (time budget)");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw bad(location, "answered HTTP " + response.statusCode() + " (200 expected)");
            }
            return limited(body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)), location);
        } catch (IOException e) {
            throw bad(location, "cannot be read: " + e);
        }
    }

    private String limited(byte[] bytes, String location) {
        if (bytes.length > maxBytes) {
            throw bad(location, "is larger than " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException bad(String location, String what) {
        return new IllegalArgumentException("procurement-contracts: register.location " + location + " " + what);
    }
}
