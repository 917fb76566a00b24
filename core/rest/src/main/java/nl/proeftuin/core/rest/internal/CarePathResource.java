package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.api.care.CarePathService;
import nl.proeftuin.core.api.care.CarePathStatus;
import nl.proeftuin.core.api.care.IncidentInput;
import nl.proeftuin.core.api.care.StepInput;

/**
 * A case on its care path (for example MDA++): {@code /cases/{caseId}/care-path}, its steps and its
 * repeat incidents. Without a usable care path the status says so (fallback) and steps answer 409
 * {@code no-care-path}; a step before an open earlier one answers 409 {@code step-order}.
 */
final class CarePathResource {
    private final OptionalService<CarePathService> paths;

    CarePathResource(OptionalService<CarePathService> paths) {
        this.paths = paths;
    }

    void register(Router router) {
        router.add(Route.get("/cases/{caseId}/care-path")
                .operation("getCarePath", "care-path", "The case's status on its care path: definition, advice, steps "
                        + "done, incidents, provenance; fallback true when no usable care path is bound.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", CarePathStatus.class)
                .responses(400)
                .handle(r -> Reply.ok(paths.get().status(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/care-path/steps")
                .operation("completeCarePathStep", "care-path", "Records a required step as done; steps follow the "
                        + "path's order.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(StepInput.class)
                .returns(201, "Created", CarePathStatus.class)
                .problem(409, "case-closed; no-care-path: no usable care path; step-order: an earlier step is open; "
                        + "step-done: already recorded.")
                .handle(r -> {
                    CarePathService service = paths.get();
                    StepInput input = r.body(StepInput.class);
                    return Reply.json(201, service.completeStep(Actors.from(r), r.path("caseId"), input));
                }));
        router.add(Route.post("/cases/{caseId}/care-path/incidents")
                .operation("recordRepeatIncident", "care-path", "Records a repeat incident.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(IncidentInput.class)
                .returns(201, "Created", CarePathStatus.class)
                .problem(409, "case-closed: the case is closed.")
                .handle(r -> {
                    CarePathService service = paths.get();
                    IncidentInput input = r.body(IncidentInput.class);
                    return Reply.json(201, service.recordIncident(Actors.from(r), r.path("caseId"), input));
                }));
    }
}
