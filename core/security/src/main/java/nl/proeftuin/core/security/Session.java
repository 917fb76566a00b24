package nl.proeftuin.core.security;

import java.time.Duration;
import java.time.Instant;

/**
 * A login session as handed to the client once, at login.
 *
 * @param token       the bearer token (256 random bits, base64url); the platform keeps only its SHA-256
 * @param expiresAt   when the session ends whatever happens (the absolute lifetime)
 * @param idleTimeout how long the session survives without a request
 * @param principal   who logged in
 */
public record Session(String token, Instant expiresAt, Duration idleTimeout, Principal principal) {

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "Session[user=" + principal.userId() + ", expiresAt=" + expiresAt + "]";
    }
}
