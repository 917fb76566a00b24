package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.LoggerFactory;

/** One API request as a handler sees it: path variables, query, headers and a size-limited JSON body. */
final class ApiRequest {
    /** Bodies larger than this answer 413. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** How much of an oversized body is read and discarded before answering 413 (see drain). */
    static final long DRAIN_LIMIT = 8L << 20;

    private final HttpServletRequest http;
    private final Map<String, String> variables;
    private final Json json;
    private boolean queryChecked;

    ApiRequest(HttpServletRequest http, Map<String, String> variables, Json json) {
        this.http = http;
        this.variables = variables;
        this.json = json;
    }

    String path(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalStateException("no path variable " + name);
        }
        return value;
    }

    /**
     * A query parameter, or null when absent or empty.
     *
     * @throws ApiProblem 400 when the query string is not well-formed percent-encoded UTF-8 (checked
     *                    here, before the container decodes it: its decoder fails with a runtime error)
     */
    String query(String name) {
        if (!queryChecked) {
            checkDecodable("query string", http.getQueryString());
            queryChecked = true;
        }
        String value;
        try {
            value = http.getParameter(name);
        } catch (RuntimeException undecodable) {
            // the container's own decoding failed (a form body, an encoding this check does not know)
            throw undecodable("query string");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every value of a repeated query parameter, blanks left out (cohorts, issue 15). */
    List<String> queryAll(String name) {
        query(name); // the same well-formedness check
        String[] values;
        try {
            values = http.getParameterValues(name);
        } catch (RuntimeException undecodable) {
            throw undecodable("query string");
        }
        List<String> out = new java.util.ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /**
     * Checks that {@code raw} (a query string or path as sent) is well-formed percent-encoding of UTF-8.
     *
     * @throws ApiProblem 400 naming {@code what} when it is not
     */
    static void checkDecodable(String what, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw undecodable(what);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        for (byte b : bytes.toByteArray()) {
            if (b == 0) {
                // PostgreSQL refuses U+0000 in every text parameter: a 400 here, not a 500 at the database
                throw ApiProblem.badRequest("The " + what + " contains the NUL character (%00)").with("reason", "undecodable");
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw undecodable(what);
        }
    }

    /** 400: input that is not well-formed percent-encoded UTF-8; never a 500, nothing logged. */
    static ApiProblem undecodable(String what) {
        return ApiProblem.badRequest("The " + what + " is not well-formed percent-encoded UTF-8")
                .with("reason", "undecodable");
    }

    /** @throws ApiProblem 400 naming the parameter when it is absent */
    String requiredQuery(String name) {
        String value = query(name);
        if (value == null) {
            throw ApiProblem.invalidParameter(name, "is required");
        }
        return value;
    }

    /**
     * An integer query parameter in {@code [min, max]}.
     *
     * @param fallback the value when absent, or null to make the parameter required
     * @throws ApiProblem 400 naming the parameter when it is not such an integer
     */
    int queryInt(String name, Integer fallback, int min, int max) {
        String value = query(name);
        if (value == null) {
            if (fallback == null) {
                throw ApiProblem.invalidParameter(name, "is required");
            }
            return fallback;
        }
        return integer(name, value, min, max);
    }

    /**
     * A boolean query parameter: {@code true} or {@code false} (any case); false when absent.
     *
     * @throws ApiProblem 400 naming the parameter for any other value: {@code ?unreviewed=yes} must not
     *                    quietly answer the unfiltered list
     */
    boolean queryBoolean(String name) {
        String value = query(name);
        if (value == null || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw ApiProblem.invalidParameter(name, "must be true or false, not " + Json.quote(value));
    }

    /** An integer path variable in {@code [min, max]}; 400 naming it when it is not one. */
    int pathInt(String name, int min, int max) {
        return integer(name, path(name), min, max);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw ApiProblem.invalidParameter(name, "must be from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(name, "must be a whole number, not " + Json.quote(value));
        }
    }

    /** An enum query parameter (case-insensitive), or null when absent; 400 naming it when unknown. */
    <E extends Enum<E>> E queryEnum(String name, Class<E> type) {
        String value = query(name);
        return value == null ? null : constant(name, value, type);
    }

    /** A required enum query parameter (case-insensitive); 400 naming it when absent or unknown. */
    <E extends Enum<E>> E requiredQueryEnum(String name, Class<E> type) {
        return constant(name, requiredQuery(name), type);
    }

    /**
     * An enum path variable (case-insensitive). An unknown value is a 400 naming the parameter, as for
     * a query parameter, rather than a 404: the path has the right shape, one of its values is bad.
     */
    <E extends Enum<E>> E pathEnum(String name, Class<E> type) {
        return constant(name, path(name), type);
    }

    private static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(name, "must be one of " + constants(type) + ", not " + Json.quote(value));
        }
    }

    static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** An absolute path on this API for a {@code Location} header: {@code link("/cases/1")}. */
    String link(String path) {
        String context = http.getContextPath() == null ? "" : http.getContextPath();
        String servlet = http.getServletPath() == null ? "" : http.getServletPath();
        return context + servlet + path;
    }

    String header(String name) {
        return http.getHeader(name);
    }

    HttpServletRequest http() {
        return http;
    }

    /**
     * Reads the body as JSON into {@code type}: unknown members, wrong types, malformed JSON and
     * nesting deeper than 64 levels answer 400; a body over 1 MiB answers 413.
     */
    <T> T body(Class<T> type) {
        long declared = http.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            try (InputStream in = http.getInputStream()) {
                drain(in, 0);
            } catch (IOException clientGone) {
                // The client went away while its body was discarded: the 413 below is still the
                // answer (it may not arrive); there is nothing else to report.
                LoggerFactory.getLogger(ApiRequest.class).debug("oversized body not drained", clientGone);
            }
            throw tooLarge();
        }
        String contentType = http.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(415, "Unsupported Media Type", "Send the body as application/json");
        }
        byte[] bytes;
        try (InputStream in = http.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                drain(in, bytes.length);
            }
        } catch (IOException e) {
            throw ApiProblem.badRequest("The body could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("A JSON body is required");
        }
        try {
            T value = json.mapper().readValue(bytes, type);
            if (value == null) {
                throw ApiProblem.badRequest("A JSON body is required, not null");
            }
            return value;
        } catch (Json.NulInText e) {
            throw ApiProblem.invalidField(Json.pathOf(e), "must not contain the NUL character (U+0000)");
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalidField(Json.pathOf(e), "unknown field");
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            String allowed = target != null && target.isEnum() ? "; one of " + constants(target) : "";
            throw ApiProblem.invalidField(Json.pathOf(e), "invalid value " + Json.quote(e.getValue()) + allowed);
        } catch (InvalidNullException e) {
            throw ApiProblem.invalidField(Json.pathOf(e), "must not be null");
        } catch (MismatchedInputException e) {
            String path = Json.pathOf(e);
            Class<?> target = e.getTargetType();
            if (target != null && target.isPrimitive() && !path.isEmpty()) {
                // a missing or null true/false or number: never guessed, the client must say it
                throw ApiProblem.invalidField(path, "is required (" + (target == boolean.class ? "true or false" : "a number") + ")");
            }
            throw path.isEmpty()
                    ? ApiProblem.badRequest("The body does not have the expected shape: " + e.getOriginalMessage())
                    : ApiProblem.invalidField(path, "wrong type or shape");
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badRequest("The JSON is nested too deeply or too large: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and discards what the client still sends, up to {@link #DRAIN_LIMIT} bytes in all, so
     * that an ordinary client, which writes its whole body before it reads, gets the 413 instead of
     * a broken pipe. Past the limit the rest is left unread and the 413 closes the connection.
     */
    private static void drain(InputStream in, long alreadyRead) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT - alreadyRead;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "Content Too Large", "The body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}
