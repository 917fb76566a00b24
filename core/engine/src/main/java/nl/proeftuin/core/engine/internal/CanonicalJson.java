package nl.proeftuin.core.engine.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form the plugin runtime stores and digests: properties and map keys sorted, dates as
 * ISO strings, no whitespace. Sets have no order of their own, so callers hand in sorted sets (see
 * {@link BoundTriageService}); then equal values give equal text and equal SHA-256 digests, on every
 * node and across restarts.
 */
final class CanonicalJson {

    // Thread-safe once configured; one for the bundle.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<TreeMap<String, String>> CONFIGURATION = new TypeReference<>() {
    };

    private CanonicalJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot be written as JSON: " + value.getClass().getName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a readable " + type.getSimpleName(), e);
        }
    }

    /** A configuration document as an unmodifiable map sorted by key; null gives null. */
    static Map<String, String> configuration(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Collections.unmodifiableMap(JSON.readValue(json, CONFIGURATION));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored binding configuration is not readable", e);
        }
    }

    /** SHA-256 of the UTF-8 text, as 64 lower-case hex digits. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
