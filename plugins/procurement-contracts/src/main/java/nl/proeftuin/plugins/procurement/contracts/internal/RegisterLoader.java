package nl.proeftuin.plugins.procurement.contracts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import nl.proeftuin.core.spi.OutboundUrls;

/**
 * Reads contract registers from {@code bundle:}, {@code file:} and {@code source:<name>} locations
 * (the last an HTTP source the administrator configured, {@link RegisterSourceConfig#httpSources()})
 * and caches each by location for the binding's refresh time. A binding never names a URL of its own:
 * an {@code http(s):} location is refused, and every source URL passes {@link OutboundUrls}.
 *
 * <p>The cache is the only state of this plugin, and it cannot make a decision unexplainable: every
 * offer carries the version of the register it came from ({@code Offer.contractVersion}), and a new
 * version is only taken in when it is read again after the refresh time.
 */
final class RegisterLoader {

    private static final Pattern BUNDLE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.json");
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    private record Cached(ContractRegister register, Instant loadedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;
    private final Path fileDirectory;
    private final Map<String, URI> sources;
    private final boolean allowHttpLoopback;
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
        this(timeout, maxBytes, fileDirectory, new String[0], false, clock);
    }

    /**
     * @param httpSources       the administrator's {@code name=URL} entries
     * @param allowHttpLoopback whether http sources on loopback are allowed
     * @throws IllegalArgumentException for an entry that is not name=URL or a URL the allow-list refuses
     */
    RegisterLoader(Duration timeout, long maxBytes, Path fileDirectory, String[] httpSources, boolean allowHttpLoopback,
            Clock clock) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.fileDirectory = fileDirectory == null ? null : fileDirectory.toAbsolutePath().normalize();
        this.sources = sources(httpSources, allowHttpLoopback);
        this.allowHttpLoopback = allowHttpLoopback;
        this.clock = clock;
        // HTTP/1.1 and GET only: no "Expect: 100-continue" (Java 17's client can hang on it)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Map<String, URI> sources(String[] entries, boolean allowHttpLoopback) {
        Map<String, URI> out = new TreeMap<>();
        if (entries == null) {
            return out;
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (!SOURCE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("httpSources: '" + entry + "' is not name=URL with a lower-case name");
            }
            if (out.put(name, OutboundUrls.check("httpSources." + name, entry.substring(eq + 1),
                    allowHttpLoopback)) != null) {
                throw new IllegalArgumentException("httpSources: the name '" + name + "' is given twice");
            }
        }
        return out;
    }

    /**
     * Checks a location a binding names, without reading it (the bind-time check).
     *
     * @throws IllegalArgumentException naming why the location cannot be used
     */
    void check(String location) {
        if (location.startsWith("bundle:")) {
            String name = location.substring("bundle:".length());
            if (!BUNDLE_NAME.matcher(name).matches()) {
                throw bad(location, "a bundle: location names a file like example.json");
            }
            if (RegisterLoader.class.getResource("/registers/" + name) == null) {
                throw bad(location, "this bundle ships no register " + name + " (it has example.json)");
            }
            return;
        }
        if (location.startsWith("source:")) {
            source(location);
            return;
        }
        URI uri = uri(location);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (scheme.equals("file")) {
            filePath(uri, location);
            return;
        }
        throw refusedScheme(location, scheme);
    }

    private URI source(String location) {
        String name = location.substring("source:".length()).trim();
        URI uri = sources.get(name);
        if (uri == null) {
            throw bad(location, "names no configured HTTP source (configured: "
                    + (sources.isEmpty() ? "none" : String.join(", ", sources.keySet())) + ")");
        }
        return uri;
    }

    private static IllegalArgumentException refusedScheme(String location, String scheme) {
        if (scheme.equals("http") || scheme.equals("https")) {
            return bad(location, "is a URL: a binding cannot name one; the administrator configures HTTP register"
                    + " sources (httpSources of " + ContractRegisterConnector.PID + ") and a binding names one as"
                    + " source:<name>");
        }
        return bad(location, "use bundle:, file: or source:");
    }

    private static URI uri(String location) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            throw bad(location, "is not a URI: " + e.getMessage());
        }
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
        if (location.startsWith("source:")) {
            URI source = source(location);
            try {
                OutboundUrls.checkResolved(source, allowHttpLoopback);
            } catch (UnknownHostException e) {
                throw bad(location, "cannot be fetched: " + source.getHost() + " does not resolve");
            }
            return http(source, location);
        }
        URI uri = uri(location);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (scheme.equals("file")) {
            return file(uri, location);
        }
        throw refusedScheme(location, scheme);
    }

    private Path filePath(URI uri, String location) {
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
        return path;
    }

    private String file(URI uri, String location) {
        Path path = filePath(uri, location);
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
