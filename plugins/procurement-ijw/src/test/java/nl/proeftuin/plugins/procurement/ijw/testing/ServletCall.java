package nl.proeftuin.plugins.procurement.ijw.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ReadListener;
import javax.servlet.Servlet;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Calls a servlet as the HTTP Whiteboard would, with a hand-written request and response (dynamic
 * proxies: only the methods a servlet needs here answer, the rest return null/0/false).
 */
public final class ServletCall {

    /** What the servlet answered. */
    public record Answer(int status, String contentType, Map<String, String> headers, String body) {
    }

    private ServletCall() {
    }

    public static Answer post(Servlet servlet, String contentType, String authorization, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ServletInputStream sin = new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener l) { }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(ServletCall.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "POST";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getContentType" -> contentType;
                    case "getContentLength" -> bytes.length;
                    case "getContentLengthLong" -> (long) bytes.length;
                    case "getInputStream" -> sin;
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) a[0]) ? authorization
                            : "Content-Type".equalsIgnoreCase((String) a[0]) ? contentType : null;
                    default -> defaultValue(m.getReturnType());
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServletOutputStream sout = new ServletOutputStream() {
            @Override public void write(int b) { out.write(b); }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { }
        };
        int[] status = {200};
        String[] type = {null};
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(ServletCall.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "sendError" -> status[0] = (Integer) a[0];
                        case "setContentType" -> type[0] = (String) a[0];
                        case "setHeader", "addHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "getOutputStream" -> {
                            return sout;
                        }
                        default -> {
                            return defaultValue(m.getReturnType());
                        }
                    }
                    return null;
                });
        servlet.service(request, response);
        return new Answer(status[0], type[0], headers, out.toString(StandardCharsets.UTF_8));
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
