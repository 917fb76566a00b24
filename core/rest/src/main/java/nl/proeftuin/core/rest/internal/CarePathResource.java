package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.spi.runtime.CarePathService;
import nl.proeftuin.core.spi.runtime.IncidentInput;
import nl.proeftuin.core.spi.runtime.StepInput;

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
        router.add("GET", "/cases/{caseId}/care-path", r -> Reply.ok(paths.get().status(r.path("caseId"))));
        router.add("POST", "/cases/{caseId}/care-path/steps", r -> {
            CarePathService service = paths.get();
            StepInput input = r.body(StepInput.class);
            return Reply.json(201, service.completeStep(Actors.from(r), r.path("caseId"), input));
        });
        router.add("POST", "/cases/{caseId}/care-path/incidents", r -> {
            CarePathService service = paths.get();
            IncidentInput input = r.body(IncidentInput.class);
            return Reply.json(201, service.recordIncident(Actors.from(r), r.path("caseId"), input));
        });
    }
}
