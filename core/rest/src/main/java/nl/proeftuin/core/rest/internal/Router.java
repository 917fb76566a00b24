package nl.proeftuin.core.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a method and a path against path templates such as {@code /cases/{caseId}/plan}.
 * A path that matches a template but not its method answers 405 with the allowed methods;
 * a path that matches no template answers 404.
 */
final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request) throws Exception;
    }

    /** One route: method, template, handler. */
    record Route(String method, String template, Handler handler) {
    }

    /** A successful match: the route and the values of its template variables. */
    record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with '/': " + template);
        }
        routes.add(new Route(method, template, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * @return the match
     * @throws ApiProblem 404 when no template matches the path, 405 (with {@code allowed}) when one
     *                    matches but not for this method
     */
    Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> variables = bind(split(route.template()), segments);
            if (variables == null) {
                continue;
            }
            if (route.method().equals(method) || ("HEAD".equals(method) && "GET".equals(route.method()))) {
                return new Match(route, variables);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw ApiProblem.notFound("No resource at " + path);
        }
        throw new ApiProblem(405, "Method Not Allowed", method + " is not allowed on " + path)
                .with("allowed", List.copyOf(allowed));
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static Map<String, String> bind(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                variables.put(t.substring(1, t.length() - 1), path[i]);
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return variables;
    }
}
