package nl.proeftuin.core.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web UI at {@code /ui}: the static files under {@code ui/} in this bundle, and the texts of one
 * language as JSON at {@code /ui/i18n/<lang>.json} (read from the {@code i18n/messages_<lang>}
 * resource bundle, see {@link Messages}).
 *
 * <p>A small servlet rather than an {@code @HttpWhiteboardResource}: it answers {@code /ui/} with
 * {@code index.html}, sends a strict Content-Security-Policy (the UI runs no inline script and
 * talks only to its own origin), and the texts need code anyway.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern({"/ui", "/ui/*"})
@HttpWhiteboardServletName("proeftuin-ui")
public class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ROOT = "ui";
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final Pattern I18N = Pattern.compile("/i18n/([a-z]{2})\\.json");
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml",
            "json", "application/json;charset=UTF-8",
            "png", "image/png",
            "ico", "image/x-icon");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if ("/".equals(path)) {
            path = "/index.html";
        }
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("Referrer-Policy", "no-referrer");
        // Revalidate on every load: a new bundle version must show at once, files are small.
        resp.setHeader("Cache-Control", "no-cache");
        Matcher i18n = I18N.matcher(path);
        if (i18n.matches()) {
            String json = Messages.json(Locale.forLanguageTag(i18n.group(1)));
            if (json == null) {
                notFound(resp, "No texts for language " + i18n.group(1) + "; there are " + Messages.LANGUAGES);
                return;
            }
            resp.setContentType(TYPES.get("json"));
            resp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String type = SAFE_PATH.matcher(path).matches() ? TYPES.get(extension(path)) : null;
        URL resource = type == null ? null : UiServlet.class.getClassLoader().getResource(ROOT + path);
        if (resource == null) {
            notFound(resp, "No UI file at " + req.getRequestURI());
            return;
        }
        resp.setContentType(type);
        try (InputStream in = resource.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }

    /** A 404 as problem+json, like the API's, so a client handles both the same way. */
    private static void notFound(HttpServletResponse resp, String detail) throws IOException {
        resp.setStatus(404);
        resp.setContentType("application/problem+json;charset=UTF-8");
        resp.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
                + Messages.quote(detail) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
