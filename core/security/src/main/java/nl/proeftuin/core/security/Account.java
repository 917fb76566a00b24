package nl.proeftuin.core.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the administration sees it (never with a password).
 *
 * @param userId         login name
 * @param name           display name
 * @param roles          roles in the realm
 * @param municipalities municipality scope; empty means all
 * @param organisation   organisation, or null
 * @param disabled       whether logins are refused
 * @param createdAt      when the account was created in the platform
 */
public record Account(String userId, String name, Set<Role> roles, Set<String> municipalities, String organisation,
        boolean disabled, Instant createdAt) {
}
