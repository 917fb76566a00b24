package nl.proeftuin.core.rest.internal;

import java.util.ArrayList;
import java.util.List;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.FamilySystem;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.EndAssignmentInput;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;

/**
 * Cases and their team: {@code /cases}, phase, framework, closing, assignments and handovers. Every
 * case-changing POST answers the case with its ETag and takes an optional {@code If-Match}.
 */
final class CaseResource {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    /**
     * The answer to {@code GET /cases/{caseId}/team}.
     *
     * @param caseId              the case
     * @param active              the active assignments
     * @param activeProfessionals how many professionals are active in the family
     */
    record Team(String caseId, List<Assignment> active, int activeProfessionals) {
    }

    /** One case change: a {@link CaseService} method taking actor, case id, expected version and input. */
    @FunctionalInterface
    private interface Change<I> {
        CaseView apply(CaseService service, Actor actor, String caseId, Long expectedVersion, I input);
    }

    private final OptionalService<CaseService> cases;
    /** Need to know on search results and on the persons a new case names. */
    private final Guard guard;

    CaseResource(OptionalService<CaseService> cases, Guard guard) {
        this.cases = cases;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.post("/cases")
                .operation("openCase", "cases", "Opens a case from a signal or request for help (phase ACUTE_SAFETY, "
                        + "framework VOLUNTARY).")
                .describe("Every person named in members must be one the user may see (403 naming the field members "
                        + "otherwise): a professional cannot pull someone else's client into their case.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .query("separateCaseReason", String.class, "Why a separate case is needed although a person named is "
                        + "in an open case already (recorded with the new case). Without it such a case is refused: "
                        + "409 open-case-exists naming the open case(s) in caseIds (not their content); link the new "
                        + "signal to the case instead: POST /cases/{caseId}/signals. A separate case stands beside at "
                        + "most 1,000 open cases (409 too-many-open-cases beyond that).")
                .body(SignalInput.class)
                .returns(201, "Created", CaseView.class).headers("ETag", "Location")
                .responses(404, 409)
                .handle(this::open));
        router.add(Route.get("/cases")
                .operation("searchCases", "cases", "Searches cases; null criteria mean any.")
                .describe("Need to know: only the cases the user may see (assigned, opener of a case without a team, "
                        + "or break-glass; within their municipalities, or elsewhere while actively assigned: a team "
                        + "across municipalities); total counts those.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .query("name", String.class, "Part of a member's given or family name (case-insensitive).")
                .query("municipality", String.class, "Exact municipality.")
                .query("status", CaseStatus.class, "Open or closed (case-insensitive); another value is a 400 naming "
                        + "status.")
                .query("phase", Phase.class, "Phase (case-insensitive); another value is a 400 naming phase.")
                .query("page", Integer.class, "Page number from 0.")
                .query("size", Integer.class, "Page size, 1 to 100.")
                .query("after", String.class, "Paging by key: the next of the previous page; the page then "
                        + "continues after that case, page must be 0 and total is -1 (not counted). Stable while cases "
                        + "are added, and as fast on the last page as on the first; another value is a 400 naming after.")
                .returns(200, "OK", Route.generic(Page.class, CaseSummary.class))
                .responses(400)
                .handle(this::search));
        router.add(Route.get("/cases/{caseId}")
                .operation("getCase", "cases", "Reads a case.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfNoneMatch")
                .returns(200, "OK", CaseView.class).headers("ETag")
                .responses(304)
                .handle(r -> {
                    CaseView view = cases.get().get(r.path("caseId"));
                    return ETags.conditional(r, view, ETags.of(view.version()));
                }));
        router.add(Route.get("/cases/{caseId}/family-system")
                .operation("caseFamilySystem", "cases", "The family system of a case: members, relationships, "
                        + "households.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", FamilySystem.class)
                .handle(r -> Reply.ok(cases.get().familySystem(r.path("caseId")))));
        router.add(Route.get("/cases/{caseId}/history")
                .operation("caseHistory", "cases", "Every change with who, when and why, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(CaseEvent.class))
                .handle(r -> Reply.ok(cases.get().history(r.path("caseId")))));

        router.add(Route.post("/cases/{caseId}/phase")
                .operation("changePhase", "cases", "Changes the phase.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(PhaseChangeInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> change(r, PhaseChangeInput.class, CaseService::changePhase)));
        router.add(Route.post("/cases/{caseId}/framework")
                .operation("changeFramework", "cases", "Changes the legal framework (COMPULSORY needs a measure).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(FrameworkChangeInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> change(r, FrameworkChangeInput.class, CaseService::changeFramework)));
        router.add(Route.post("/cases/{caseId}/close")
                .operation("closeCase", "cases", "Closes the case; a closed case takes no further changes.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(CloseInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> change(r, CloseInput.class, CaseService::close)));

        router.add(Route.get("/cases/{caseId}/team")
                .operation("caseTeam", "team", "The active assignments and how many professionals are active.")
                .describe("Tagged with the case's ETag: the team is part of the case.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfNoneMatch")
                .returns(200, "OK", CaseResource.Team.class).headers("ETag")
                .responses(304)
                .handle(this::team));
        router.add(Route.post("/cases/{caseId}/team")
                .operation("assign", "team", "Assigns a professional.")
                .describe("A second fixed professional or casusregie holder is a 409: hand over instead.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(AssignmentInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> change(r, AssignmentInput.class, CaseService::assign)));
        router.add(Route.get("/cases/{caseId}/team/handovers")
                .operation("caseHandovers", "team", "Recorded handovers, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(Handover.class))
                .handle(r -> Reply.ok(cases.get().handovers(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/team/handovers")
                .operation("handover", "team", "Hands over the fixed professional or casusregie in one atomic change "
                        + "with a note.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(HandoverInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> change(r, HandoverInput.class, CaseService::handover)));
        router.add(Route.post("/cases/{caseId}/team/{assignmentId}/end")
                .operation("endAssignment", "team", "Ends an assignment (refused when it would break the team "
                        + "invariant: hand over instead).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(EndAssignmentInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> change(r, EndAssignmentInput.class, (s, actor, id, expected, input) ->
                        s.endAssignment(actor, id, expected, r.path("assignmentId"), input))));
    }

    private Reply open(ApiRequest r) {
        CaseService service = cases.get();
        SignalInput input = r.body(SignalInput.class);
        guard.requireOwnMunicipality(r, "municipality", input.municipality());
        if (input.members() != null) {
            List<String> personIds = new ArrayList<>();
            input.members().forEach(m -> personIds.add(m == null ? null : m.personId()));
            guard.requirePersons(r, "members", personIds);
        }
        // living (issue 14 part 2): one family, one case, decided in the transaction that opens the case (a person
        // in an open case: 409 open-case-exists naming the cases, or the reason recorded with the new case)
        CaseView view = service.open(Actors.from(r), input, r.query("separateCaseReason"));
        return Reply.created(view, r.link("/cases/" + view.id())).header("ETag", ETags.of(view.version()));
    }

    private Reply search(ApiRequest r) {
        // need to know goes into the query itself: one page, counted for what this user may see
        Principal principal = Guard.principal(r);
        boolean professional = principal.has(Role.PROFESSIONAL);
        if (principal.municipalities().isEmpty()) {
            // no municipalities: nothing is within scope (the query's empty set would mean all)
            return Reply.ok(new Page<CaseSummary>(List.of(), r.queryInt("page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                    r.queryInt("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE), 0));
        }
        CaseQuery query = new CaseQuery(r.query("name"), r.query("municipality"),
                r.queryEnum("status", CaseStatus.class), r.queryEnum("phase", Phase.class),
                r.queryInt("page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                r.queryInt("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
                professional ? principal.userId() : null,
                principal.allMunicipalities() ? java.util.Set.of() : principal.municipalities(), r.query("after"));
        return Reply.ok(cases.get().search(query));
    }

    private Reply team(ApiRequest r) {
        CaseView view = cases.get().get(r.path("caseId"));
        List<Assignment> active = view.team().stream().filter(Assignment::active).toList();
        // The team is part of the case, so the case's version tags it too.
        return ETags.conditional(r, new Team(view.id(), active, view.activeProfessionals()), ETags.of(view.version()));
    }

    /**
     * Applies a case change; checks in the order every write uses: service ready (503), actor (400),
     * If-Match (400), body (400/413/415), then the service's own verdict.
     */
    private <I> Reply change(ApiRequest r, Class<I> inputType, Change<I> change) {
        CaseService service = cases.get();
        Actor actor = Actors.from(r);
        Long expected = ETags.ifMatch(r.header("If-Match"));
        I input = r.body(inputType);
        CaseView view = change.apply(service, actor, r.path("caseId"), expected, input);
        return Reply.ok(view).header("ETag", ETags.of(view.version()));
    }
}
