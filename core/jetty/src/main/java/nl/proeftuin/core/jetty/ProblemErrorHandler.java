package nl.proeftuin.core.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's server-wide error handler, named in {@code etc/jetty.xml}: the requests Jetty refuses before
 * any servlet sees them (a NUL in the path, request headers over 8 KiB, a malformed request line) are
 * answered with RFC 9457 {@code application/problem+json}, as every other error of the platform, with
 * the security headers; Jetty's own handler writes an HTML page whatever it is configured with. The
 * answer names the status and its standard phrase only: never Jetty's reason, a servlet or a version.
 */
public class ProblemErrorHandler extends ErrorHandler {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final HttpField[] SECURITY_HEADERS = {
        new HttpField(HttpHeader.CACHE_CONTROL, "no-store"),
        new HttpField("X-Content-Type-Options", "nosniff"),
        new HttpField("X-Frame-Options", "DENY"),
        new HttpField("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
    };

    /** A request Jetty could not parse or will not take (400, 414, 431, ...), answered without a servlet. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        for (HttpField header : SECURITY_HEADERS) {
            fields.put(header);
        }
        return BufferUtil.toBuffer(problem(status), StandardCharsets.UTF_8);
    }

    /** An error Jetty dispatches to the server's handler rather than to a context's error page. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        if (HttpStatus.hasNoBody(code)) {
            return;
        }
        response.setContentType(PROBLEM_JSON);
        for (HttpField header : SECURITY_HEADERS) {
            response.setHeader(header.getName(), header.getValue());
        }
        response.getOutputStream().write(problem(code).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem for a status: its standard phrase as title and detail (plain ASCII, nothing to escape). */
    static String problem(int status) {
        String title = HttpStatus.getMessage(status);
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The request was refused before it reached the API: " + title + "\"}";
    }
}
