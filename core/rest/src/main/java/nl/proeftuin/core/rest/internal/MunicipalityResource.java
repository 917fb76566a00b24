package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.api.region.Municipality;
import nl.proeftuin.core.api.region.MunicipalityInput;
import nl.proeftuin.core.api.region.MunicipalityRegister;

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
        router.add(Route.get("/municipalities")
                .operation("municipalities", "municipalities", "The region's register of municipalities, by name (any "
                        + "logged-in user).")
                .policy(RoutePolicy.loggedIn())
                .returns(200, "OK", Route.listOf(Municipality.class))
                .handle(r -> Reply.ok(register.get().municipalities())));
        router.add(Route.post("/municipalities")
                .operation("addMunicipality", "municipalities", "Adds a municipality to the register (regional "
                        + "administrator; logged in the access log). 409 municipality-exists when its code or name "
                        + "is registered.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(MunicipalityInput.class)
                .returns(201, "Created", Municipality.class).headers("Location")
                .responses(409)
                .handle(r -> {
                    requireWholeRegion(r);
                    MunicipalityRegister service = register.get();
                    var actor = Actors.from(r);
                    Municipality added = service.add(actor, r.body(MunicipalityInput.class));
                    return Reply.created(added, r.link("/municipalities/" + added.code()));
                }));
        router.add(Route.put("/municipalities/{code}")
                .operation("changeMunicipality", "municipalities", "Changes a municipality's name or inhabitants "
                        + "(regional administrator; logged in the access log). Cases already stored keep the name "
                        + "they were stored with.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(MunicipalityInput.class)
                .returns(200, "OK", Municipality.class)
                .responses(404, 409)
                .handle(r -> {
                    requireWholeRegion(r);
                    MunicipalityRegister service = register.get();
                    var actor = Actors.from(r);
                    return Reply.ok(service.change(actor, r.path("code"), r.body(MunicipalityInput.class)));
                }));
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
