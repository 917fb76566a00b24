package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.spi.runtime.CareFinder;
import nl.proeftuin.core.spi.runtime.CarePathService;
import nl.proeftuin.core.spi.runtime.LocalTeamExchange;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.spi.runtime.OutcomeMonitor;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.spi.runtime.MunicipalityRegister;
import nl.proeftuin.core.spi.runtime.PluginRuntime;
import nl.proeftuin.core.spi.runtime.TriageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole {@code /api/v1} route table and its dispatch: matches a request to a resource's handler,
 * writes the {@link Reply}, and maps every error to problem+json. Free of OSGi, so tests build it
 * with plain objects; {@link ApiServlet} is only the wiring.
 */
final class ApiDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    /** Personal data is never stored by a cache (ASVS 14.3); clients still revalidate with If-None-Match. */
    static final String DEFAULT_CACHE_CONTROL = "no-store";

    private final Json json;
    private final Router router = new Router();
    /** Authentication, roles, need to know and the access log: every request passes it (see service). */
    private final Guard guard;

    /**
     * @param health  the {@code GET /health} handler
     * @param family  the family service as currently bound, or null
     * @param cases   the case service as currently bound, or null
     * @param plans   the plan service as currently bound, or null
     * @param runtime the plugin runtime (plugins, bindings, alerts) as currently bound, or null
     * @param triage  the triage service as currently bound, or null
     */
    ApiDispatcher(Json json, Router.Handler health, Supplier<FamilyService> family, Supplier<CaseService> cases,
            Supplier<PlanService> plans, Supplier<PluginRuntime> runtime, Supplier<TriageService> triage) {
        this(json, health, family, cases, plans, runtime, triage, new Services());
    }

    /**
     * @param more the further services (care path, local-team outbox, care finder, ...)
     */
    ApiDispatcher(Json json, Router.Handler health, Supplier<FamilyService> family, Supplier<CaseService> cases,
            Supplier<PlanService> plans, Supplier<PluginRuntime> runtime, Supplier<TriageService> triage,
            Services more) {
        this.json = json;
        OptionalService<CaseService> caseService = new OptionalService<>("case service", cases);
        OptionalService<AccessLog> accessLog = more.optional("access log", AccessLog.class);
        OptionalService<Authenticator> authenticator = more.optional("authenticator", Authenticator.class);
        this.guard = new Guard(authenticator, more.optional("need to know", NeedToKnow.class), accessLog);
        new AuthResource(authenticator, accessLog).register(router);
        new BreakGlassResource(more.optional("break-glass", BreakGlass.class)).register(router);
        router.add("GET", "/health", health);
        new OpenApiResource().register(router);
        new FamilyResource(new OptionalService<>("family service", family), guard).register(router);
        new CaseResource(caseService, guard).register(router);
        new CaseRecordResource(caseService).register(router);
        new PlanResource(new OptionalService<>("plan service", plans)).register(router);
        new BindingResource(new OptionalService<>("plugin runtime", runtime)).register(router);
        new TriageResource(new OptionalService<>("triage service", triage), guard).register(router);
        new CarePathResource(more.optional("care path service", CarePathService.class)).register(router);
        new LocalTeamResource(more.optional("local-team exchange", LocalTeamExchange.class)).register(router);
        new CareResource(more.optional("care finder", CareFinder.class)).register(router);
        new MonitorResource(more.optional("outcome monitor", OutcomeMonitor.class), guard).register(router);
        new AuditResource(more.optional("access log", AccessLog.class)).register(router);
        new MunicipalityResource(more.optional("municipality register", MunicipalityRegister.class)).register(router);
        new PrivacyResource(more.optional("privacy service", PrivacyService.class),
                more.optional("restricted data", RestrictedData.class)).register(router);
    }

    Router router() {
        return router;
    }

    void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            Router.Match match = router.match(req.getMethod(), path);
            guard.check(req, match);
            Reply reply = match.route().handler().handle(new ApiRequest(req, match.variables(), json));
            write(req, resp, reply);
        } catch (ApiProblem problem) {
            writeProblem(json, req, resp, problem);
        } catch (Exception e) {
            ApiProblem problem = e instanceof RuntimeException runtime ? ApiProblem.fromService(runtime) : null;
            if (problem == null) {
                String id = UUID.randomUUID().toString();
                LOG.error("Unhandled error {} on {} {}", id, req.getMethod(), path, e);
                problem = new ApiProblem(500, "Internal Server Error",
                        "An unexpected error occurred; quote " + id + " to the operator").with("errorId", id);
            }
            writeProblem(json, req, resp, problem);
        }
    }

    private void write(HttpServletRequest req, HttpServletResponse resp, Reply reply) throws IOException {
        resp.setStatus(reply.status);
        reply.headers.forEach(resp::setHeader);
        if (!reply.headers.containsKey("Cache-Control")) {
            resp.setHeader("Cache-Control", DEFAULT_CACHE_CONTROL);
        }
        if (reply.body == null) {
            return;
        }
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType(reply.contentType);
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        if (reply.body instanceof byte[] bytes) {
            resp.getOutputStream().write(bytes);
        } else if (reply.body instanceof String text && !reply.contentType.endsWith("json")) {
            resp.getWriter().write(text);
        } else {
            json.mapper().writeValue(resp.getOutputStream(), reply.body);
        }
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
                StringBuilder header = new StringBuilder();
                for (Object method : methods) {
                    header.append(header.length() == 0 ? "" : ", ").append(method);
                }
                resp.setHeader("Allow", header.toString());
            }
        }
        problem.headers.forEach(resp::setHeader);
        if (problem.status == 413) {
            // The body was refused unread: close the connection rather than let the container
            // read (and wait for) the rest of an oversized body to keep the connection alive.
            resp.setHeader("Connection", "close");
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType("application/problem+json");
        if (!"HEAD".equals(req.getMethod())) {
            json.mapper().writeValue(resp.getOutputStream(), problem.body(req.getRequestURI()));
        }
    }
}
