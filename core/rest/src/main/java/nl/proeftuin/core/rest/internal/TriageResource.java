package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.runtime.AssessmentInput;
import nl.proeftuin.core.spi.runtime.TriageOutcome;
import nl.proeftuin.core.spi.runtime.TriageService;

/**
 * Triage of a case through the plugin bound for its municipality: {@code /cases/{caseId}/triage},
 * its assessments, and {@code /triage/pending}. The service never fails a triage because of its
 * plugin (it falls back to manual triage and says so in the outcome), so these answer 201 even then.
 */
final class TriageResource {
    private final OptionalService<TriageService> triage;
    /** Need to know on the pending list: only the cases the professional may see. */
    private final Guard guard;

    TriageResource(OptionalService<TriageService> triage, Guard guard) {
        this.triage = triage;
        this.guard = guard;
    }

    void register(Router router) {
        router.add("GET", "/cases/{caseId}/triage", r -> Reply.ok(triage.get().outcomes(r.path("caseId"))));
        router.add("POST", "/cases/{caseId}/triage", r -> {
            TriageService service = triage.get();
            Actor actor = Actors.from(r);
            noIfMatch(r);
            TriageFacts facts = r.body(TriageFacts.class);
            return Reply.json(201, service.triage(actor, r.path("caseId"), facts));
        });
        router.add("POST", "/cases/{caseId}/triage/assessments", r -> {
            TriageService service = triage.get();
            Actor actor = Actors.from(r);
            noIfMatch(r);
            AssessmentInput input = r.body(AssessmentInput.class);
            return Reply.json(201, service.assess(actor, r.path("caseId"), input));
        });
        router.add("GET", "/triage/pending",
                r -> Reply.ok(guard.visibleCases(r, triage.get().pending(), TriageOutcome::caseId)));
    }

    /** A triage outcome is a record of the case, not a versioned change of it: a precondition would be ignored. */
    private static void noIfMatch(ApiRequest r) {
        if (r.header("If-Match") != null) {
            throw ApiProblem.invalidHeader("If-Match", "is not supported here: triage is recorded without a case version");
        }
    }
}
