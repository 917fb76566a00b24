package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.dto.Actor;
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

    LivingResource(OptionalService<LivingCaseService> living) {
        this.living = living;
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
