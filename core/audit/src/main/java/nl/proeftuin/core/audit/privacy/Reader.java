package nl.proeftuin.core.audit.privacy;

import java.util.Set;

/**
 * Who reads or changes data, with what the restricted-data checks need: the REST layer builds it
 * from the authenticated principal.
 *
 * @param userId       the login name
 * @param name         the display name
 * @param roles        the role names (PROFESSIONAL, COORDINATOR, AUDITOR, ...)
 * @param organisation their organisation, or null
 */
public record Reader(String userId, String name, Set<String> roles, String organisation) {
    /** Copies the roles. */
    public Reader {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /**
     * @param restrictedTo a restricted item's list ("user:&lt;id&gt;", "role:&lt;ROLE&gt;", "person:&lt;id&gt;")
     * @return whether this reader is named on it by user or platform role (the case positions
     *         "role:FIXED_PROFESSIONAL" and "role:CASUSREGIE" are resolved by the restricted-data service,
     *         which knows the case's current team)
     */
    public boolean isNamedIn(java.util.Collection<String> restrictedTo) {
        return restrictedTo.contains("user:" + userId) || roles.stream().anyMatch(r -> restrictedTo.contains("role:" + r));
    }
}
