package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.care.CarePathService;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.api.monitor.OutcomeMonitor;
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.triage.TriageService;
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
    /** Every request's id: on the request, in the MDC, in the answer (decision 0024). */
    private RequestIds requestIds = new RequestIds();

    /**
     * @param health  the handler of {@code GET /health}, {@code /health/ready} and {@code /health/details}
     *                (it tells them apart by the request's path)
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
        new BreakGlassResource(more.optional("break-glass", BreakGlass.class), guard).register(router);
        router.add(Route.get("/health")
                .operation("health", "platform", "Platform health for anyone: only UP (200) or DOWN (503), the same "
                        + "verdict as /health/ready; no versions or components (those are in /health/details).")
                .policy(RoutePolicy.anonymous())
                .returns(200, "UP", Readiness.HealthStatus.class)
                .returns(503, "DOWN: not ready", Readiness.HealthStatus.class)
                .handle(health));
        router.add(Route.get("/health/ready")
                .operation("healthReady", "platform", "Readiness for load balancers: 200 only when every core bundle "
                        + "is active and every core component ready, the API servlet is registered, the access log "
                        + "and security services are there and the database takes a write (a one-row heartbeat, at "
                        + "most once a second); else 503. The verdict is cached for one second, so polling every "
                        + "second is cheap.")
                .policy(RoutePolicy.anonymous())
                .returns(200, "UP: ready to serve", Readiness.HealthStatus.class)
                .returns(503, "DOWN: not ready", Readiness.HealthStatus.class)
                .handle(health));
        router.add(Route.get("/health/live")
                .operation("healthLive", "platform", "Liveness: 200 whenever this process answers HTTP; it reads no "
                        + "database and no service, so a node that is only waiting for its database is live but not "
                        + "ready. For process supervisors; load balancers poll /health/ready.")
                .policy(RoutePolicy.anonymous())
                .returns(200, "UP: the process answers", Readiness.HealthStatus.class)
                .handle(request -> Reply.json(200, Readiness.LIVE).noStore()));
        router.add(Route.get("/health/details")
                .operation("healthDetails", "platform", "The detailed health report (version, Git revision, database, "
                        + "every core component, what failed), for regional administrators. 200 when ready, 503 when "
                        + "not; 401 without login, 403 for other roles.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .returns(200, "UP", Readiness.HealthDetails.class)
                .returns(503, "DOWN: not ready; failures says why", Readiness.HealthDetails.class)
                .handle(health));
        OpenApiResource openApi = new OpenApiResource(json);
        openApi.register(router);
        new FamilyResource(new OptionalService<>("family service", family), guard).register(router);
        new CaseResource(caseService, guard).register(router);
        new CaseRecordResource(caseService).register(router);
        new PlanResource(new OptionalService<>("plan service", plans)).register(router);
        new BindingResource(new OptionalService<>("plugin runtime", runtime),
                more.optional("triage replay", nl.proeftuin.core.api.triage.TriageReplay.class), guard).register(router);
        new ConfigurationResource(new OptionalService<>("plugin runtime", runtime), accessLog).register(router);
        new TriageResource(new OptionalService<>("triage service", triage), guard).register(router);
        new CarePathResource(more.optional("care path service", CarePathService.class)).register(router);
        new LocalTeamResource(more.optional("local-team exchange", LocalTeamExchange.class), guard).register(router);
        new CareResource(more.optional("care finder", CareFinder.class)).register(router);
        new MonitorResource(more.optional("outcome monitor", OutcomeMonitor.class), guard).register(router);
        new AuditResource(more.optional("access log", AccessLog.class), guard).register(router);
        new MunicipalityResource(more.optional("municipality register", MunicipalityRegister.class)).register(router);
        new UserResource(more.optional("user administration", UserAdministration.class)).register(router);
        new BackupResource(more.optional("node backup", NodeBackup.class)).register(router);
        new PrivacyResource(more.optional("privacy service", PrivacyService.class),
                more.optional("restricted data", RestrictedData.class), guard).register(router);
        // --- living (issue 14)
        new LivingResource(more.optional("living case service", nl.proeftuin.core.api.living.LivingCaseService.class),
                guard).register(router);
        // --- muni (issue 14 part 4)
        new MunicipalInboxResource(more.optional("municipal inbox", nl.proeftuin.core.api.municipal.MunicipalInbox.class),
                guard).register(router);
        // --- muni (issue 14 part 5)
        new WaitResource(more.optional("waits", nl.proeftuin.core.api.waits.WaitService.class)).register(router);
        // cohorts (issue 15)
        new CohortResource(more.optional("cohort comparison", nl.proeftuin.core.api.monitor.CohortService.class),
                more.optional("privacy service", PrivacyService.class), guard).register(router);
        openApi.complete(router);
    }

    Router router() {
        return router;
    }

    /** For tests where no logging backend is bound: the request ids go into this MDC. */
    ApiDispatcher withMdc(org.slf4j.spi.MDCAdapter mdc) {
        this.requestIds = new RequestIds(mdc);
        return this;
    }

    /**
     * Guard, handler, access log, answer, in that order: the handler's reply is rendered in memory,
     * the request's entry is logged with what really happened (status, outcome, ids created), and only
     * then is the answer written. When the entry cannot be logged the client gets 503 and no data
     * (no log, no answer). The whole request runs under its id ({@link RequestIds}): in the MDC, in the
     * {@code X-Request-Id} header and in every access-log entry it writes.
     */
    void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (RequestIds.Scope id = requestIds.begin(req, resp)) {
            int status = handle(req, resp, id.id());
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {}", req.getMethod(), req.getPathInfo(), status);
            }
        }
    }

    private int handle(HttpServletRequest req, HttpServletResponse resp, String requestId) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Guard.Entry entry = null;
        Reply reply = null;
        byte[] body = null;
        ApiProblem problem = null;
        try {
            Router.Match match = router.match(req.getMethod(), path);
            req.setAttribute(RequestMetrics.ROUTE, match.route().template()); // the metrics' label: never the path
            entry = guard.check(req, match);
            reply = match.route().handler().handle(new ApiRequest(req, match.variables(), json));
            body = render(req, reply);
        } catch (ApiProblem p) {
            problem = p;
        } catch (Exception e) {
            problem = e instanceof RuntimeException runtime ? ApiProblem.fromService(runtime) : null;
            if (problem == null) {
                String id = requestId;
                LOG.error("Unhandled error {} on {} {}", id, req.getMethod(), path, e);
                problem = new ApiProblem(500, "Internal Server Error",
                        "An unexpected error occurred; quote " + id + " to the operator").with("errorId", id);
            }
        }
        if (entry != null) {
            try {
                guard.logOutcome(req, entry, problem != null ? problem.status : reply.status,
                        problem != null ? null : reply, problem);
            } catch (RuntimeException logFailed) {
                // a change the handler made is committed; its entry is not: the operator's log keeps who and what
                LOG.error("The access log could not record {} {} by {} (request {}, status {}): the answer is withheld",
                        req.getMethod(), path, entry.admitted.userId(), entry.admitted.requestId(),
                        problem != null ? problem.status : reply.status, logFailed);
                problem = new ApiProblem(503, "Service Unavailable",
                        "The access log could not record this request, so it is not answered; try again later")
                        .header("Retry-After", "5");
            }
        }
        if (problem != null) {
            writeProblem(json, req, resp, problem);
            return problem.status;
        }
        write(req, resp, reply, body);
        return reply.status;
    }

    /** The reply's body as bytes (before it is logged: a body that cannot be written is a 500, logged as such). */
    private byte[] render(HttpServletRequest req, Reply reply) throws IOException {
        if (reply.body == null || "HEAD".equals(req.getMethod())) {
            return null;
        }
        if (reply.body instanceof byte[] bytes) {
            return bytes;
        }
        if (reply.body instanceof String text && !reply.contentType.endsWith("json")) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return json.mapper().writeValueAsBytes(reply.body);
    }

    private void write(HttpServletRequest req, HttpServletResponse resp, Reply reply, byte[] body) throws IOException {
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
        if (body == null) {
            return;
        }
        resp.getOutputStream().write(body);
    }

    static void writeProblem(Json json, HttpServletRequest req, HttpServletResponse resp, ApiProblem problem)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        // reset() drops every header, the security headers of SecurityHeadersFilter too: set them again
        SecurityHeadersFilter.apply(req, resp);
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
        String requestId = RequestIds.of(req);
        if (requestId != null) {
            resp.setHeader(RequestIds.HEADER, requestId); // reset() dropped it too
        }
        if (problem.status == 413) {
            // The body was refused unread: close the connection rather than let the container
            // read (and wait for) the rest of an oversized body to keep the connection alive.
            resp.setHeader("Connection", "close");
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentType("application/problem+json");
        if (!"HEAD".equals(req.getMethod())) {
            java.util.Map<String, Object> body = problem.body(req.getRequestURI());
            if (requestId != null) {
                body.putIfAbsent("requestId", requestId);
            }
            json.mapper().writeValue(resp.getOutputStream(), body);
        }
    }
}
