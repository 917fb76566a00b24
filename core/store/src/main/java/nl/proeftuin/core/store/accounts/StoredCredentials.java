package nl.proeftuin.core.store.accounts;

import java.time.Instant;

/**
 * An account's credentials as stored.
 *
 * @param passwordHash the password hash, or null for an account of a directory realm (LDAP)
 * @param roles        the role names, comma-separated (empty when none)
 * @param changedAt    when the hash or roles were last set; null when never
 */
public record StoredCredentials(String passwordHash, String roles, Instant changedAt) {
}
