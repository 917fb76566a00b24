package nl.proeftuin.core.store.sessions;

import java.time.Instant;

/**
 * One login session as stored: never the token, only its hash.
 *
 * @param roles the roles it logged in with, in core/security's text form
 */
public record StoredSession(String tokenHash, String userId, String roles, Instant createdAt, Instant lastSeenAt,
        Instant expiresAt, String clientAddress) {
}
