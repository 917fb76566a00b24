package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.api.monitor.OutcomeMonitor;
import nl.proeftuin.core.api.monitor.CohortService;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.care.CarePathService;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import nl.proeftuin.core.api.triage.TriageService;
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.health.HeartbeatStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The HTTP API under {@code /api/v1}: one servlet on the OSGi HTTP Whiteboard, routing by path
 * template, JSON in and out, every error as {@code application/problem+json}. This class is only the
 * OSGi wiring; {@link ApiDispatcher} holds the routes and the resources.
 *
 * <p>The servlet is up as soon as the bundle is, even when the database or the core services are
 * not: health must be able to say 503 while the platform is not ready, and an endpoint whose service
 * is missing answers 503 itself. So these are optional, dynamic references (not the constructor
 * injection the house style prefers), read once per request through their volatile fields.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletName(ApiServlet.NAME)
public class ApiServlet extends HttpServlet {
    static final String NAME = "proeftuin-api";
    private static final long serialVersionUID = 1L;

    private final transient Readiness readiness;
    private final transient ApiDispatcher dispatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HeartbeatStore heartbeatStore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FamilyService familyService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CaseService caseService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlanService planService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginRuntime pluginRuntime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TriageService triageService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CarePathService carePathService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LocalTeamExchange localTeamExchange;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CareFinder careFinder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OutcomeMonitor outcomeMonitor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccessLog accessLog;

    // cohorts (issue 15): the pilot evaluation
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CohortService cohortService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PrivacyService privacyService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RestrictedData restrictedData;

    // Security: without them every route but health, login and the OpenAPI document answers 503.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NeedToKnow needToKnow;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BreakGlass breakGlass;

    // --- living (issue 14): the living case's service
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile nl.proeftuin.core.api.living.LivingCaseService livingCaseService;

    /** The HTTP runtime, asked by readiness whether this servlet is registered. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime httpRuntime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MunicipalityRegister municipalityRegister;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile UserAdministration userAdministration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeBackup nodeBackup;

    // switches (issue 15 part 4): replay of a candidate triage
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile nl.proeftuin.core.api.triage.TriageReplay triageReplay;

    // --- muni (issue 14 part 4)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile nl.proeftuin.core.api.municipal.MunicipalInbox municipalInbox;

    // --- muni (issue 14 part 5)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile nl.proeftuin.core.api.waits.WaitService waitService;

    // The node's metrics (decision 0023): requests per route template and status. Greedy, so a registry
    // that comes later is used; the API never waits for it.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeterRegistry meterRegistry;

    /**
     * @param scr     the component runtime, asked for the state of every core component
     * @param context this bundle's context
     */
    @Activate
    public ApiServlet(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.readiness = new Readiness(new PlatformHealth(scr, context.getBundle()), context.getBundle(),
                () -> database, () -> heartbeatStore, Map.of("the access log", () -> accessLog, "the authenticator", () -> authenticator,
                        "need to know", () -> needToKnow), this::registered, Clock.systemUTC());
        this.dispatcher = new ApiDispatcher(new Json(), this::health,
                () -> familyService, () -> caseService, () -> planService, () -> pluginRuntime, () -> triageService,
                new Services().with(CarePathService.class, () -> carePathService)
                        .with(LocalTeamExchange.class, () -> localTeamExchange)
                        .with(CareFinder.class, () -> careFinder)
                        .with(OutcomeMonitor.class, () -> outcomeMonitor)
                        .with(AccessLog.class, () -> accessLog)
                        .with(PrivacyService.class, () -> privacyService)
                        .with(RestrictedData.class, () -> restrictedData)
                        .with(Authenticator.class, () -> authenticator)
                        .with(NeedToKnow.class, () -> needToKnow)
                        .with(BreakGlass.class, () -> breakGlass)
                        .with(MunicipalityRegister.class, () -> municipalityRegister)
                        .with(UserAdministration.class, () -> userAdministration)
                        .with(NodeBackup.class, () -> nodeBackup)
                        .with(nl.proeftuin.core.api.triage.TriageReplay.class, () -> triageReplay) // switches
                        // --- living
                        .with(nl.proeftuin.core.api.living.LivingCaseService.class, () -> livingCaseService)
                        // --- muni
                        .with(nl.proeftuin.core.api.municipal.MunicipalInbox.class, () -> municipalInbox)
                        .with(nl.proeftuin.core.api.waits.WaitService.class, () -> waitService)
                        .with(CohortService.class, () -> cohortService)); // cohorts
    }

    /**
     * {@code GET /health} and {@code /health/ready}: UP (200) or DOWN (503) and nothing else, for anyone;
     * {@code /health/details} (administrators only, see RoutePolicy): the report and what failed.
     */
    private Reply health(ApiRequest request) {
        Readiness.Verdict verdict = readiness.verdict();
        Object body = "/health/details".equals(request.http().getPathInfo()) ? verdict.details() : verdict.status();
        return Reply.json(verdict.ready() ? 200 : 503, body).noStore();
    }

    /** Whether the HTTP runtime lists this servlet (by its whiteboard name) in a servlet context. */
    private boolean registered() {
        HttpServiceRuntime runtime = httpRuntime;
        if (runtime == null) {
            return false;
        }
        RuntimeDTO dto = runtime.getRuntimeDTO();
        if (dto == null || dto.servletContextDTOs == null) {
            return false;
        }
        for (ServletContextDTO context : dto.servletContextDTOs) {
            for (ServletDTO servlet : context.servletDTOs == null ? new ServletDTO[0] : context.servletDTOs) {
                if (NAME.equals(servlet.name)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long started = System.nanoTime();
        try {
            dispatcher.service(req, resp);
        } finally {
            RequestMetrics.record(meterRegistry, req.getMethod(), req.getAttribute(RequestMetrics.ROUTE),
                    resp.getStatus(), System.nanoTime() - started);
        }
    }
}
