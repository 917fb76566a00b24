package nl.proeftuin.core.audit.privacy;

import java.util.List;

import nl.proeftuin.core.audit.AccessLogEntry;

/**
 * Which access-log entries are about restricted data, so that no person's access view, export or
 * print shows them: the entries the restricted-data service logs (flagged restricted) and the route
 * entries the API's guard logs for the restricted-data routes (which name the route in their detail).
 * A person's access view and export leave these out for everyone, also for a reader named on the
 * data: that restricted data exists is itself restricted, and a printed export travels. The auditor's
 * log keeps them all.
 */
public final class RestrictedRoutes {
    /** The path parts of the restricted-data routes. */
    public static final List<String> PATHS = List.of("/safe-address", "/restricted-entries", "/restricted-notices");
    /** The object types the restricted-data service logs. */
    public static final List<String> OBJECT_TYPES = List.of("safe-address", "restricted-entry");

    private RestrictedRoutes() {
    }

    /** @return whether the entry concerns restricted data (or a route that handles it) */
    public static boolean concernsRestrictedData(AccessLogEntry entry) {
        if (entry.restricted() || entry.objectType() != null && OBJECT_TYPES.contains(entry.objectType())) {
            return true;
        }
        String text = (entry.detail() == null ? "" : entry.detail()) + " " + (entry.purpose() == null ? "" : entry.purpose());
        return PATHS.stream().anyMatch(text::contains);
    }
}
