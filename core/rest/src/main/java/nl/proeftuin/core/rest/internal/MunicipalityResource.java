package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.spi.runtime.Municipality;
import nl.proeftuin.core.spi.runtime.MunicipalityInput;
import nl.proeftuin.core.spi.runtime.MunicipalityRegister;

/**
 * The region's register of municipalities: {@code GET /municipalities} for every logged-in user,
 * {@code POST /municipalities} and {@code PUT /municipalities/{code}} for the regional administrator
 * ({@link RoutePolicy}); the {@link Guard} logs every call like any other write.
 */
final class MunicipalityResource {
    private final OptionalService<MunicipalityRegister> register;

    MunicipalityResource(OptionalService<MunicipalityRegister> register) {
        this.register = register;
    }

    void register(Router router) {
        router.add("GET", "/municipalities", r -> Reply.ok(register.get().municipalities()));
        router.add("POST", "/municipalities", r -> {
            requireWholeRegion(r);
            MunicipalityRegister service = register.get();
            var actor = Actors.from(r);
            Municipality added = service.add(actor, r.body(MunicipalityInput.class));
            return Reply.created(added, r.link("/municipalities/" + added.code()));
        });
        router.add("PUT", "/municipalities/{code}", r -> {
            requireWholeRegion(r);
            MunicipalityRegister service = register.get();
            var actor = Actors.from(r);
            return Reply.ok(service.change(actor, r.path("code"), r.body(MunicipalityInput.class)));
        });
    }

    /**
     * The register is the whole region's: only an administrator granted all municipalities changes it
     * (one limited to Ede must not add or change Arnhem). The guard logs the refusal with the outcome.
     */
    private static void requireWholeRegion(ApiRequest r) {
        if (!Guard.principal(r).allMunicipalities()) {
            throw new ApiProblem(403, "Forbidden",
                    "Only an administrator granted all municipalities changes the region's register")
                    .with("reason", "other_municipality");
        }
    }
}
