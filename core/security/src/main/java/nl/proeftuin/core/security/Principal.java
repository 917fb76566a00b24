package nl.proeftuin.core.security;

import java.util.Set;

import nl.proeftuin.core.api.dto.Actor;

/**
 * An authenticated user as the platform sees them on this request (roles and scope read from the
 * store on every request, so a change takes effect at once).
 *
 * @param userId         the login name (stable)
 * @param name           the display name
 * @param roles          the roles
 * @param municipalities the municipalities whose cases they may see (register names); {@value #ALL_MUNICIPALITIES}
 *                       for all of the region's; empty means none
 * @param organisation   the organisation they work for, or null
 */
public record Principal(String userId, String name, Set<Role> roles, Set<String> municipalities, String organisation) {

    /** The municipality entry that grants all municipalities; an administrator sets it explicitly. */
    public static final String ALL_MUNICIPALITIES = "*";

    /** Copies the sets. */
    public Principal {
        roles = Set.copyOf(roles);
        municipalities = Set.copyOf(municipalities);
    }

    /** @return whether the user has the role */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * @param municipality a municipality as an administrator gives it
     * @return whether it grants all municipalities: {@value #ALL_MUNICIPALITIES}, or {@code ALL} in any case
     */
    public static boolean meansAll(String municipality) {
        return ALL_MUNICIPALITIES.equals(municipality) || "ALL".equalsIgnoreCase(municipality);
    }

    /** @return whether the user was granted all municipalities ({@value #ALL_MUNICIPALITIES}) */
    public boolean allMunicipalities() {
        return municipalities.contains(ALL_MUNICIPALITIES);
    }

    /**
     * @param municipality a case's municipality
     * @return whether the user's municipality scope includes it (never, when the scope is empty: a
     *         user without municipalities sees none until an administrator grants some, or all)
     */
    public boolean covers(String municipality) {
        return allMunicipalities() || municipality != null
                && municipalities.stream().anyMatch(m -> m.equalsIgnoreCase(municipality));
    }

    /** @return this user as the actor of a change */
    public Actor actor() {
        return new Actor(userId, name);
    }
}
