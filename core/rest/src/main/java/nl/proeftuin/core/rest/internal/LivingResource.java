package nl.proeftuin.core.rest.internal;

import java.util.ArrayList;
import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.living.LinkedSignal;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.living.MemberChange;
import nl.proeftuin.core.api.living.MemberInput;
import nl.proeftuin.core.api.living.MembershipEndInput;
import nl.proeftuin.core.api.living.ParentalAuthority;
import nl.proeftuin.core.api.living.ParentalAuthorityInput;
import nl.proeftuin.core.api.living.RegieNotice;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.ChildMeasureInput;
import nl.proeftuin.core.api.living.LivingCaseService;
import nl.proeftuin.core.api.living.MeasureEndInput;
import nl.proeftuin.core.api.living.ReviewRequest;
import nl.proeftuin.core.api.living.ReviewRequestInput;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.living.MeasureCycle;
import nl.proeftuin.core.api.living.MeasureEvaluationInput;
import nl.proeftuin.core.api.living.MunicipalityMove;
import nl.proeftuin.core.api.living.MunicipalityMoveInput;
import nl.proeftuin.core.api.living.RaadInvestigation;
import nl.proeftuin.core.api.living.RaadInvestigationInput;
import nl.proeftuin.core.api.living.RaadReportInput;
import nl.proeftuin.core.api.living.ProfessionalsNotice;
import nl.proeftuin.core.api.living.Reporter;
import nl.proeftuin.core.api.living.ReporterFeedbackInput;
import nl.proeftuin.core.api.living.ReporterInput;
import nl.proeftuin.core.security.Role;

/**
 * The living case (issue 14, decisions 0032 and 0038): measures per child and their cycle, reviews asked of
 * a reviewer, linked signals, members over time, parental authority, moves between municipalities, ended
 * relationships and household periods. The persons a request concerns are in its access-log entry. Every
 * handler is one of three shapes ({@link #read}, {@link #post}, {@link #change}).
 */
final class LivingResource {
    private final OptionalService<LivingCaseService> living;
    private final Guard guard;

