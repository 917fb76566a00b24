package nl.proeftuin.core.rest.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import nl.proeftuin.core.api.dto.Actor;

/**
 * Who performs a write, taken from the request headers {@code X-Actor-Id} and {@code X-Actor-Name}.
 *
 * <p><b>Temporary, until the security issue lands:</b> these headers are trusted as sent, which is
 * only acceptable behind a gateway that sets them. Login tokens will replace this class; every write
 * handler goes through {@link #from(ApiRequest)}, so that is the one place to change.
 *
 * <p>HTTP header values are ISO-8859-1 on the wire; a name with other characters (for example
 * {@code Ay\u015fe}) is sent percent-encoded as UTF-8 ({@code Ay%C5%9Fe}) and decoded here.
 */
final class Actors {
    static final String ID_HEADER = "X-Actor-Id";
    static final String NAME_HEADER = "X-Actor-Name";
    private static final int MAX_LENGTH = 200;

    private Actors() {
    }

    /** @throws ApiProblem 400 naming the header that is missing, blank or malformed */
    static Actor from(ApiRequest request) {
        return new Actor(value(request, ID_HEADER), value(request, NAME_HEADER));
    }

    private static String value(ApiRequest request, String header) {
        String raw = request.header(header);
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.invalidHeader(header, "is required on every write (until login tokens replace it)");
        }
        String value = percentDecode(raw.strip(), header);
        if (value.length() > MAX_LENGTH) {
            throw ApiProblem.invalidHeader(header, "is longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.invalidHeader(header, "contains control characters");
        }
        return value;
    }

    private static String percentDecode(String value, String header) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw ApiProblem.invalidHeader(header, "has a malformed percent-encoding");
                }
                bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalidHeader(header, "percent-encoding is not UTF-8");
        }
    }
}
