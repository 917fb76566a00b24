package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.security.Principal;

/**
 * Who performs a write: the logged-in user the {@link Guard} admitted for this request (never a
 * header the client sets). Every write handler goes through {@link #from(ApiRequest)}.
 */
final class Actors {

    private Actors() {
    }

    /** @throws ApiProblem 401 when the request carries no admitted user (an open route) */
    static Actor from(ApiRequest request) {
        return principal(request).actor();
    }

    /** The admitted user with roles and scope. */
    static Principal principal(ApiRequest request) {
        return Guard.principal(request);
    }
}
