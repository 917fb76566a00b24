package nl.proeftuin.core.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request and response pair in memory, as the servlet container would hand them to the API
 * servlet mounted at {@code /api/v1/*}. Only the servlet methods the API uses are answered; any other
 * call fails the test, so a new dependency on the container shows up here first.
 */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String method;
    final String target;
    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byte[] requestBody;
    /** The declared Content-Length, or -1 (as for a chunked body). */
    long declaredLength = -1;

    /** The request's attributes, as the dispatcher left them. */
    final Map<String, Object> attributes = new java.util.HashMap<>();
    int status = 200;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String contentType;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintWriter writer;

    private Http(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** A GET as Anna (a professional, see {@link TestSecurity#ANNA}). */
    static Http get(String target) {
        return new Http("GET", target).as(TestSecurity.ANNA.userId());
    }

    /** A request as Anna. */
    static Http request(String method, String target) {
        return new Http(method, target).as(TestSecurity.ANNA.userId());
    }

    /** A POST with a JSON body, as Anna. */
    static Http post(String target, String json) {
        return request("POST", target).json(json);
    }

    Http header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    /** Sends the bearer token of a user of {@link TestSecurity#USERS}. */
    Http as(String userId) {
        return bearer(TestSecurity.token(userId));
    }

    Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** Sends no token at all. */
    Http anonymous() {
        return without("Authorization");
    }

    Http json(String json) {
        header("Content-Type", "application/json");
        return body(json.getBytes(StandardCharsets.UTF_8), true);
    }

    Http body(byte[] bytes, boolean declareLength) {
        requestBody = bytes;
        declaredLength = declareLength ? bytes.length : -1;
        return this;
    }

    Http without(String header) {
        requestHeaders.remove(header);
        return this;
    }

    /** Runs this exchange through the dispatcher. */
    Http on(ApiDispatcher dispatcher) {
        try {
            dispatcher.service(request(), response());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (writer != null) {
            writer.flush();
        }
        return this;
    }

    String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    JsonNode body() {
        try {
            return JSON.readTree(text());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text(), e);
        }
    }

    String mediaType() {
        return contentType == null ? null : contentType.split(";")[0].strip();
    }

    private HttpServletRequest request() {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        // decoded on first use, as the container does: a malformed query fails getParameter, not the request
        java.util.function.Supplier<Map<String, String>> query = () -> {
            Map<String, String> decoded = new LinkedHashMap<>();
            if (q >= 0) {
                for (String pair : target.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    decoded.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return decoded;
        };
        return (HttpServletRequest) Proxy.newProxyInstance(Http.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    // the container hands the servlet a decoded path info ("+" is a plus in a path)
                    case "getPathInfo" -> URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
                    case "getRequestURI" -> "/api/v1" + path;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/api/v1";
                    case "getHeader" -> requestHeaders.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(requestHeaders.containsKey((String) args[0])
                            ? java.util.List.of(requestHeaders.get((String) args[0])) : java.util.List.of());
                    case "getParameter" -> query.get().get((String) args[0]);
                    // every value of a repeated parameter (cohorts: one cohort parameter per cohort)
                    case "getParameterValues" -> {
                        java.util.List<String> values = new java.util.ArrayList<>();
                        if (q >= 0) {
                            for (String pair : target.substring(q + 1).split("&")) {
                                int eq = pair.indexOf('=');
                                if (URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8)
                                        .equals(args[0])) {
                                    values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                                }
                            }
                        }
                        yield values.isEmpty() ? null : values.toArray(new String[0]);
                    }
                    case "isSecure" -> false;
                    case "getQueryString" -> target.contains("?") ? target.substring(target.indexOf('?') + 1) : null;
                    case "getContentType" -> requestHeaders.get("Content-Type");
                    case "getContentLengthLong" -> declaredLength;
                    case "getContentLength" -> (int) declaredLength;
                    case "getInputStream" -> input(requestBody == null ? new byte[0] : requestBody);
                    case "toString" -> method + " " + target;
                    // the Guard keeps the principal and request id on the request
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getRemoteAddr" -> "127.0.0.1";
                    default -> throw new UnsupportedOperationException("request." + m.getName());
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(Http.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getHeader" -> {
                            return headers.get((String) args[0]);
                        }
                        case "setCharacterEncoding" -> {
                        }
                        case "setContentType" -> contentType = ((String) args[0]).toLowerCase(Locale.ROOT);
                        case "isCommitted" -> {
                            return false;
                        }
                        case "reset" -> {
                            status = 200;
                            headers.clear();
                            contentType = null;
                            out = new ByteArrayOutputStream();
                            writer = null;
                        }
                        case "getOutputStream" -> {
                            return output(out);
                        }
                        case "getWriter" -> {
                            if (writer == null) {
                                writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                            }
                            return writer;
                        }
                        case "toString" -> {
                            return "response " + status;
                        }
                        default -> throw new UnsupportedOperationException("response." + m.getName());
                    }
                    return null;
                });
    }

    private static ServletInputStream input(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static ServletOutputStream output(ByteArrayOutputStream out) {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
