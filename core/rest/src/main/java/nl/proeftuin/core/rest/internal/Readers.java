package nl.proeftuin.core.rest.internal;

import java.util.Set;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.security.Principal;

/**
 * Who reads restricted or personal data on this request, for the privacy services: the principal
 * the {@link Guard} authenticated (user, role names, organisation). Without one (a route the guard
 * leaves open, or a test without security) the {@link Actors} header identity without roles: then a
 * restriction naming {@code role:<ROLE>} matches nobody (fails closed).
 */
final class Readers {
    private Readers() {
    }

    static Reader from(ApiRequest request) {
        Object p = request.http().getAttribute(Guard.PRINCIPAL);
        if (p instanceof Principal principal) {
            return new Reader(principal.userId(), principal.name(),
                    principal.roles().stream().map(Enum::name).collect(Collectors.toSet()), principal.organisation());
        }
        Actor actor = Actors.from(request);
        return new Reader(actor.id(), actor.name(), Set.of(), null);
    }
}