    LivingResource(OptionalService<LivingCaseService> living, Guard guard) {
        this.living = living;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.get("/cases/{caseId}/measures")
                .operation("listChildMeasures", "living", "The measures per child (OTS, out-of-home placement, "
                        + "voogdij) with their court decision, term and end, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(ChildMeasure.class))
                .handle(read(LivingCaseService::measures)));
        router.add(Route.post("/cases/{caseId}/measures")
                .operation("addChildMeasure", "living", "Records a measure the court imposed on one child of the case.")
                .describe("The child must be a member of the case in the role CHILD (409 measure-child-not-in-case); "
                        + "an OTS and an out-of-home placement need their end date (400); a second running measure of "
                        + "the same type for the child is 409 measure-already-running.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ChildMeasureInput.class)
                .returns(201, "Created", ChildMeasure.class).headers("Location")
                .responses(409)
                .handle(post(ChildMeasureInput.class, (r, in) -> concerns(r, in.personId()),
                        (s, a, r, in) -> s.addMeasure(a, r.path("caseId"), in), null,
                        (r, m) -> "/cases/" + r.path("caseId") + "/measures/" + m.id())));
        router.add(Route.post("/cases/{caseId}/measures/{measureId}/end")
                .operation("endChildMeasure", "living", "Records that a child's measure ended (lifted, not extended).")
                .describe("409 measure-ended when it ended already.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MeasureEndInput.class)
                .returns(200, "The ended measure", ChildMeasure.class)
                .responses(409)
                .handle(post(MeasureEndInput.class, null,
                        (s, a, r, in) -> s.endMeasure(a, r.path("caseId"), r.path("measureId"), in),
                        ChildMeasure::personId, null)));
        reviews(router);
        signals(router);
        members(router);
        authority(router);
        // --- living (decision 0038)
        move(router);
        ends(router);
        cycle(router);
        reporters(router);
        router.add(Route.get("/notices/regie")
                .operation("myRegieNotices", "living", "The professional's regie notices, newest first: a member of "
                        + "their family is in another open case too; each names that case's fixed professional and "
                        + "case id, never its content, so that they can agree who holds regie.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(RegieNotice.class))
                .handle(r -> Reply.ok(living.get().regieNotices(Guard.principal(r).userId()))));
    }

    /** Part 2: parental authority (gezag) per child. */
    private void authority(Router router) {
        router.add(Route.get("/cases/{caseId}/authority")
                .operation("listParentalAuthority", "living", "Who holds parental authority (gezag) over each child "
                        + "of the case, from when and until when, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(ParentalAuthority.class))
                .handle(read(LivingCaseService::authority)));
        router.add(Route.post("/cases/{caseId}/authority")
                .operation("recordParentalAuthority", "living", "Records who holds parental authority over a child: "
                        + "a parent in the case or an organisation (voogdij by a GI).")
                .describe("409 authority-child-not-in-case, authority-holder-not-in-case, authority-already-held, "
                        + "authority-at-most-two (one or two holders at a time).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ParentalAuthorityInput.class)
                .returns(201, "Created", ParentalAuthority.class).headers("Location")
                .responses(409)
                .handle(post(ParentalAuthorityInput.class, (r, in) -> {
                    concerns(r, in.personId());
                    concerns(r, in.holderPersonId());
                }, (s, a, r, in) -> s.recordAuthority(a, r.path("caseId"), in), null,
                        (r, a) -> "/cases/" + r.path("caseId") + "/authority")));
        router.add(Route.post("/cases/{caseId}/authority/{authorityId}/end")
                .operation("endParentalAuthority", "living", "Ends a holder's parental authority over a child "
                        + "(409 authority-ended when it ended already).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MembershipEndInput.class)
                .returns(200, "The ended authority", ParentalAuthority.class)
                .responses(409)
                .handle(post(MembershipEndInput.class, null,
                        (s, a, r, in) -> s.endAuthority(a, r.path("caseId"), r.path("authorityId"), in),
                        ParentalAuthority::personId, null)));
    }

    /** Part 2: the family system over time: members join, change roles and leave; the history is kept. */
    private void members(Router router) {
        router.add(Route.get("/cases/{caseId}/members/history")
                .operation("memberHistory", "living", "Every change of the case's family system, oldest first: who "
                        + "joined (the members it opened with too), whose roles changed, who left, when and why.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(MemberChange.class))
                .handle(read(LivingCaseService::memberHistory)));
        router.add(Route.post("/cases/{caseId}/members")
                .operation("addMember", "living", "Adds a person to the case's family system with their roles (a new "
                        + "partner, a baby born), or back after their membership ended.")
                .describe("The person must be one the user may see (403 naming personId). 409 already-member.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MemberInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(change(MemberInput.class, (r, in) -> {
                    guard.requirePersons(r, "personId", java.util.Collections.singletonList(in.personId()));
                    concerns(r, in.personId());
                }, (s, a, r, expected, in) -> s.addMember(a, r.path("caseId"), expected, in))));
        router.add(Route.post("/cases/{caseId}/members/{personId}/roles")
                .operation("changeMemberRoles", "living", "Gives a member new roles from a date (history kept).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MemberInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(change(MemberInput.class, null, (s, a, r, expected, in) -> s.changeMemberRoles(a,
                        r.path("caseId"), expected, r.path("personId"), in))));
        router.add(Route.post("/cases/{caseId}/members/{personId}/end")
                .operation("endMembership", "living", "Ends a member's place in the family system (moved out, no "
                        + "longer involved); the history and the team's view of them stay.")
                .describe("409 last-member: a case names at least one person.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MembershipEndInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(change(MembershipEndInput.class, null, (s, a, r, expected, in) -> s.endMembership(a,
                        r.path("caseId"), expected, r.path("personId"), in))));
    }

    /** Part 2: a new signal about a family in an open case is linked to that case, not opened as a second. */
    private void signals(Router router) {
        router.add(Route.get("/cases/{caseId}/signals")
                .operation("listLinkedSignals", "living", "The signals linked to the case after it was opened, oldest "
                        + "first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(LinkedSignal.class))
                .handle(read(LivingCaseService::linkedSignals)));
        router.add(Route.post("/cases/{caseId}/signals")
                .operation("linkSignal", "living", "Links a new signal to the open case of the family it is about, "
                        + "instead of opening a second case (the way out of 409 open-case-exists).")
                .describe("For any professional, also one not on the case's team: the signal goes to the team. The "
                        + "persons in members must be ones the user may see (403 otherwise) and members of the case "
                        + "(409 signal-persons-not-in-case); municipality and the members' roles are ignored. The answer "
                        + "is the linked signal only, never the case's content.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .body(SignalInput.class)
                .returns(201, "Created", LinkedSignal.class).headers("Location")
                .responses(404, 409)
                .handle(post(SignalInput.class, (r, in) -> {
                    List<String> personIds = new ArrayList<>();
                    if (in.members() != null) {
                        in.members().forEach(m -> personIds.add(m == null ? null : m.personId()));
                    }
                    guard.requirePersons(r, "members", personIds);
                    personIds.forEach(p -> concerns(r, p));
                }, (s, a, r, in) -> s.linkSignal(a, r.path("caseId"), in), null,
                        (r, linked) -> "/cases/" + r.path("caseId") + "/signals")));
    }

    /** Part 8: the independent review asked of a named reviewer, who records it with their own login. */
    private void reviews(Router router) {
        router.add(Route.get("/cases/{caseId}/review-requests")
                .operation("listReviewRequests", "living", "The reviews asked of independent reviewers, oldest first, "
                        + "each with the review that answered it (reviewId) once its reviewer recorded it.")
                .describe("For the case's professionals and the reviewer asked.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(ReviewRequest.class))
                .handle(read(LivingCaseService::reviewRequests)));
        router.add(Route.post("/cases/{caseId}/review-requests")
                .operation("requestReview", "living", "Asks a named independent reviewer (a user with the role "
                        + "INDEPENDENT_REVIEWER) for a review of the latest plan.")
                .describe("While the request is open the reviewer sees the case (logged as invited) without joining "
                        + "its team, and records the review with their own login: POST /cases/{caseId}/reviews. 409 "
                        + "reviewer-not-independent when the reviewer is or was assigned to the case, plan-required "
                        + "without a plan, review-already-requested when one asked of them is still open.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ReviewRequestInput.class)
                .returns(201, "Created", ReviewRequest.class).headers("Location")
                .responses(409)
                .handle(post(ReviewRequestInput.class, null, (s, a, r, in) -> s.requestReview(a, r.path("caseId"), in),
                        null, (r, request) -> "/cases/" + r.path("caseId") + "/review-requests")));
        router.add(Route.get("/reviews/requested")
                .operation("myReviewRequests", "living", "The reviewer's open review requests, oldest first: the "
                        + "cases waiting for their independent review.")
                .policy(RoutePolicy.anyOf(Role.INDEPENDENT_REVIEWER))
                .returns(200, "OK", Route.listOf(ReviewRequest.class))
                .handle(r -> Reply.ok(living.get().openReviewRequests(Guard.principal(r).userId()))));
    }

    // --- living (decision 0038): the new routes ---------------------------------------------------------

    /** Part 2: the family moves; the case's responsible municipality moves with it. */
    private void move(Router router) {
        router.add(Route.post("/cases/{caseId}/municipality")
                .operation("moveCaseMunicipality", "living", "The family moved: the case's responsible municipality "
                        + "becomes another municipality of the region.")
                .describe("From then on the new municipality's bindings (triage, care path, procurement) apply; "
                        + "undecided maatwerk and care requests go to its inbox and open waits to its waiting list "
                        + "(decided ones stay with the municipality that decided). Need to know follows: the new "
                        + "municipality's professionals find the case, the old one's only through an active team "
                        + "assignment. The move is kept (GET .../municipality/moves) and in the case's history. "
                        + "400 for a municipality not in the register; 409 same-municipality, case-closed.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MunicipalityMoveInput.class)
                .returns(200, "The moved case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(change(MunicipalityMoveInput.class, null,
                        (s, a, r, expected, in) -> s.moveMunicipality(a, r.path("caseId"), expected, in))));
        router.add(Route.get("/cases/{caseId}/municipality/moves")
                .operation("listMunicipalityMoves", "living", "The case's moves between municipalities, oldest "
                        + "first: from, to, when, why, who, and what went with the case.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(MunicipalityMove.class))
                .handle(read(LivingCaseService::municipalityMoves)));
    }

    /** Part 2: relationships and household periods end; the history stays, the family system shows current ones. */
    private void ends(Router router) {
        router.add(Route.post("/relationships/{relationshipId}/end")
                .operation("endRelationship", "living", "Ends a relationship (partners separate, a network member "
                        + "leaves): until, why and who are kept; the case's family system shows current ones only.")
                .describe("Both persons must be ones the user may see (403 naming fromPersonId or toPersonId); "
                        + "409 relationship-ended when it ended already.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .body(MembershipEndInput.class)
                .returns(200, "The ended relationship", Relationship.class)
                .responses(404, 409)
                .handle(post(MembershipEndInput.class, (r, in) -> {
                    Relationship known = living.get().relationship(r.path("relationshipId"));
                    guard.requirePersons(r, "fromPersonId", java.util.Collections.singletonList(known.fromPersonId()));
                    guard.requirePersons(r, "toPersonId", java.util.Collections.singletonList(known.toPersonId()));
                    concerns(r, known.fromPersonId());
                    concerns(r, known.toPersonId());
                }, (s, a, r, in) -> s.endRelationship(a, r.path("relationshipId"), in), null, null)));
        router.add(Route.post("/households/{householdId}/members/{memberId}/end")
                .operation("endHouseholdMembership", "living", "Ends a person's current period in a household "
                        + "(moved out): until, why and who are kept; the case's family system shows current ones.")
                .describe("memberId is the person's id; they must be one the user may see (403 naming personId); 409 "
                        + "household-membership-ended when they have no current period there.")
                .policy(RoutePolicy.onHousehold(Role.PROFESSIONAL))
                .body(MembershipEndInput.class)
                .returns(200, "The household with its periods", Household.class)
                .responses(409)
                .handle(post(MembershipEndInput.class, (r, in) -> {
                    guard.requirePersons(r, "personId", java.util.Collections.singletonList(r.path("memberId")));
                    concerns(r, r.path("memberId"));
                }, (s, a, r, in) -> s.endHouseholdMembership(a, r.path("householdId"), r.path("memberId"), in), null,
                        null)));
    }

    /** Part 6: the measure's cycle: the evaluation before its end, the Raad's investigation and its report. */
    private void cycle(Router router) {
        router.add(Route.get("/cases/{caseId}/measures/cycle")
                .operation("listMeasureCycles", "living", "Each measure's cycle: when its evaluation is due (8 weeks "
                        + "before the end of an OTS, configurable), whether it is overdue, and the evaluation once "
                        + "recorded.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(MeasureCycle.class))
                .handle(read(LivingCaseService::measureCycles)));
        router.add(Route.post("/cases/{caseId}/measures/{measureId}/evaluation")
                .operation("evaluateChildMeasure", "living", "Records the evaluation of a measure before its end: "
                        + "request an extension or let it end, with reasons.")
                .describe("409 measure-ended, measure-without-end (guardianship), measure-already-evaluated. Until it "
                        + "is recorded the case's fixed professionals get a reminder before it is due and an alert "
                        + "when it is overdue (GET /municipality/alerts; the coordinator's /alerts).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MeasureEvaluationInput.class)
                .returns(201, "Created", MeasureCycle.class).headers("Location")
                .responses(409)
                .handle(post(MeasureEvaluationInput.class, null,
                        (s, a, r, in) -> s.evaluateMeasure(a, r.path("caseId"), r.path("measureId"), in),
                        MeasureCycle::personId, (r, m) -> "/cases/" + r.path("caseId") + "/measures/cycle")));
        router.add(Route.get("/cases/{caseId}/raad-investigations")
                .operation("listRaadInvestigations", "living", "The Raad investigations of the case's children, "
                        + "oldest first, with their report-back deadline (three months) and the report.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(RaadInvestigation.class))
                .handle(read(LivingCaseService::raadInvestigations)));
        router.add(Route.post("/cases/{caseId}/raad-investigations")
                .operation("requestRaadInvestigation", "living", "Records that the Raad voor de Kinderbescherming "
                        + "investigates a child's situation; its report is due three months later.")
                .describe("409 raad-child-not-in-case, raad-investigation-running (one at a time per child). An "
                        + "overdue report alerts the case's fixed professionals.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(RaadInvestigationInput.class)
                .returns(201, "Created", RaadInvestigation.class).headers("Location")
                .responses(409)
                .handle(post(RaadInvestigationInput.class, (r, in) -> concerns(r, in.personId()),
                        (s, a, r, in) -> s.requestRaadInvestigation(a, r.path("caseId"), in), null,
                        (r, i) -> "/cases/" + r.path("caseId") + "/raad-investigations/" + i.id())));
        router.add(Route.post("/cases/{caseId}/raad-investigations/{investigationId}/report")
                .operation("recordRaadReport", "living", "Records the Raad's report: its conclusion and a summary.")
                .describe("409 raad-reported when it reported already.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(RaadReportInput.class)
                .returns(200, "The investigation with its report", RaadInvestigation.class)
                .responses(409)
                .handle(post(RaadReportInput.class, null, (s, a, r, in) -> s.recordRaadReport(a, r.path("caseId"),
                        r.path("investigationId"), in), RaadInvestigation::personId, null)));
    }

    /** Part 10: the reporter is told what happens next; part 9: too many professionals around one family. */
    private void reporters(Router router) {
        router.add(Route.get("/cases/{caseId}/reporters")
                .operation("listReporters", "living", "The reporters of the case's signals, oldest first: by when they "
                        + "must be told what happens next, and what they were told.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(Reporter.class))
                .handle(read(LivingCaseService::reporters)));
        router.add(Route.post("/cases/{caseId}/reporters")
                .operation("recordReporter", "living", "Records who reported a signal of the case (organisation and "
                        + "contact); they must be told what happens next within the region's term after the signal.")
                .describe("signalId names a linked signal, or is left out for the signal the case opened with (409 "
                        + "reporter-signal-not-in-case). A missed term alerts the case's fixed professionals.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ReporterInput.class)
                .returns(201, "Created", Reporter.class).headers("Location")
                .responses(409)
                .handle(post(ReporterInput.class, null, (s, a, r, in) -> s.recordReporter(a, r.path("caseId"), in),
                        null, (r, x) -> "/cases/" + r.path("caseId") + "/reporters/" + x.id())));
        router.add(Route.post("/cases/{caseId}/reporters/{reporterId}/feedback")
                .operation("recordReporterFeedback", "living", "Records that the reporter was told what happens next: "
                        + "the outcome (follow-up, referred, none), how and when.")
                .describe("What the reporter heard is the platform's sentence for the outcome (message): that there "
                        + "is follow-up, never what about the family. 409 reporter-told when they were told already.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ReporterFeedbackInput.class)
                .returns(200, "The reporter with the feedback", Reporter.class)
                .responses(409)
                .handle(post(ReporterFeedbackInput.class, null, (s, a, r, in) -> s.recordFeedback(a, r.path("caseId"),
                        r.path("reporterId"), in), null, null)));
        router.add(Route.get("/notices/professionals")
                .operation("myProfessionalsNotices", "living", "The professional's notices, newest first, that more "
                        + "professionals than the region's threshold are active around the family of their case: each "
                        + "names them (id, name, organisation, case id), never the content, so that they can agree "
                        + "who holds regie.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(ProfessionalsNotice.class))
                .handle(r -> Reply.ok(living.get().professionalsNotices(Guard.principal(r).userId()))));
    }

    // --- one shape for the handlers (decision 0038) ------------------------------------------------------

    /** A service call with the request's body. */
    @FunctionalInterface
    interface Call<I, O> {
        O apply(LivingCaseService service, Actor actor, ApiRequest r, I input) throws Exception;
    }

    /** A change of the case itself, under its ETag. */
    @FunctionalInterface
    interface Change<I> {
        CaseView apply(LivingCaseService service, Actor actor, ApiRequest r, Long expectedVersion, I input)
                throws Exception;
    }

    /** What a handler checks and logs of the body before the call (need to know, the persons it names). */
    @FunctionalInterface
    interface Before<I> {
        void check(ApiRequest r, I input) throws Exception;
    }

    /** GET: the service's answer for the case of the path. */
    private Router.Handler read(java.util.function.BiFunction<LivingCaseService, String, Object> read) {
        return r -> Reply.ok(read.apply(living.get(), r.path("caseId")));
    }

    /**
     * POST with a body: the service, the actor, the body, then {@code before} (or null), the call, the person
     * the answer concerns into the access log ({@code concerned}, or null), and 201 with the Location
     * {@code location} gives (or 200 without it).
     */
    private <I, O> Router.Handler post(Class<I> type, Before<I> before, Call<I, O> call,
            java.util.function.Function<O, String> concerned,
            java.util.function.BiFunction<ApiRequest, O, String> location) {
        return r -> {
            LivingCaseService service = living.get();
            Actor actor = Actors.from(r);
            I input = r.body(type);
            if (before != null) {
                before.check(r, input);
            }
            O out = call.apply(service, actor, r, input);
            if (concerned != null) {
                concerns(r, concerned.apply(out));
            }
            return location == null ? Reply.ok(out) : Reply.created(out, r.link(location.apply(r, out)));
        };
    }

    /** POST changing the case under If-Match: answered with the changed case and its ETag. */
    private <I> Router.Handler change(Class<I> type, Before<I> before, Change<I> change) {
        return r -> {
            LivingCaseService service = living.get();
            Actor actor = Actors.from(r);
            Long expected = ETags.ifMatch(r.header("If-Match"));
            I input = r.body(type);
            if (before != null) {
                before.check(r, input);
            }
            CaseView view = change.apply(service, actor, r, expected, input);
            return Reply.ok(view).header("ETag", ETags.of(view.version()));
        };
    }

    /** The child concerned goes into the request's access-log entry. */
    static void concerns(ApiRequest r, String personId) {
        Guard.Entry entry = Guard.entry(r);
        if (entry != null && personId != null && !personId.isBlank()) {
            entry.persons.add(personId);
        }
    }
}
