package nl.proeftuin.core.rest.internal;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The default servlet ({@code /}): any path nothing else serves answers 404 as
 * {@code application/problem+json}, instead of the container's HTML error page. It is also the error
 * page of the context: an error the container raises itself (a 4xx or 5xx through
 * {@code sendError}, an exception a servlet let escape) answers problem+json with the security headers,
 * never Jetty's page naming the servlet.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("proeftuin-fallback")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
public class FallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Json json = new Json();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code && code >= 400) {
            ApiDispatcher.writeProblem(json, req, resp, containerError(code, req));
            return;
        }
        if ("/".equals(req.getRequestURI()) && "GET".equals(req.getMethod())) {
            resp.sendRedirect("/ui/"); // the web UI (core/web); the API itself lives under /api/v1
            return;
        }
        ApiDispatcher.writeProblem(json, req, resp, ApiProblem.notFound("No resource at " + req.getRequestURI()));
    }

    /** The problem for an error the container raised: its status, a fixed text (no servlet, no message). */
    static ApiProblem containerError(int status, HttpServletRequest req) {
        if (status == 404) {
            Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return ApiProblem.notFound("No resource at " + (uri == null ? req.getRequestURI() : uri));
        }
        if (status == 400 && ApiProblem.undecodable((Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return ApiRequest.undecodable("request");
        }
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
        int code = status >= 600 ? 500 : status;
        return new ApiProblem(code, title, code >= 500 ? "The server could not answer this request" : title);
    }
}
