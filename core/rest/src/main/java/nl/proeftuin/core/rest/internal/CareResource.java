package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.Urgency;
import nl.proeftuin.core.spi.runtime.CareFinder;
import nl.proeftuin.core.spi.runtime.CareRequestInput;
import nl.proeftuin.core.spi.runtime.MaatwerkDecision;
import nl.proeftuin.core.spi.runtime.MaatwerkInput;
import nl.proeftuin.core.spi.runtime.OfferRequest;

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
        router.add("GET", "/cases/{caseId}/offers", r -> {
            CareFinder service = finder.get();
            OfferRequest query = new OfferRequest(r.requiredQuery("personId"), r.requiredQueryEnum("domain", LifeDomain.class),
                    r.requiredQuery("need"), r.queryEnum("urgency", Urgency.class));
            return Reply.ok(service.offers(r.path("caseId"), query));
        });
        router.add("GET", "/cases/{caseId}/maatwerk", r -> Reply.ok(finder.get().maatwerk(r.path("caseId"))));
        router.add("POST", "/cases/{caseId}/maatwerk", r -> {
            CareFinder service = finder.get();
            MaatwerkInput input = r.body(MaatwerkInput.class);
            return Reply.json(201, service.requestMaatwerk(Actors.from(r), r.path("caseId"), input));
        });
        router.add("POST", "/cases/{caseId}/maatwerk/{requestId}/decision", r -> {
            CareFinder service = finder.get();
            MaatwerkDecision input = r.body(MaatwerkDecision.class);
            return Reply.ok(service.decideMaatwerk(Actors.from(r), r.path("caseId"), r.path("requestId"), input));
        });
        router.add("GET", "/cases/{caseId}/care-requests", r -> Reply.ok(finder.get().careRequests(r.path("caseId"))));
        router.add("POST", "/cases/{caseId}/care-requests", r -> {
            CareFinder service = finder.get();
            CareRequestInput input = r.body(CareRequestInput.class);
            return Reply.json(201, service.requestCare(Actors.from(r), r.path("caseId"), input));
        });
    }
}
