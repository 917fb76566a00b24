package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.PlanDiff;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;
import nl.proeftuin.core.api.dto.PlanVersionSummary;
import nl.proeftuin.core.security.Role;

/**
 * The family plan of a case: {@code /cases/{caseId}/plan}, its versions, diffs and the family's view.
 * A plan version's ETag is {@code "<version>"}; a new version names the one it edits in {@code If-Match}.
 */
final class PlanResource {
    private final OptionalService<PlanService> plans;

    PlanResource(OptionalService<PlanService> plans) {
        this.plans = plans;
    }

    void register(Router router) {
        router.add(Route.get("/cases/{caseId}/plan")
                .operation("latestPlan", "plan", "The latest plan version (404 when there is no plan yet).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfNoneMatch")
                .returns(200, "OK", PlanVersion.class).headers("ETag")
                .responses(304)
                .handle(r -> tagged(r, plans.get().latest(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/plan")
                .operation("newPlanVersion", "plan", "Saves a new plan version.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchPlan")
                .body(PlanInput.class)
                .returns(201, "Created: Location is the new version", PlanVersion.class).headers("ETag", "Location")
                .responses(409, 412, 428)
                .handle(this::newVersion));
        router.add(Route.get("/cases/{caseId}/plan/versions")
                .operation("planVersions", "plan", "All plan versions, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(PlanVersionSummary.class))
                .handle(r -> Reply.ok(plans.get().versions(r.path("caseId")))));
        router.add(Route.get("/cases/{caseId}/plan/versions/{version}")
                .operation("planVersion", "plan", "One plan version.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfNoneMatch")
                .returns(200, "OK", PlanVersion.class).headers("ETag")
                .responses(304, 400)
                .handle(r -> tagged(r, plans.get().version(r.path("caseId"), r.pathInt("version",
                        1, Integer.MAX_VALUE)))));
        router.add(Route.get("/cases/{caseId}/plan/diff")
                .operation("planDiff", "plan", "The differences between two plan versions.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .requiredQuery("from", Integer.class, "The older version.")
                .requiredQuery("to", Integer.class, "The newer version.")
                .returns(200, "OK", PlanDiff.class)
                .responses(400)
                .handle(r -> {
                    int from = r.queryInt("from", null, 1, Integer.MAX_VALUE);
                    int to = r.queryInt("to", null, 1, Integer.MAX_VALUE);
                    return Reply.ok(plans.get().diff(r.path("caseId"), from, to));
                }));
        router.add(Route.get("/cases/{caseId}/plan/family-view")
                .operation("familyView", "plan", "The latest plan as the family reads it, in plain Dutch (B1).")
                .describe("JSON by default. The printable HTML page when format=html, or when the Accept header ranks "
                        + "text/html above application/json (as browsers do); 406 when Accept allows neither.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .query("format", String.class, "html or json; overrides Accept.")
                .returns(200, "JSON by default; a complete, printable, accessible HTML5 page in Dutch (lang=nl, no "
                        + "JavaScript) when asked for.", FamilyView.class)
                .returnsText(200, "JSON by default; a complete, printable, accessible HTML5 page in Dutch (lang=nl, no "
                        + "JavaScript) when asked for.", "text/html").headers("Vary")
                .responses(400, 406)
                .handle(this::familyView));
    }

    private Reply newVersion(ApiRequest r) {
        PlanService service = plans.get();
        Actor actor = Actors.from(r);
        Integer expected = ETags.ifMatchInt(r.header("If-Match"));
        PlanInput input = r.body(PlanInput.class);
        String caseId = r.path("caseId");
        PlanVersion version = service.newVersion(actor, caseId, expected, input);
        return Reply.created(version, r.link("/cases/" + caseId + "/plan/versions/" + version.version()))
                .header("ETag", ETags.of(version.version()));
    }

    private Reply familyView(ApiRequest r) {
        boolean html = FamilyViewPage.wantsHtml(r);
        FamilyView view = plans.get().familyView(r.path("caseId"));
        Reply reply = html ? FamilyViewPage.reply(view) : Reply.ok(view);
        return reply.header("Vary", "Accept");
    }

    private static Reply tagged(ApiRequest r, PlanVersion version) {
        return ETags.conditional(r, version, ETags.of(version.version()));
    }
}
