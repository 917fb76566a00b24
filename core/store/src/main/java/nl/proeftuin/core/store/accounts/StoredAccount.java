package nl.proeftuin.core.store.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as stored.
 *
 * @param municipalities the municipalities of its scope (register names, or core/security's "all" entry)
 */
public record StoredAccount(String userId, String displayName, String organisation, boolean disabled,
        Instant createdAt, Set<String> municipalities) {
}
