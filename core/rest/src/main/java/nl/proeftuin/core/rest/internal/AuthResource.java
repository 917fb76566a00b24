package nl.proeftuin.core.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Session;

/**
 * {@code POST /auth/login} (open), {@code POST /auth/logout} and {@code GET /auth/me}. Every login,
 * successful or not, is in the access log; the answer to a failure never tells an unknown user from
 * a wrong password.
 */
final class AuthResource {
    static final int MAX_FIELD = 256;

    /** The login body. */
    record LoginInput(String username, String password) {
        @Override
        public String toString() {
            return "LoginInput[username=" + username + "]"; // never the password
        }
    }

    /** The answer to a login: the token once, and who logged in. */
    record LoginReply(String token, Instant expiresAt, long idleTimeoutSeconds, Principal user) {
    }

    private final OptionalService<Authenticator> authenticator;
    private final OptionalService<AccessLog> log;

    AuthResource(OptionalService<Authenticator> authenticator, OptionalService<AccessLog> log) {
        this.authenticator = authenticator;
        this.log = log;
    }

    void register(Router router) {
        router.add(Route.post("/auth/login")
                .operation("login", "auth", "Logs in through the proeftuin JAAS realm and opens a session; the token "
                        + "is in the answer only.")
                .describe("Every attempt is in the access log. A wrong password and an unknown user get the same "
                        + "answer; repeated failures for a user name lock it for a while (429).")
                .policy(RoutePolicy.anonymous())
                .body(AuthResource.LoginInput.class)
                .returns(200, "Logged in", AuthResource.LoginReply.class)
                .responses(401, 429, 503)
                .handle(this::login));
        router.add(Route.post("/auth/logout")
                .operation("logout", "auth", "Ends the session of the token at once.")
                .policy(RoutePolicy.loggedIn())
                .returns(204, "Logged out", null)
                .responses(400, 413, 415)
                .handle(r -> {
                    String header = r.header("Authorization");
                    authenticator.get().logout(header.substring(7).strip());
                    Principal p = Actors.principal(r);
                    Guard.Entry entry = Guard.entry(r);
                    if (entry != null) {
                        entry.action = AccessAction.LOGOUT; // logged after the handler, as every admitted request
                    } else {
                        log.get().append(new AccessEvent(AccessAction.LOGOUT, AccessEvent.SUCCESS, p.userId(),
                                p.name(), null, null, null, List.of(), null, "session", null, requestId(r), "logout",
                                p.organisation(), false));
                    }
                    return Reply.noContent();
                }));
        router.add(Route.get("/auth/me")
                .operation("me", "auth", "The logged-in user with roles and scope as they are now.")
                .policy(RoutePolicy.loggedIn())
                .returns(200, "The user", Principal.class)
                .handle(r -> Reply.ok(Actors.principal(r)).noStore()));
    }

    private Reply login(ApiRequest r) {
        Authenticator service = authenticator.get();
        AccessLog accessLog = log.get();
        LoginInput input = r.body(LoginInput.class);
        if (input.username() == null || input.username().isBlank() || input.username().length() > MAX_FIELD) {
            throw ApiProblem.invalidField("username", "is required (at most " + MAX_FIELD + " characters)");
        }
        if (input.password() == null || input.password().isEmpty() || input.password().length() > MAX_FIELD) {
            throw ApiProblem.invalidField("password", "is required (at most " + MAX_FIELD + " characters)");
        }
        String user = input.username().strip();
        String requestId = RequestIds.of(r.http()); // the request's own id (decision 0024)
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        try {
            Session session = service.login(user, input.password().toCharArray(), r.http().getRemoteAddr());
            Principal p = session.principal();
            accessLog.append(new AccessEvent(AccessAction.LOGIN, AccessEvent.SUCCESS, p.userId(), p.name(), null, null,
                    null, List.of(), null, "session", null, requestId, "login from " + r.http().getRemoteAddr(),
                    p.organisation(), false));
            return Reply.ok(new LoginReply(session.token(), session.expiresAt(), session.idleTimeout().toSeconds(), p))
                    .noStore();
        } catch (AuthenticationException e) {
            accessLog.append(new AccessEvent(AccessAction.LOGIN, AccessEvent.FAILURE, user, null, null, null, null,
                    List.of(), null, "session", null, requestId, e.reason() + " from " + r.http().getRemoteAddr()));
            if (e.reason() == AuthenticationException.Reason.LOCKED) {
                throw new ApiProblem(429, "Too Many Requests", e.getMessage())
                        .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            }
            throw Guard.unauthorized(e.getMessage(), null);
        }
    }

    private static String requestId(ApiRequest r) {
        Object id = r.http().getAttribute(Guard.REQUEST_ID);
        return id == null ? null : id.toString();
    }
}
