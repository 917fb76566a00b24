package nl.proeftuin.core.rest.internal;

import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.municipal.DecisionInput;
import nl.proeftuin.core.api.municipal.DecisionTerm;
import nl.proeftuin.core.api.municipal.DecisionTermInput;
import nl.proeftuin.core.api.municipal.DecisionTimes;
import nl.proeftuin.core.api.municipal.InboxItem;
import nl.proeftuin.core.api.municipal.MunicipalInbox;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;

/**
 * The municipality decides in the platform (issue 14 part 4, decision 0033): its inbox, its decisions,
 * the alerts for it and for a case's fixed professional, its decision term and the decision times.
 * A municipality user reaches only the requests of their own municipalities (403 {@code other_municipality},
 * logged) and sees of a case only what deciding needs: who, what, from whom, why, by when. Every call
 * is logged by the {@link Guard} with the persons the answer names.
 */
final class MunicipalInboxResource {
    static final int DEFAULT_ALERTS = 50;

    private final OptionalService<MunicipalInbox> inbox;
    private final Guard guard;

    MunicipalInboxResource(OptionalService<MunicipalInbox> inbox, Guard guard) {
        this.inbox = inbox;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.get("/municipality/inbox")
                .operation("municipalityInbox", "municipality-inbox", "The maatwerk and care requests addressed to "
                        + "the user's municipalities, earliest deadline first; undecided ones only unless all=true.")
                .describe("Each request names who the care is for (name, date of birth), the provider, the product, "
                        + "the professional's motivation, when and by whom it was asked, the deadline (Awb: the "
                        + "municipality's decision term, 8 weeks by default) and whether it is overdue; nothing "
                        + "else of the case.")
                .policy(RoutePolicy.anyOf(Role.MUNICIPALITY))
                .query("all", Boolean.class, "true: decided ones too")
                .returns(200, "OK", Route.listOf(InboxItem.class))
                .responses(400)
                .handle(r -> {
                    MunicipalInbox service = inbox.get();
                    boolean all = r.queryBoolean("all");
                    List<InboxItem> items = service.inbox(Guard.municipalityScope(r), !all);
                    Guard.Entry entry = Guard.entry(r);
                    if (entry != null) {
                        items.forEach(i -> entry.persons.add(i.personId()));
                    }
                    return Reply.ok(items);
                }));
        router.add(Route.post("/municipality/inbox/{requestId}/decision")
                .operation("decideRequest", "municipality-inbox", "Records the municipality's decision on a maatwerk "
                        + "or care request: GRANTED, REFUSED or PARTLY with the reasons; the decider and the time are "
                        + "the logged-in user and now, the objection (bezwaar) term ends six weeks later (Awb 6:7).")
                .policy(RoutePolicy.anyOf(Role.MUNICIPALITY))
                .body(DecisionInput.class)
                .returns(200, "OK", InboxItem.class)
                .problem(403, "other_municipality: the request is addressed to a municipality outside yours.")
                .problem(409, "already-decided; requester-cannot-decide: the professional who asked cannot decide "
                        + "their own request; request-moved: the family moved, the request is another municipality's.")
                .responses(400, 404)
                .handle(r -> {
                    MunicipalInbox service = inbox.get();
                    DecisionInput input = r.body(DecisionInput.class);
                    InboxItem item = service.request(r.path("requestId"));
                    Guard.Entry entry = Guard.entry(r);
                    if (entry != null) {
                        entry.persons.add(item.personId());
                        entry.caseId = item.caseId();
                        entry.change = item.kind().toLowerCase(java.util.Locale.ROOT) + " request " + item.id();
                    }
                    if (!Actors.principal(r).covers(item.municipality())) {
                        throw guard.outsideScope(r, "requestId", "request", "This request is addressed to "
                                + item.municipality() + ", outside your municipalities");
                    }
                    return Reply.ok(service.decide(Actors.from(r), item.id(), input, item.municipality()));
                }));
        router.add(Route.get("/municipality/alerts")
                .operation("myAlerts", "municipality-inbox", "The alerts addressed to the user: as a case's fixed "
                        + "professional, and (MUNICIPALITY role) to their municipalities, such as a decision past its "
                        + "deadline; newest first.")
                .policy(RoutePolicy.anyOf(Role.MUNICIPALITY, Role.PROFESSIONAL))
                .query("limit", Integer.class, "at most this many (1-500, default 50)")
                .returns(200, "OK", Route.listOf(Alert.class))
                .responses(400)
                .handle(r -> {
                    Principal p = Actors.principal(r);
                    Set<String> municipalities = p.has(Role.MUNICIPALITY) ? Guard.municipalityScope(r) : Set.of();
                    return Reply.ok(inbox.get().alerts(p.userId(), municipalities,
                            r.queryInt("limit", DEFAULT_ALERTS, 1, 500)));
                }));
        router.add(Route.get("/municipalities/{code}/decision-term")
                .operation("decisionTerm", "municipality-inbox", "A municipality's decision term for maatwerk and "
                        + "care requests (Awb: 8 weeks unless it set its own).")
                .policy(RoutePolicy.anyOf(Role.MUNICIPALITY, Role.REGIONAL_ADMINISTRATOR, Role.COORDINATOR,
                        Role.PROFESSIONAL))
                .returns(200, "OK", DecisionTerm.class)
                .responses(400, 404)
                .handle(r -> Reply.ok(inbox.get().term(r.path("code")))));
        router.add(Route.put("/municipalities/{code}/decision-term")
                .operation("setDecisionTerm", "municipality-inbox", "Sets a municipality's own decision term in days "
                        + "(1-365; null: back to the default of 8 weeks). For a regional administrator whose "
                        + "municipalities include it; new requests get it, earlier ones keep their deadline.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(DecisionTermInput.class)
                .returns(200, "OK", DecisionTerm.class)
                .problem(403, "other_municipality: a municipality outside yours.")
                .responses(400, 404)
                .handle(r -> {
                    MunicipalInbox service = inbox.get();
                    DecisionTermInput input = r.body(DecisionTermInput.class);
                    DecisionTerm term = service.term(r.path("code"));
                    if (!Actors.principal(r).covers(term.municipality())) {
                        throw guard.outsideScope(r, "code", "municipality", term.municipality()
                                + " lies outside your municipalities");
                    }
                    return Reply.ok(service.setTerm(Actors.from(r), term.code(), input));
                }));
        router.add(Route.get("/monitor/decision-times")
                .operation("decisionTimes", "monitor", "Time from request to decision per municipality (maatwerk and "
                        + "care requests): requests, decided, open, overdue, mean and longest days; aggregated in the "
                        + "database. A user limited to municipalities sees only theirs.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR, Role.MUNICIPALITY))
                .returns(200, "OK", Route.listOf(DecisionTimes.class))
                .handle(r -> {
                    Principal p = Actors.principal(r);
                    List<DecisionTimes> rows = inbox.get().decisionTimes();
                    return Reply.ok(p.allMunicipalities() ? rows
                            : rows.stream().filter(x -> p.covers(x.municipality())).toList());
                }));
    }

}
