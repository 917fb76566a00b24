package nl.proeftuin.core.rest.internal;

import java.util.ArrayList;
import java.util.List;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
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
        router.add("POST", "/cases", this::open);
        router.add("GET", "/cases", this::search);
        router.add("GET", "/cases/{caseId}", r -> {
            CaseView view = cases.get().get(r.path("caseId"));
            return ETags.conditional(r, view, ETags.of(view.version()));
        });
        router.add("GET", "/cases/{caseId}/family-system", r -> Reply.ok(cases.get().familySystem(r.path("caseId"))));
        router.add("GET", "/cases/{caseId}/history", r -> Reply.ok(cases.get().history(r.path("caseId"))));

        router.add("POST", "/cases/{caseId}/phase", r -> change(r, PhaseChangeInput.class, CaseService::changePhase));
        router.add("POST", "/cases/{caseId}/framework",
                r -> change(r, FrameworkChangeInput.class, CaseService::changeFramework));
        router.add("POST", "/cases/{caseId}/close", r -> change(r, CloseInput.class, CaseService::close));

        router.add("GET", "/cases/{caseId}/team", this::team);
        router.add("POST", "/cases/{caseId}/team", r -> change(r, AssignmentInput.class, CaseService::assign));
        router.add("GET", "/cases/{caseId}/team/handovers", r -> Reply.ok(cases.get().handovers(r.path("caseId"))));
        router.add("POST", "/cases/{caseId}/team/handovers", r -> change(r, HandoverInput.class, CaseService::handover));
        router.add("POST", "/cases/{caseId}/team/{assignmentId}/end", r -> change(r, EndAssignmentInput.class,
                (s, actor, id, expected, input) -> s.endAssignment(actor, id, expected, r.path("assignmentId"), input)));
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
        CaseView view = service.open(Actors.from(r), input);
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
                principal.allMunicipalities() ? java.util.Set.of() : principal.municipalities());
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
