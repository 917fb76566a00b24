package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.BreakGlassGrant;

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
        router.add("POST", "/cases/{caseId}/break-glass", r -> {
            BreakGlass service = breakGlass.get();
            BreakGlassGrant grant = service.open(Actors.principal(r), r.path("caseId"), r.body(BreakGlassInput.class).reason());
            return Reply.json(201, grant);
        });
        router.add("GET", "/break-glass", r -> Reply.ok(breakGlass.get().grants(
                "true".equalsIgnoreCase(r.query("unreviewed")), r.queryInt("limit", 100, 1, 1000))));
        router.add("POST", "/break-glass/{grantId}/review",
                r -> Reply.ok(breakGlass.get().review(Actors.principal(r), r.path("grantId"))));
    }
}
