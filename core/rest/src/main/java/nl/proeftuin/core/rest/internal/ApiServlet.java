package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import nl.proeftuin.core.api.health.HealthReport;
import nl.proeftuin.core.store.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /api/v1}: one servlet on the OSGi HTTP Whiteboard, routing by path
 * template, JSON in and out, every error as {@code application/problem+json}.
 *
 * <p>The servlet is up as soon as the bundle is, even when the database is not: health must be
 * able to say 503 while the platform is not ready, so the database is an optional, dynamic reference.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletName("proeftuin-api")
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient Json json = new Json();
    private final transient Router router = new Router();
    private final transient PlatformHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    /**
     * @param scr     the component runtime, asked for the state of every core component
     * @param context this bundle's context
     */
    @Activate
    public ApiServlet(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.health = new PlatformHealth(scr, context.getBundle());
        router.add("GET", "/health", this::health);
    }

    private Reply health(ApiRequest request) {
        HealthReport report = health.report(database);
        return Reply.json(report.status() == HealthReport.Status.UP ? 200 : 503, report)
                .header("Cache-Control", "no-store");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            Router.Match match = router.match(req.getMethod(), path);
            Reply reply = match.route().handler().handle(new ApiRequest(req, match.variables(), json));
            write(req, resp, reply);
        } catch (ApiProblem problem) {
            writeProblem(req, resp, problem);
        } catch (Exception e) {
            String id = UUID.randomUUID().toString();
            LOG.error("Unhandled error {} on {} {}", id, req.getMethod(), path, e);
            writeProblem(req, resp, new ApiProblem(500, "Internal Server Error",
                    "An unexpected error occurred; quote " + id + " to the operator").with("errorId", id));
        }
    }

    private void write(HttpServletRequest req, HttpServletResponse resp, Reply reply) throws IOException {
        resp.setStatus(reply.status);
        reply.headers.forEach(resp::setHeader);
        if (reply.body == null) {
            return;
        }
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType(reply.contentType);
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        if (reply.body instanceof String text && !reply.contentType.endsWith("json")) {
            resp.getWriter().write(text);
        } else {
            json.mapper().writeValue(resp.getOutputStream(), reply.body);
        }
    }

    private void writeProblem(HttpServletRequest req, HttpServletResponse resp, ApiProblem problem) throws IOException {
        writeProblem(json, req, resp, problem);
    }

    static void writeProblem(Json json, HttpServletRequest req, HttpServletResponse resp, ApiProblem problem)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(problem.status);
        if (problem.status == 405) {
            Object allowed = problem.extensions.get("allowed");
            if (allowed instanceof Iterable<?> methods) {
                resp.setHeader("Allow", String.join(", ", (Iterable<String>) methods));
            }
        }
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType("application/problem+json");
        if (!"HEAD".equals(req.getMethod())) {
            json.mapper().writeValue(resp.getOutputStream(), problem.body(req.getRequestURI()));
        }
    }
}
