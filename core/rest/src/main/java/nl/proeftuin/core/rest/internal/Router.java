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
 * a path that matches no template answers 404. When several templates match, the most specific wins:
 * a literal segment beats a variable at the first segment where they differ, so
 * {@code /cases/search} would win over {@code /cases/{caseId}} whatever the order they were added in.
 */
final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request) throws Exception;
    }

    /** A successful match: the route and the values of its template variables. */
    record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();
    /**
     * perfw (issue 13, decision 0043): each route's template split once, beside it (same index); splitting
     * all of them again on every request was a third of a health check's CPU.
     */
    private final List<String[]> templates = new ArrayList<>();

    /**
     * Adds a declared route ({@link Route}).
     *
     * @throws IllegalArgumentException when the declaration is incomplete (no policy, operation or handler:
     *                                  no route is open or undocumented by accident), the template is
     *                                  malformed, the same method already has a template of the same shape
     *                                  (it could never be reached) or the operationId is taken
     */
    Router add(Route route) {
        String method = route.method();
        String template = route.template();
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with '/': " + template);
        }
        for (String segment : split(template)) {
            if (segment.isEmpty() || (segment.contains("{") || segment.contains("}")) && !isVariable(segment)) {
                throw new IllegalArgumentException("malformed template: " + template);
            }
        }
        route.check();
        String shape = shape(template);
        for (Route other : routes) {
            if (other.method().equals(method) && shape(other.template()).equals(shape)) {
                throw new IllegalArgumentException(method + " " + template + " clashes with " + other.template());
            }
            if (other.operationId().equals(route.operationId())) {
                throw new IllegalArgumentException(route + ": operationId " + route.operationId() + " is "
                        + other + "'s");
            }
        }
        route.freeze();
        templates.add(split(template));
        routes.add(route);
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
        Match best = null;
        String[] bestTemplate = null;
        for (int r = 0; r < routes.size(); r++) {
            Route route = routes.get(r);
            String[] template = templates.get(r);
            Map<String, String> variables = bind(template, segments);
            if (variables == null) {
                continue;
            }
            if (route.method().equals(method) || ("HEAD".equals(method) && "GET".equals(route.method()))) {
                if (best == null || moreSpecific(template, bestTemplate)) {
                    best = new Match(route, variables);
                    bestTemplate = template;
                }
            } else {
                allowed.add(route.method());
            }
        }
        if (best != null) {
            return best;
        }
        if (allowed.isEmpty()) {
            throw ApiProblem.notFound("No resource at " + path);
        }
        throw new ApiProblem(405, "Method Not Allowed", method + " is not allowed on " + path)
                .with("allowed", List.copyOf(allowed));
    }

    private static boolean moreSpecific(String[] a, String[] b) {
        for (int i = 0; i < a.length; i++) {
            if (isVariable(a[i]) != isVariable(b[i])) {
                return !isVariable(a[i]);
            }
        }
        return false;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
                && segment.indexOf('{', 1) < 0 && segment.indexOf('}') == segment.length() - 1;
    }

    /** The template with its variable names erased: {@code /cases/{}/plan}. */
    private static String shape(String template) {
        StringBuilder shape = new StringBuilder();
        for (String segment : split(template)) {
            shape.append('/').append(isVariable(segment) ? "{}" : segment);
        }
        return shape.toString();
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
        for (int i = 0; i < template.length; i++) { // the literal segments first: most routes fail here, unallocated
            if (!isVariable(template[i]) && !template[i].equals(path[i])) {
                return null;
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (isVariable(t)) {
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
