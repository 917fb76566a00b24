package nl.proeftuin.core.rest.internal;

import java.util.List;
import java.util.Locale;

import nl.proeftuin.core.api.waits.WaitEndInput;
import nl.proeftuin.core.api.waits.WaitFigures;
import nl.proeftuin.core.api.waits.WaitInput;
import nl.proeftuin.core.api.waits.WaitListItem;
import nl.proeftuin.core.api.waits.WaitService;
import nl.proeftuin.core.api.waits.WaitView;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;

/**
 * Waiting is explicit (issue 14 part 5, decision 0033): a case's waits (professionals of the case), the
 * waiting lists per organisation and municipality and the monitor's count and age (coordinator and
 * municipality, within their municipalities, without family content).
 */
final class WaitResource {
    private final OptionalService<WaitService> waits;

    WaitResource(OptionalService<WaitService> waits) {
        this.waits = waits;
    }

    void register(Router router) {
        router.add(Route.get("/cases/{caseId}/waits")
                .operation("listWaits", "waits", "What the case waits for (a GI worker, care, a Raad investigation), "
                        + "on whom, since when, its age, the expected date and who is responsible meanwhile; ended "
                        + "waits too, oldest first.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .returns(200, "OK", Route.listOf(WaitView.class))
                .responses(400)
                .handle(r -> Reply.ok(waits.get().ofCase(r.path("caseId")))));
        router.add(Route.post("/cases/{caseId}/waits")
                .operation("startWait", "waits", "Records that the case waits, with the active team member "
                        + "responsible meanwhile.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(WaitInput.class)
                .returns(201, "Created", WaitView.class).headers("Location")
                .problem(409, "case-closed; no-interim-responsible: the responsible is not an active team member; "
                        + "care-request-not-sent: a care request that could not be sent (or was refused) is not "
                        + "waited on.")
                .responses(400, 404)
                .handle(r -> {
                    WaitService service = waits.get();
                    WaitView w = service.start(Actors.from(r), r.path("caseId"), r.body(WaitInput.class));
                    return Reply.created(w, r.link("/cases/" + w.caseId() + "/waits/" + w.id()));
                }));
        router.add(Route.post("/cases/{caseId}/waits/{waitId}/end")
                .operation("endWait", "waits", "Records that a wait ended, with why.")
                .policy(RoutePolicy.onCase(Role.PROFESSIONAL))
                .body(WaitEndInput.class)
                .returns(200, "OK", WaitView.class)
                .problem(409, "case-closed; wait-ended.")
                .responses(400, 404)
                .handle(r -> {
                    WaitService service = waits.get();
                    return Reply.ok(service.end(Actors.from(r), r.path("caseId"), r.path("waitId"),
                            r.body(WaitEndInput.class)));
                }));
        router.add(Route.get("/waits")
                .operation("waitingList", "waits", "The waiting list: every open wait in the user's municipalities, "
                        + "longest waiting first, per organisation waited on (waitingOn) and municipality; which case, "
                        + "what for, since when, the age, the expected date and who is responsible meanwhile, "
                        + "nothing of the family.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.MUNICIPALITY))
                .query("municipality", String.class, "only this municipality (within yours)")
                .query("waitingOn", String.class, "only waits on this organisation")
                .returns(200, "OK", Route.listOf(WaitListItem.class))
                .responses(400)
                .handle(r -> {
                    WaitService service = waits.get();
                    String only = r.query("municipality");
                    List<WaitListItem> items = service.waitingList(Guard.municipalityScope(r), r.query("waitingOn"));
                    if (only != null && !only.isBlank()) {
                        String key = only.strip().toLowerCase(Locale.ROOT);
                        items = items.stream().filter(i -> i.municipality().toLowerCase(Locale.ROOT).equals(key)).toList();
                    }
                    return Reply.ok(items);
                }));
        router.add(Route.get("/monitor/waits")
                .operation("waitFigures", "monitor", "Open waits per municipality and what is waited for: how many, "
                        + "their mean and oldest age in days, how many are past their expected date (aggregated in "
                        + "the database). A user limited to municipalities sees only theirs.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.MUNICIPALITY))
                .returns(200, "OK", Route.listOf(WaitFigures.class))
                .handle(r -> {
                    Principal p = Actors.principal(r);
                    List<WaitFigures> rows = waits.get().figures();
                    return Reply.ok(p.allMunicipalities() ? rows
                            : rows.stream().filter(x -> p.covers(x.municipality())).toList());
                }));
    }

}
