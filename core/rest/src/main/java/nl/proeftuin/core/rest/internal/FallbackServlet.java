package nl.proeftuin.core.rest.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The default servlet ({@code /}): any path nothing else serves answers 404 as
 * {@code application/problem+json}, instead of the container's HTML error page.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("proeftuin-fallback")
public class FallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Json json = new Json();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/".equals(req.getRequestURI()) && "GET".equals(req.getMethod())) {
            resp.sendRedirect("/ui/"); // the web UI (core/web); the API itself lives under /api/v1
            return;
        }
        ApiDispatcher.writeProblem(json, req, resp, ApiProblem.notFound("No resource at " + req.getRequestURI()));
    }
}
