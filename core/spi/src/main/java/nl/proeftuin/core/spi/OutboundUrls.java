package nl.proeftuin.core.spi;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The allow-list every connector applies to a URL it sends data to or reads from, so that a
 * configuration cannot turn the platform against the network it runs in (server-side request
 * forgery): {@code https} only; {@code http} only to a loopback address and only where the
 * administrator's configuration allows it ({@code allowHttpLoopback}, for tests and a local relay);
 * never a link-local address ({@code 169.254.0.0/16}, {@code fe80::/10}, the cloud metadata
 * services), an unspecified or multicast address, user info in the URL, a fragment, or any other
 * scheme ({@code file:}, {@code jar:}, {@code ftp:}, ...).
 *
 * <p>{@link #check} looks at the URL as written (at configuration time); {@link #checkResolved}
 * looks at the addresses its host resolves to now (right before a connection), so that a host name
 * pointing at a forbidden address is refused too.
 */
public final class OutboundUrls {

    private static final Pattern DOTTED_IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    /** Hosts that only look like a number: 2852039166, 0xA9FEA9FE, 0251.0376.0251.0376, 169.254.43518. */
    private static final Pattern NUMERIC_HOST = Pattern.compile(
            "(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]+))*\\.?");

    private OutboundUrls() {
    }

    /**
     * Checks a URL as written.
     *
     * @param key               the configuration key, named in the message
     * @param value             the URL
     * @param allowHttpLoopback whether {@code http} to a loopback address is allowed
     * @return the URL
     * @throws IllegalArgumentException naming the key and why, when the URL is not allowed
     */
    public static URI check(String key, String value, boolean allowHttpLoopback) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": is required");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' must be an https URL (scheme '" + scheme
                    + "' is not allowed)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' must not carry user info (secrets belong in"
                    + " the credentials file)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' must not have a fragment");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress literal = null;
        if (bare.contains(":") || DOTTED_IPV4.matcher(bare).matches()) {
            try {
                literal = InetAddress.getByName(bare); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(key + ": '" + shown(value) + "' has an invalid address " + host);
            }
        } else if (NUMERIC_HOST.matcher(bare).matches()) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' writes its address in an unusual form; use"
                    + " a host name or a dotted address");
        }
        boolean loopback = literal != null ? literal.isLoopbackAddress()
                : bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost");
        if (literal != null) {
            refuseSpecial(key, value, literal);
        }
        if (scheme.equals("http")) {
            if (!loopback) {
                throw new IllegalArgumentException(key + ": '" + shown(value) + "' must be an https URL (http only to a"
                        + " loopback address, and only with allowHttpLoopback)");
            }
            if (!allowHttpLoopback) {
                throw new IllegalArgumentException(key + ": '" + shown(value) + "' must be an https URL (http to loopback"
                        + " needs allowHttpLoopback=true in the administrator's configuration)");
            }
        }
        return uri;
    }

    /**
     * Checks the addresses a URL's host resolves to now.
     *
     * @param uri               a URL that passed {@link #check}
     * @param allowHttpLoopback as given to {@link #check}
     * @throws IllegalArgumentException when an address is not allowed
     * @throws UnknownHostException     when the host does not resolve
     */
    public static void checkResolved(URI uri, boolean allowHttpLoopback) throws UnknownHostException {
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            refuseSpecial("url", uri.toString(), address);
            if (http && !(allowHttpLoopback && address.isLoopbackAddress())) {
                throw new IllegalArgumentException("url: '" + shown(uri.toString()) + "' resolves to " + address.getHostAddress()
                        + ", not a loopback address: http is allowed to loopback only");
            }
        }
    }

    private static void refuseSpecial(String key, String value, InetAddress address) {
        if (address.isLinkLocalAddress()) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' points at a link-local address ("
                    + address.getHostAddress() + "), which is never allowed");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw new IllegalArgumentException(key + ": '" + shown(value) + "' points at " + address.getHostAddress()
                    + ", which is not a host");
        }
    }

    /**
     * A URL as an error message may show it: without user info and query, where a secret could hide
     * (messages reach logs and the coordinator's 400). Connectors use it in every text that names a
     * URL they send to (exception texts, delivery details, log lines).
     *
     * @param url a URL as written (null: "null")
     * @return the URL with user info as {@code ...@} and the query as {@code ?...}
     * @since 1.5
     */
    public static String shown(String url) {
        if (url == null) {
            return "null";
        }
        String shown = url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@?#]*@", "$1...@");
        int query = shown.indexOf('?');
        return query < 0 ? shown : shown.substring(0, query) + "?...";
    }

    /**
     * @param url a URL (null: "null")
     * @return {@link #shown(String)} of it
     * @since 1.5
     */
    public static String shown(URI url) {
        return shown(url == null ? null : url.toString());
    }
}
