package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** One API request as a handler sees it: path variables, query, headers and a size-limited JSON body. */
final class ApiRequest {
    /** Bodies larger than this answer 413. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServletRequest http;
    private final Map<String, String> variables;
    private final Json json;

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

    String query(String name) {
        return http.getParameter(name);
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
            throw tooLarge();
        }
        String contentType = http.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiProblem(415, "Unsupported Media Type", "Send the body as application/json");
        }
        byte[] bytes;
        try (InputStream in = http.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
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
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalidField(Json.pathOf(e), "unknown field");
        } catch (InvalidFormatException e) {
            throw ApiProblem.invalidField(Json.pathOf(e), "invalid value " + Json.quote(e.getValue()));
        } catch (MismatchedInputException e) {
            String path = Json.pathOf(e);
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

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "Content Too Large", "The body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}
