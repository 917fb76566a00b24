package nl.proeftuin.core.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
     * perf (issue 13): the routes a path can match, found without walking all of them: keyed by the number of
     * segments and the first segment ({@code "3 cases"}), each template split once and its variable segments
     * marked. A template whose first segment is a variable is under the key of its length alone ({@code "3"}).
     * Walking every route on every request was an eighth of a case read's request-thread CPU.
     */
    private final Map<String, List<Template>> byShape = new HashMap<>();

    /** A route's template split into segments, with its variable segments marked. */
    private record Template(Route route, String[] segments, boolean[] variable) {
        static Template of(Route route) {
            String[] segments = split(route.template());
            boolean[] variable = new boolean[segments.length];
            for (int i = 0; i < segments.length; i++) {
                variable[i] = isVariable(segments[i]);
            }
            return new Template(route, segments, variable);
        }

        String key() {
            return segments.length == 0 || variable[0] ? String.valueOf(segments.length)
                    : segments.length + " " + segments[0];
        }
    }

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
        Template compiled = Template.of(route);
        byShape.computeIfAbsent(compiled.key(), k -> new ArrayList<>()).add(compiled);
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
        Template bestTemplate = null;
        List<Template> literalFirst = segments.length == 0 ? null : byShape.get(segments.length + " " + segments[0]);
        List<Template> variableFirst = byShape.get(String.valueOf(segments.length));
        for (List<Template> candidates : Arrays.asList(literalFirst, variableFirst)) {
            if (candidates == null) {
                continue;
            }
            for (Template template : candidates) {
                Map<String, String> variables = bind(template, segments);
                if (variables == null) {
                    continue;
                }
                Route route = template.route();
                if (route.method().equals(method) || ("HEAD".equals(method) && "GET".equals(route.method()))) {
                    if (best == null || moreSpecific(template.variable(), bestTemplate.variable())) {
                        best = new Match(route, variables);
                        bestTemplate = template;
                    }
                } else {
                    allowed.add(route.method());
                }
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

    /** Whether a is more specific: a literal where b has a variable, at the first segment where they differ. */
    private static boolean moreSpecific(boolean[] a, boolean[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return !a[i];
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

    private static Map<String, String> bind(Template template, String[] path) {
        String[] segments = template.segments();
        boolean[] variable = template.variable();
        if (segments.length != path.length) {
            return null;
        }
        for (int i = 0; i < segments.length; i++) { // the literal segments first: most candidates fail here, unallocated
            if (variable[i] ? path[i].isEmpty() : !segments[i].equals(path[i])) {
                return null;
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (variable[i]) {
                variables.put(segments[i].substring(1, segments[i].length() - 1), path[i]);
            }
        }
        return variables;
    }
}
