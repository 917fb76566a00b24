package nl.proeftuin.core.rest.internal;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.triage.AssessmentInput;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.core.api.triage.TriageService;

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
        router.add(Route.get("/cases/{caseId}/triage")
                .operation("listTriageOutcomes", "triage", "The case's triage outcomes, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(TriageOutcome.class))
                .handle(r -> Reply.ok(triage.get().outcomes(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/triage")
                .operation("triageCase", "triage", "Triages (or re-triages) a case from the facts a professional "
                        + "established.")
                .describe("Takes no If-Match (a triage outcome does not change the case's version): sending one is a "
                        + "400. A bound plugin that is absent, fails or overruns does not fail the call: the outcome "
                        + "is MANUAL_TRIAGE with fallback true, and an alert is raised.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(TriageFacts.class)
                .returns(201, "Created", TriageOutcome.class)
                .problem(409, "case-closed: the case is closed.")
                .handle(r -> {
                    TriageService service = triage.get();
                    Actor actor = Actors.from(r);
                    noIfMatch(r);
                    TriageFacts facts = r.body(TriageFacts.class);
                    return Reply.json(201, service.triage(actor, r.path("caseId"), facts));
                }));
        router.add(Route.post("/cases/{caseId}/triage/assessments")
                .operation("assessTriage", "triage", "Adds an assessment to a pending multi-step triage and asks the "
                        + "bound triage again.")
                .describe("Takes no If-Match (a triage outcome does not change the case's version): sending one is a "
                        + "400. A bound plugin that is absent, fails or overruns does not fail the call: the outcome "
                        + "is MANUAL_TRIAGE with fallback true, and an alert is raised.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(AssessmentInput.class)
                .returns(201, "Created", TriageOutcome.class)
                .problem(409, "case-closed, or triage-required when the case was never triaged, "
                        + "assessor-role-required when the role is a platform assessor role (SAFETY_DIRECTOR, "
                        + "PROCESS_DIRECTOR) the user does not hold, joint-triage-different-assessors when the user "
                        + "assessed this round in another role already.")
                .handle(r -> {
                    TriageService service = triage.get();
                    Actor actor = Actors.from(r);
                    noIfMatch(r);
                    AssessmentInput input = r.body(AssessmentInput.class);
                    requireAssessorRole(r, input.assessorRole());
                    return Reply.json(201, service.assess(actor, r.path("caseId"), input));
                }));
        router.add(Route.get("/triage/assessments/pending")
                .operation("pendingAssessments", "triage", "For the joint triage's assessors (SAFETY_DIRECTOR, "
                        + "PROCESS_DIRECTOR): the latest outcome of every case in their municipalities whose triage "
                        + "waits for an assessment they have not given, oldest first.")
                .describe("These cases they may read and assess (POST /cases/{caseId}/triage/assessments) without "
                        + "joining the family's team; logged as invited.")
                .policy(RoutePolicy.anyOf(Role.SAFETY_DIRECTOR, Role.PROCESS_DIRECTOR))
                .returns(200, "OK", Route.listOf(TriageOutcome.class))
                .handle(r -> Reply.ok(guard.invitedCases(r, triage.get().pending(), TriageOutcome::caseId))));
        router.add(Route.get("/triage/pending")
                .operation("pendingTriage", "triage", "The latest outcome of every case whose triage is pending, "
                        + "oldest first (age is visible from at).")
                .describe("Need to know: only the triages of cases the user may see.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(TriageOutcome.class))
                .handle(r -> {
                    // the database keeps to the user's cases (issue 13: not every pending triage of the region,
                    // tested one by one); the guard still decides each of those
                    Principal principal = Guard.principal(r);
                    List<TriageOutcome> theirs = triage.get().pendingVisibleTo(principal.userId(),
                            principal.allMunicipalities() ? null : principal.municipalities());
                    return Reply.ok(guard.visibleCases(r, theirs, TriageOutcome::caseId));
                }));
    }

    /**
     * An assessment in a platform assessor role ({@link Role#ASSESSORS}) only by a user who holds that role
     * (living, issue 14 part 7): 409 {@code assessor-role-required}. Other role names are the plugin's.
     */
    private static void requireAssessorRole(ApiRequest r, String assessorRole) {
        if (assessorRole == null) {
            return; // the service answers 400
        }
        String name = assessorRole.strip().toUpperCase(java.util.Locale.ROOT);
        for (Role role : Role.ASSESSORS) {
            if (role.name().equals(name) && !Guard.principal(r).has(role)) {
                throw new ApiProblem(409, "Conflict", "Only a user with the role " + role + " assesses as " + role
                        + ": a joint triage is completed by the people holding its roles").with("rule",
                                "assessor-role-required");
            }
        }
    }

    /** A triage outcome is a record of the case, not a versioned change of it: a precondition would be ignored. */
    private static void noIfMatch(ApiRequest r) {
        if (r.header("If-Match") != null) {
            throw ApiProblem.invalidHeader("If-Match", "is not supported here: triage is recorded without a case version");
        }
    }
}
