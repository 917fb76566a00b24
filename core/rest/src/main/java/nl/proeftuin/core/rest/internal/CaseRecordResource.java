package nl.proeftuin.core.rest.internal;

import java.util.List;
import java.util.function.BiFunction;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.ConsentInput;
import nl.proeftuin.core.api.dto.CourtRequestInput;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.EvaluationInput;
import nl.proeftuin.core.api.dto.ReviewInput;

/**
 * The records kept in a case: entries, independent reviews, consents, evaluations and court
 * requests. Each is a list (GET, oldest first) that grows by POST (201).
 *
 * <p>These POSTs take no {@code If-Match}: the service records them without an expected case
 * version, and a header the server would not honour must not look honoured, so it is refused.
 */
final class CaseRecordResource {

    /** One kind of record: its path, how to add one, how to list them. */
    @FunctionalInterface
    private interface Add<I> {
        Object apply(CaseService service, Actor actor, String caseId, I input);
    }

    private final OptionalService<CaseService> cases;

    CaseRecordResource(OptionalService<CaseService> cases) {
        this.cases = cases;
    }

    void register(Router router) {
        records(router, "entries", EntryInput.class, CaseService::addEntry, CaseService::entries);
        records(router, "reviews", ReviewInput.class, CaseService::addReview, CaseService::reviews);
        records(router, "consents", ConsentInput.class, CaseService::addConsent, CaseService::consents);
        records(router, "evaluations", EvaluationInput.class, CaseService::addEvaluation, CaseService::evaluations);
        records(router, "court-requests", CourtRequestInput.class, CaseService::requestCourt, CaseService::courtRequests);
    }

    private <I> void records(Router router, String name, Class<I> inputType, Add<I> add,
            BiFunction<CaseService, String, List<?>> list) {
        String template = "/cases/{caseId}/" + name;
        router.add("GET", template, r -> Reply.ok(list.apply(cases.get(), r.path("caseId"))));
        router.add("POST", template, r -> {
            CaseService service = cases.get();
            Actor actor = Actors.from(r);
            if (r.header("If-Match") != null) {
                throw ApiProblem.invalidHeader("If-Match", "is not supported here: " + name
                        + " are added without a case version");
            }
            I input = r.body(inputType);
            return Reply.json(201, add.apply(service, actor, r.path("caseId"), input));
        });
    }
}
