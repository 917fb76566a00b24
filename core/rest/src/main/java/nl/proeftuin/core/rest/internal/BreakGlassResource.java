package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.BreakGlassGrant;
import nl.proeftuin.core.security.Role;

/**
 * Break-glass: {@code POST /cases/{caseId}/break-glass} (a professional, with a reason; time-limited
 * access, flagged for review) and the review list {@code GET /break-glass} with
 * {@code POST /break-glass/{grantId}/review} for auditors and coordinators.
 */
final class BreakGlassResource {

    /** The body of a break-glass request. */
    record BreakGlassInput(String reason) {
    }

    private final OptionalService<BreakGlass> breakGlass;

    BreakGlassResource(OptionalService<BreakGlass> breakGlass) {
        this.breakGlass = breakGlass;
    }

    void register(Router router) {
        router.add(Route.post("/cases/{caseId}/break-glass")
                .operation("breakGlass", "break-glass", "Gives a professional not assigned to the case access for a "
                        + "limited time, for a stated reason.")
                .describe("Only within the user's municipalities. The grant and every access through it are in the "
                        + "access log, flagged for review.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .body(BreakGlassResource.BreakGlassInput.class)
                .returns(201, "Granted", BreakGlassGrant.class)
                .responses(404, 409)
                .handle(r -> {
                    BreakGlass service = breakGlass.get();
                    BreakGlassGrant grant = service.open(Actors.principal(r), r.path("caseId"),
                            r.body(BreakGlassInput.class).reason());
                    return Reply.json(201, grant);
                }));
        router.add(Route.get("/break-glass")
                .operation("breakGlassGrants", "break-glass", "Break-glass grants, newest first, for review by an "
                        + "auditor or coordinator.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.AUDITOR))
                .query("unreviewed", Boolean.class, "Only those not yet reviewed.")
                .query("limit", Integer.class, null)
                .returns(200, "The grants", Route.listOf(BreakGlassGrant.class))
                .responses(400)
                .handle(r -> Reply.ok(breakGlass.get().grants(
                        r.queryBoolean("unreviewed"), r.queryInt("limit", 100, 1, 1000)))));
        router.add(Route.post("/break-glass/{grantId}/review")
                .operation("reviewBreakGlass", "break-glass", "Marks a grant as reviewed.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.AUDITOR))
                .returns(200, "Reviewed", BreakGlassGrant.class)
                .responses(400, 404, 413, 415)
                .handle(r -> Reply.ok(breakGlass.get().review(Actors.principal(r), r.path("grantId")))));
    }
}
