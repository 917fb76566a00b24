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
import nl.proeftuin.core.security.Role;

/**
 * The living case (issue 14, decision 0032): the measure per child ({@code /cases/{caseId}/measures}).
 * The child a measure concerns is in the access-log entry.
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
                .handle(r -> Reply.ok(living.get().measures(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/measures")
                .operation("addChildMeasure", "living", "Records a measure the court imposed on one child of the case.")
                .describe("The child must be a member of the case in the role CHILD (409 measure-child-not-in-case); "
                        + "an OTS and an out-of-home placement need their end date (400); a second running measure of "
                        + "the same type for the child is 409 measure-already-running.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ChildMeasureInput.class)
                .returns(201, "Created", ChildMeasure.class).headers("Location")
                .responses(409)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    ChildMeasureInput input = r.body(ChildMeasureInput.class);
                    concerns(r, input.personId());
                    String caseId = r.path("caseId");
                    ChildMeasure m = service.addMeasure(actor, caseId, input);
                    return Reply.created(m, r.link("/cases/" + caseId + "/measures/" + m.id()));
                }));
        router.add(Route.post("/cases/{caseId}/measures/{measureId}/end")
                .operation("endChildMeasure", "living", "Records that a child's measure ended (lifted, not extended).")
                .describe("409 measure-ended when it ended already.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MeasureEndInput.class)
                .returns(200, "The ended measure", ChildMeasure.class)
                .responses(409)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    MeasureEndInput input = r.body(MeasureEndInput.class);
                    ChildMeasure m = service.endMeasure(actor, r.path("caseId"), r.path("measureId"), input);
                    concerns(r, m.personId());
                    return Reply.ok(m);
                }));
        reviews(router);
        signals(router);
        members(router);
        authority(router);
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
                .handle(r -> Reply.ok(living.get().authority(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/authority")
                .operation("recordParentalAuthority", "living", "Records who holds parental authority over a child: "
                        + "a parent in the case or an organisation (voogdij by a GI).")
                .describe("409 authority-child-not-in-case, authority-holder-not-in-case, authority-already-held, "
                        + "authority-at-most-two (one or two holders at a time).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(ParentalAuthorityInput.class)
                .returns(201, "Created", ParentalAuthority.class).headers("Location")
                .responses(409)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    ParentalAuthorityInput input = r.body(ParentalAuthorityInput.class);
                    concerns(r, input.personId());
                    concerns(r, input.holderPersonId());
                    String caseId = r.path("caseId");
                    ParentalAuthority a = service.recordAuthority(actor, caseId, input);
                    return Reply.created(a, r.link("/cases/" + caseId + "/authority"));
                }));
        router.add(Route.post("/cases/{caseId}/authority/{authorityId}/end")
                .operation("endParentalAuthority", "living", "Ends a holder's parental authority over a child "
                        + "(409 authority-ended when it ended already).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MembershipEndInput.class)
                .returns(200, "The ended authority", ParentalAuthority.class)
                .responses(409)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    MembershipEndInput input = r.body(MembershipEndInput.class);
                    ParentalAuthority a = service.endAuthority(actor, r.path("caseId"), r.path("authorityId"), input);
                    concerns(r, a.personId());
                    return Reply.ok(a);
                }));
    }

    /** Part 2: the family system over time: members join, change roles and leave; the history is kept. */
    private void members(Router router) {
        router.add(Route.get("/cases/{caseId}/members/history")
                .operation("memberHistory", "living", "Every change of the case's family system, oldest first: who "
                        + "joined (the members it opened with too), whose roles changed, who left, when and why.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(MemberChange.class))
                .handle(r -> Reply.ok(living.get().memberHistory(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/members")
                .operation("addMember", "living", "Adds a person to the case's family system with their roles (a new "
                        + "partner, a baby born), or back after their membership ended.")
                .describe("The person must be one the user may see (403 naming personId). 409 already-member.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MemberInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    Long expected = ETags.ifMatch(r.header("If-Match"));
                    MemberInput input = r.body(MemberInput.class);
                    guard.requirePersons(r, "personId", java.util.Collections.singletonList(input.personId()));
                    concerns(r, input.personId());
                    CaseView view = service.addMember(actor, r.path("caseId"), expected, input);
                    return Reply.ok(view).header("ETag", ETags.of(view.version()));
                }));
        router.add(Route.post("/cases/{caseId}/members/{personId}/roles")
                .operation("changeMemberRoles", "living", "Gives a member new roles from a date (history kept).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MemberInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    Long expected = ETags.ifMatch(r.header("If-Match"));
                    MemberInput input = r.body(MemberInput.class);
                    CaseView view = service.changeMemberRoles(actor, r.path("caseId"), expected, r.path("personId"),
                            input);
                    return Reply.ok(view).header("ETag", ETags.of(view.version()));
                }));
        router.add(Route.post("/cases/{caseId}/members/{personId}/end")
                .operation("endMembership", "living", "Ends a member's place in the family system (moved out, no "
                        + "longer involved); the history and the team's view of them stay.")
                .describe("409 last-member: a case names at least one person.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .parameter("IfMatchCase")
                .body(MembershipEndInput.class)
                .returns(200, "The changed case", CaseView.class).headers("ETag")
                .responses(409, 412)
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    Long expected = ETags.ifMatch(r.header("If-Match"));
                    MembershipEndInput input = r.body(MembershipEndInput.class);
                    CaseView view = service.endMembership(actor, r.path("caseId"), expected, r.path("personId"), input);
                    return Reply.ok(view).header("ETag", ETags.of(view.version()));
                }));
    }

    /** Part 2: a new signal about a family in an open case is linked to that case, not opened as a second. */
    private void signals(Router router) {
        router.add(Route.get("/cases/{caseId}/signals")
                .operation("listLinkedSignals", "living", "The signals linked to the case after it was opened, oldest "
                        + "first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(LinkedSignal.class))
                .handle(r -> Reply.ok(living.get().linkedSignals(r.path("caseId")))));
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
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    SignalInput input = r.body(SignalInput.class);
                    List<String> personIds = new ArrayList<>();
                    if (input.members() != null) {
                        input.members().forEach(m -> personIds.add(m == null ? null : m.personId()));
                    }
                    guard.requirePersons(r, "members", personIds);
                    personIds.forEach(p -> concerns(r, p));
                    String caseId = r.path("caseId");
                    LinkedSignal s = service.linkSignal(actor, caseId, input);
                    return Reply.created(s, r.link("/cases/" + caseId + "/signals"));
                }));
    }

    /** Part 8: the independent review asked of a named reviewer, who records it with their own login. */
    private void reviews(Router router) {
        router.add(Route.get("/cases/{caseId}/review-requests")
                .operation("listReviewRequests", "living", "The reviews asked of independent reviewers, oldest first, "
                        + "each with the review that answered it (reviewId) once its reviewer recorded it.")
                .describe("For the case's professionals and the reviewer asked.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(ReviewRequest.class))
                .handle(r -> Reply.ok(living.get().reviewRequests(r.path("caseId")))));
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
                .handle(r -> {
                    LivingCaseService service = living.get();
                    Actor actor = Actors.from(r);
                    ReviewRequestInput input = r.body(ReviewRequestInput.class);
                    String caseId = r.path("caseId");
                    ReviewRequest request = service.requestReview(actor, caseId, input);
                    return Reply.created(request, r.link("/cases/" + caseId + "/review-requests"));
                }));
        router.add(Route.get("/reviews/requested")
                .operation("myReviewRequests", "living", "The reviewer's open review requests, oldest first: the "
                        + "cases waiting for their independent review.")
                .policy(RoutePolicy.anyOf(Role.INDEPENDENT_REVIEWER))
                .returns(200, "OK", Route.listOf(ReviewRequest.class))
                .handle(r -> Reply.ok(living.get().openReviewRequests(Guard.principal(r).userId()))));
    }

    /** The child concerned goes into the request's access-log entry. */
    static void concerns(ApiRequest r, String personId) {
        Guard.Entry entry = Guard.entry(r);
        if (entry != null && personId != null && !personId.isBlank()) {
            entry.persons.add(personId);
        }
    }
}
