package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;

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
        router.add("GET", "/cases/{caseId}/plan", r -> tagged(r, plans.get().latest(r.path("caseId"))));
        router.add("POST", "/cases/{caseId}/plan", this::newVersion);
        router.add("GET", "/cases/{caseId}/plan/versions", r -> Reply.ok(plans.get().versions(r.path("caseId"))));
        router.add("GET", "/cases/{caseId}/plan/versions/{version}",
                r -> tagged(r, plans.get().version(r.path("caseId"), r.pathInt("version", 1, Integer.MAX_VALUE))));
        router.add("GET", "/cases/{caseId}/plan/diff", r -> {
            int from = r.queryInt("from", null, 1, Integer.MAX_VALUE);
            int to = r.queryInt("to", null, 1, Integer.MAX_VALUE);
            return Reply.ok(plans.get().diff(r.path("caseId"), from, to));
        });
        router.add("GET", "/cases/{caseId}/plan/family-view", this::familyView);
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
