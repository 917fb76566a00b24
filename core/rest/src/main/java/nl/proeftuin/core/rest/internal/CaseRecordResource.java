package nl.proeftuin.core.rest.internal;

import java.util.List;
import java.util.function.BiFunction;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Consent;
import nl.proeftuin.core.api.dto.ConsentInput;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.CourtRequestInput;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.EvaluationInput;
import nl.proeftuin.core.api.dto.Review;
import nl.proeftuin.core.api.dto.ReviewInput;
import nl.proeftuin.core.security.Role;

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
        records(router, "entries", "Entry", Entry.class, EntryInput.class, CaseService::addEntry, CaseService::entries,
                "Entries, oldest first.", "Records an entry; the author's role is their active role in the case.");
        records(router, "reviews", "Review", Review.class, ReviewInput.class, CaseService::addReview,
                CaseService::reviews, "Independent reviews, oldest first.", "The reviewer records an independent review"
                        + " of the latest plan version with their own login (409 reviewer-not-independent when they are"
                        + " or were assigned); reviewerId, when given, must be their own (400); the team asks for it"
                        + " first (POST /cases/{caseId}/review-requests), which lets the reviewer see the case.");
        records(router, "consents", "Consent", Consent.class, ConsentInput.class, CaseService::addConsent,
                CaseService::consents, "Consent decisions, oldest first.", "Records an informed-consent decision.");
        records(router, "evaluations", "Evaluation", Evaluation.class, EvaluationInput.class,
                CaseService::addEvaluation, CaseService::evaluations, "Evaluations, oldest first.",
                "Records an evaluation of the latest plan version (a plan must exist).");
        records(router, "court-requests", "CourtRequest", CourtRequest.class, CourtRequestInput.class,
                CaseService::requestCourt, CaseService::courtRequests, "Court requests, oldest first.",
                "Records a request to the court (409 independent-review-required unless a supporting independent"
                        + " review was recorded after the latest plan version and signed by its reviewer with their own"
                        + " login); the request names the review it rests on (reviewId).");
    }

    /**
     * The two routes of one kind of record, {@code GET} (operation {@code list<Kind>}) and {@code POST}
     * ({@code add<Kind>}) on {@code /cases/{caseId}/<name>}, for the case's professionals.
     */
    private <I> void records(Router router, String name, String kind, Class<?> recordType, Class<I> inputType,
            Add<I> add, BiFunction<CaseService, String, List<?>> list, String listSummary, String addSummary) {
        String template = "/cases/{caseId}/" + name;
        router.add(Route.get(template).operation("list" + kind, "records", listSummary)
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(recordType))
                .handle(r -> Reply.ok(list.apply(cases.get(), r.path("caseId")))));
        router.add(Route.post(template).operation("add" + kind, "records", addSummary)
                .describe("Takes no If-Match (the record does not change the case's version): sending one is a 400.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(inputType)
                .returns(201, "Created", recordType)
                .responses(409)
                .handle(r -> {
                    CaseService service = cases.get();
                    Actor actor = Actors.from(r);
                    if (r.header("If-Match") != null) {
                        throw ApiProblem.invalidHeader("If-Match", "is not supported here: " + name
                                + " are added without a case version");
                    }
                    I input = r.body(inputType);
                    return Reply.json(201, add.apply(service, actor, r.path("caseId"), input));
                }));
    }
}
