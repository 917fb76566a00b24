package nl.proeftuin.core.audit.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Whether the entry concerns restricted data: flagged so, of a restricted object type, or logged by the
     * guard for a restricted-data route. The route is the entry's own (the method and template its detail
     * or purpose starts with), never text elsewhere in it: a query value, a reason or a note a user typed
     * that names such a path must not hide the entry from the person's view.
     *
     * @return whether the entry concerns restricted data (or a route that handles it)
     */
    public static boolean concernsRestrictedData(AccessLogEntry entry) {
        if (entry.restricted() || entry.objectType() != null && OBJECT_TYPES.contains(entry.objectType())) {
            return true;
        }
        return startsWithRestrictedRoute(entry.detail()) || startsWithRestrictedRoute(entry.purpose());
    }

    /**
     * @param text an access-log detail or purpose, which the guard starts with the route's method and template
     *             ({@code GET /persons/{personId}/safe-address ...}, {@code break-glass: GET ...}); may be null
     * @return whether that route handles restricted data
     * @since 1.4
     */
    public static boolean startsWithRestrictedRoute(String text) {
        return isRestrictedRoute(routeOf(text));
    }

    /**
     * @param template a route's path template, e.g. {@code /persons/{personId}/safe-address}; may be null
     * @return whether the route handles restricted data
     * @since 1.4
     */
    public static boolean isRestrictedRoute(String template) {
        if (template == null) {
            return false;
        }
        for (String path : PATHS) {
            if (template.endsWith(path) || template.contains(path + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The path an access-log text starts with ("GET /x ...", "break-glass: GET /x ..."), or null. */
    private static String routeOf(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ROUTE.matcher(text);
        return m.lookingAt() ? m.group(1) : null;
    }

    private static final Pattern ROUTE = Pattern.compile("(?:break-glass: )?(?:GET|HEAD|POST|PUT|PATCH|DELETE) (/[^\\s:?]*)");
}
