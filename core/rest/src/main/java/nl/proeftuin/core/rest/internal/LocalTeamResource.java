package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import nl.proeftuin.core.api.localteam.OutboxEntry;
import nl.proeftuin.core.api.localteam.RetryInput;

/**
 * The outbox to the municipalities' local teams, for coordinators: {@code /local-team/outbox}
 * (filter by status and case) and a retry of a rejected or waiting entry.
 */
final class LocalTeamResource {
    static final int DEFAULT_LIMIT = 100;

    private final OptionalService<LocalTeamExchange> exchange;
    /** Limits the list and the retries to the coordinator's municipalities. */
    private final Guard guard;

    LocalTeamResource(OptionalService<LocalTeamExchange> exchange, Guard guard) {
        this.exchange = exchange;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.get("/local-team/outbox")
                .operation("listOutbox", "local-team", "Outbox entries, newest first, with their delivery status.")
                .describe("A coordinator limited to some municipalities sees only their entries.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("status", String.class, "PENDING, WAITING, DELIVERED or REJECTED")
                .query("caseId", String.class, "only this case")
                .query("limit", Integer.class, "at most this many (1 to 1000, default 100)")
                .returns(200, "OK", Route.listOf(OutboxEntry.class))
                .responses(400, 404)
                .handle(r -> Reply.ok(exchange.get().outbox(r.query("status"), r.query("caseId"),
                        Guard.municipalityScope(r), r.queryInt("limit", DEFAULT_LIMIT, 1, 1000)))));
        router.add(Route.post("/local-team/outbox/{entryId}/retry")
                .operation("retryOutboxEntry", "local-team", "Puts a rejected or waiting entry back for delivery now.")
                .describe("A coordinator limited to some municipalities retries only their entries.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(RetryInput.class)
                .returns(200, "OK", OutboxEntry.class)
                .problem(403, "other_municipality: the entry's municipality is not one of yours.")
                .problem(409, "already-delivered: the entry was delivered.")
                .responses(404)
                .handle(r -> {
                    LocalTeamExchange service = exchange.get();
                    service.entry(r.path("entryId")).ifPresent(e -> {
                        if (!Guard.principal(r).covers(e.municipality())) {
                            throw guard.outsideScope(r, "entryId", "outbox-entry", "This entry's municipality, "
                                    + e.municipality() + ", lies outside your municipalities");
                        }
                    });
                    RetryInput input = r.body(RetryInput.class);
                    return Reply.ok(service.retry(Actors.from(r), r.path("entryId"), input));
                }));
    }
}
