package nl.proeftuin.core.rest.internal;

import java.util.List;

import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.BreakGlassGrant;
import nl.proeftuin.core.security.CaseAccess;
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

    /** The most grants a list asks the service for, and the most it answers. */
    static final int MAX_GRANTS = 1000;

    private final OptionalService<BreakGlass> breakGlass;
    /** Limits the review list and the reviews to the reviewer's municipalities. */
    private final Guard guard;

    BreakGlassResource(OptionalService<BreakGlass> breakGlass, Guard guard) {
        this.breakGlass = breakGlass;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.post("/cases/{caseId}/break-glass")
                .operation("breakGlass", "break-glass", "Gives a professional not assigned to the case access for a "
                        + "limited time, for a stated reason.")
                .describe("Only within the user's municipalities. The grant and every access through it are in the "
                        + "access log, flagged for review. It lets the professional read and record what the emergency "
                        + "needs, never change who holds the case (assign, hand over, end an assignment, ask a review, "
                        + "move it to another municipality, close it: 403 break_glass), nor name the persons seen only through it in another case, relationship or "
                        + "household (403 break_glass naming the field).")
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
                .describe("A reviewer limited to some municipalities sees only the grants on cases within them.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.AUDITOR))
                .query("unreviewed", Boolean.class, "Only those not yet reviewed.")
                .query("limit", Integer.class, null)
                .returns(200, "The grants", Route.listOf(BreakGlassGrant.class))
                .responses(400)
                .handle(this::grants));
        router.add(Route.post("/break-glass/{grantId}/review")
                .operation("reviewBreakGlass", "break-glass", "Marks a grant as reviewed.")
                .describe("A reviewer limited to some municipalities reviews only the grants on cases within them.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.AUDITOR))
                .returns(200, "Reviewed", BreakGlassGrant.class)
                .problem(403, "other_municipality: the grant's case is not within your municipalities.")
                .responses(400, 404, 413, 415)
                .handle(this::review));
    }

    /**
     * Marks a grant reviewed, for a reviewer limited to some municipalities only on a case within them (as
     * the list shows them; a case that no longer exists only for those with all): otherwise 403
     * {@code other_municipality}, logged DENIED, nothing marked. An unknown grant is the service's 404.
     */
    private Reply review(ApiRequest r) {
        BreakGlass service = breakGlass.get();
        String grantId = r.path("grantId");
        service.grant(grantId).ifPresent(grant -> {
            if (guard.scopeOf(r, "case", grant.caseId()) != CaseAccess.ASSIGNED) {
                Guard.Entry entry = Guard.entry(r);
                if (entry != null) {
                    entry.caseId = grant.caseId();
                }
                throw guard.outsideScope(r, "grantId", "case", "This grant's case lies outside your municipalities");
            }
        });
        return Reply.ok(service.review(Actors.principal(r), grantId));
    }

    /**
     * The grants within the reviewer's municipalities (a grant's reason tells about its case): the service
     * chooses them before the limit; the guard checks each case again.
     */
    private Reply grants(ApiRequest r) {
        BreakGlass service = breakGlass.get();
        boolean unreviewed = r.queryBoolean("unreviewed");
        int limit = r.queryInt("limit", 100, 1, MAX_GRANTS);
        return Reply.ok(guard.withinMunicipalities(r, service.grants(Guard.principal(r), unreviewed, limit),
                BreakGlassGrant::caseId));
    }
}
