package nl.proeftuin.core.security;

import java.util.Set;

/**
 * A user to create.
 *
 * @param userId         login name: 2 to 64 of {@code a-z 0-9 . _ @ -}, starting with a letter or digit
 * @param name           display name (required)
 * @param roles          at least one role
 * @param municipalities municipality scope; empty means all
 * @param organisation   organisation, or null
 */
public record NewAccount(String userId, String name, Set<Role> roles, Set<String> municipalities, String organisation) {
}
