package nl.proeftuin.core.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/**
 * The UI's pages may not be framed by any page, the UI's own included (the README's promise for every
 * answer: frame-ancestors 'none', as X-Frame-Options DENY says), and send no referrer. A CSP of
 * frame-ancestors 'self' overrode the DENY in browsers, so any same-origin page could frame the UI.
 */
class UiServletHeadersTest {

    @Test
    void theUiIsNeverFramedAndSendsNoReferrer() throws Exception {
        for (String path : new String[] {"/", "/i18n/nl.json", "/no-such-file.js"}) {
            Map<String, String> headers = get(path);
            String csp = headers.get("Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'") && !csp.contains("frame-ancestors 'self'"), path + ": " + csp);
            assertEquals("no-referrer", headers.get("Referrer-Policy"), path);
            assertEquals("nosniff", headers.get("X-Content-Type-Options"), path);
        }
    }

    private static Map<String, String> get(String path) throws Exception {
        Map<String, String> headers = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(UiServletHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> path;
                    case "getRequestURI" -> "/ui" + path;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/ui";
                    default -> null;
                });
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(UiServletHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        new UiServlet().doGet(req, resp);
        return headers;
    }
}
