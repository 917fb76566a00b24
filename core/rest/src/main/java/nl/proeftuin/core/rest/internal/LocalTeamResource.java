package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.spi.runtime.LocalTeamExchange;
import nl.proeftuin.core.spi.runtime.RetryInput;

/**
 * The outbox to the municipalities' local teams, for coordinators: {@code /local-team/outbox}
 * (filter by status and case) and a retry of a rejected or waiting entry.
 */
final class LocalTeamResource {
    static final int DEFAULT_LIMIT = 100;

    private final OptionalService<LocalTeamExchange> exchange;

    LocalTeamResource(OptionalService<LocalTeamExchange> exchange) {
        this.exchange = exchange;
    }

    void register(Router router) {
        router.add("GET", "/local-team/outbox", r -> Reply.ok(exchange.get().outbox(r.query("status"), r.query("caseId"),
                r.queryInt("limit", DEFAULT_LIMIT, 1, 1000))));
        router.add("POST", "/local-team/outbox/{entryId}/retry", r -> {
            LocalTeamExchange service = exchange.get();
            RetryInput input = r.body(RetryInput.class);
            return Reply.ok(service.retry(Actors.from(r), r.path("entryId"), input));
        });
    }
}
