package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.spi.Urgency;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.care.CareRequestInput;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.care.MaatwerkDecision;
import nl.proeftuin.core.api.care.MaatwerkInput;
import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.care.OfferList;
import nl.proeftuin.core.api.care.OfferRequest;

/**
 * Finding care for a case through the bound procurement connector: offers, <i>maatwerk</i> requests
 * with their deadline and decision, and care requests with their allocation.
 */
final class CareResource {
    private final OptionalService<CareFinder> finder;

    CareResource(OptionalService<CareFinder> finder) {
        this.finder = finder;
    }

    void register(Router router) {
        router.add(Route.get("/cases/{caseId}/offers")
                .operation("findOffers", "care", "Contracted offers for a member of the case, shortest waiting time "
                        + "first; fallback true (no offers) when no usable connector is bound.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .requiredQuery("personId", String.class, "the member the care is for")
                .requiredQuery("domain", LifeDomain.class, "the life domain")
                .requiredQuery("need", String.class, "the need or product category")
                .query("urgency", Urgency.class, "CRISIS, HIGH or REGULAR (default)")
                .returns(200, "OK", OfferList.class)
                .problem(409, "not-a-member: the person is not a member of the case.")
                .responses(400)
                .handle(r -> {
                    CareFinder service = finder.get();
                    OfferRequest query = new OfferRequest(r.requiredQuery("personId"),
                            r.requiredQueryEnum("domain", LifeDomain.class), r.requiredQuery("need"),
                            r.queryEnum("urgency", Urgency.class));
                    return Reply.ok(service.offers(r.path("caseId"), query));
                }));
        router.add(Route.get("/cases/{caseId}/maatwerk")
                .operation("listMaatwerk", "care", "The case's maatwerk requests with deadline and decision, oldest "
                        + "first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(MaatwerkView.class))
                .responses(400)
                .handle(r -> Reply.ok(finder.get().maatwerk(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/maatwerk")
                .operation("requestMaatwerk", "care", "Asks the municipality for care by a non-contracted provider; "
                        + "the decision is due by the deadline (an alert is raised when it passes).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MaatwerkInput.class)
                .returns(201, "Created", MaatwerkView.class)
                .problem(409, "case-closed; not-a-member.")
                .handle(r -> {
                    CareFinder service = finder.get();
                    MaatwerkInput input = r.body(MaatwerkInput.class);
                    return Reply.json(201, service.requestMaatwerk(Actors.from(r), r.path("caseId"), input));
                }));
        router.add(Route.post("/cases/{caseId}/maatwerk/{requestId}/decision")
                .operation("decideMaatwerk", "care", "Closed: the municipality records its decision itself, in its "
                        + "inbox (POST /municipality/inbox/{requestId}/decision); a professional of the case never "
                        + "does (409 municipality-decides).")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(MaatwerkDecision.class)
                .returns(200, "OK", MaatwerkView.class)
                .problem(409, "municipality-decides: the municipality decides in its own inbox, not the case's "
                        + "professional.")
                .handle(r -> {
                    r.body(MaatwerkDecision.class);
                    throw new RuleViolationException("municipality-decides", "the decision on maatwerk request "
                            + r.path("requestId") + " is the municipality's: it records it in its inbox (POST "
                            + "/api/v1/municipality/inbox/" + r.path("requestId") + "/decision); the requesting "
                            + "professional cannot decide their own request");
                }));
        router.add(Route.get("/cases/{caseId}/care-requests")
                .operation("listCareRequests", "care", "The case's care requests with their allocations, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(CareRequestView.class))
                .responses(400)
                .handle(r -> Reply.ok(finder.get().careRequests(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/care-requests")
                .operation("requestCare", "care", "Sends a request to allocate contracted care (iJw JW315) through the "
                        + "bound connector.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(CareRequestInput.class)
                .returns(201, "Created", CareRequestView.class)
                .problem(409, "case-closed; not-a-member.")
                .handle(r -> {
                    CareFinder service = finder.get();
                    CareRequestInput input = r.body(CareRequestInput.class);
                    return Reply.json(201, service.requestCare(Actors.from(r), r.path("caseId"), input));
                }));
    }
}
