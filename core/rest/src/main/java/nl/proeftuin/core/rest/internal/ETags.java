package nl.proeftuin.core.rest.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions as HTTP entity tags: a case's ETag is {@code "<case version>"}, a plan's
 * {@code "<plan version>"} (strong: the number names exactly one representation).
 */
final class ETags {
    /** {@code "3"}, {@code W/"3"} or a bare {@code 3}; leading zeros and signs are not versions. */
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,17})\"|(0|[1-9][0-9]{0,17})");

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @return null when the header is absent
     * @throws ApiProblem 400 naming {@code If-Match} when it is anything but one version
     */
    static Long ifMatch(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = VERSION.matcher(header.strip());
        if (!m.matches()) {
            throw ApiProblem.invalidHeader("If-Match",
                    "must be one entity tag of this resource, as sent in its ETag (for example \"3\")");
        }
        return Long.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** {@link #ifMatch} for versions that are {@code int}s (the plan's). */
    static Integer ifMatchInt(String header) {
        Long version = ifMatch(header);
        if (version == null) {
            return null;
        }
        if (version > Integer.MAX_VALUE) {
            throw ApiProblem.invalidHeader("If-Match", "no such version");
        }
        return version.intValue();
    }

    /**
     * A 200 for a GET of a versioned resource with its ETag, or 304 when the client's
     * {@code If-None-Match} already names it.
     */
    static Reply conditional(ApiRequest request, Object body, String etag) {
        if (noneMatchHits(request.header("If-None-Match"), etag)) {
            return Reply.notModified(etag);
        }
        return Reply.ok(body).header("ETag", etag);
    }

    /**
     * Whether an {@code If-None-Match} header matches {@code etag}, by the weak comparison RFC 9110
     * prescribes for it ({@code *} matches any current representation).
     */
    static boolean noneMatchHits(String header, String etag) {
        if (header == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
