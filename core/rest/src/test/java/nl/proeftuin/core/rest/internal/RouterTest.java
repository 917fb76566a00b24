package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.security.Role;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Router.Handler NONE = r -> Reply.noContent();

    private static int operations;

    /** A complete declaration of a route for a professional (each with its own operationId). */
    private static Route route(String method, String template, Router.Handler handler) {
        Route route = switch (method) {
            case "GET" -> Route.get(template);
            case "POST" -> Route.post(template);
            case "PUT" -> Route.put(template);
            default -> Route.delete(template);
        };
        return route.operation("op" + ++operations, "cases", "A test route.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL)).handle(handler);
    }

    private static Router router() {
        return new Router()
                .add(route("GET", "/cases", NONE))
                .add(route("POST", "/cases", NONE))
                .add(route("GET", "/cases/{caseId}", NONE))
                .add(route("GET", "/cases/{caseId}/plan/versions/{version}", NONE))
                .add(route("POST", "/cases/{caseId}/team/{assignmentId}/end", NONE))
                .add(route("GET", "/cases/{caseId}/team/handovers", NONE))
                .add(route("POST", "/cases/{caseId}/team/handovers", NONE));
    }

    @Test
    void bindsTemplateVariables() {
        Router.Match match = router().match("GET", "/cases/c-12/plan/versions/3");
        assertEquals("/cases/{caseId}/plan/versions/{version}", match.route().template());
        assertEquals(Map.of("caseId", "c-12", "version", "3"), match.variables());

        Router.Match end = router().match("POST", "/cases/c-1/team/a-7/end");
        assertEquals(Map.of("caseId", "c-1", "assignmentId", "a-7"), end.variables());
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        assertEquals("/cases/{caseId}", router().match("GET", "/cases/c-1/").route().template());
    }

    @Test
    void unknownPathIs404() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> router().match("GET", "/cases/c-1/nothing"));
        assertEquals(404, problem.status);
        assertEquals(404, assertThrows(ApiProblem.class, () -> router().match("GET", "/persons")).status);
        // an empty variable segment does not match a template
        assertEquals(404, assertThrows(ApiProblem.class, () -> router().match("GET", "/cases//plan/versions/1")).status);
    }

    @Test
    void knownPathWithOtherMethodIs405NamingTheAllowedMethods() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> router().match("DELETE", "/cases"));
        assertEquals(405, problem.status);
        assertEquals(List.of("GET", "POST"), problem.extensions.get("allowed"));

        ApiProblem onlyGet = assertThrows(ApiProblem.class, () -> router().match("PUT", "/cases/c-1"));
        assertEquals(List.of("GET"), onlyGet.extensions.get("allowed"));
    }

    @Test
    void headIsServedByGet() {
        assertEquals("GET", router().match("HEAD", "/cases/c-1").route().method());
    }

    @Test
    void aLiteralSegmentBeatsAVariableWhateverTheOrder() {
        Router.Handler literal = r -> Reply.noContent();
        Router router = new Router()
                .add(route("GET", "/cases/{caseId}/team/{assignmentId}", NONE))
                .add(route("GET", "/cases/{caseId}/team/handovers", literal));
        assertEquals(literal, router.match("GET", "/cases/c-1/team/handovers").route().handler());
        assertEquals(NONE, router.match("GET", "/cases/c-1/team/a-1").route().handler());
    }

    /**
     * The router looks only at the routes of the path's length and first segment, and at those of that length
     * that start with a variable: a template of either kind is found, the more specific wins across both, and
     * the methods of both count for a 405.
     */
    @Test
    void templatesStartingWithAVariableAreMatchedBesideLiteralOnes() {
        Router.Handler literal = r -> Reply.noContent();
        Router router = new Router()
                .add(route("GET", "/{area}/summary", NONE))
                .add(route("GET", "/cases/summary", literal))
                .add(route("POST", "/{area}/{item}", NONE))
                .add(route("GET", "/cases/{caseId}/plan", NONE));
        assertEquals(literal, router.match("GET", "/cases/summary").route().handler());
        assertEquals("/{area}/summary", router.match("GET", "/persons/summary").route().template());
        assertEquals(Map.of("area", "persons", "item", "p-1"), router.match("POST", "/persons/p-1").variables());
        assertEquals(List.of("POST"), assertThrows(ApiProblem.class, () -> router.match("GET", "/persons/p-1"))
                .extensions.get("allowed"));
        assertEquals(List.of("GET", "POST"), assertThrows(ApiProblem.class, () -> router.match("PUT", "/cases/summary"))
                .extensions.get("allowed"));
        assertEquals(404, assertThrows(ApiProblem.class, () -> router.match("GET", "/cases/c-1/team")).status);
        assertEquals(404, assertThrows(ApiProblem.class, () -> router.match("GET", "/")).status);
    }

    @Test
    void refusesTemplatesThatCouldNeverBeReached() {
        Router router = new Router().add(route("GET", "/cases/{caseId}", NONE));
        assertThrows(IllegalArgumentException.class, () -> router.add(route("GET", "/cases/{id}", NONE)));
        assertThrows(IllegalArgumentException.class, () -> router.add(route("GET", "cases", NONE)));
        assertThrows(IllegalArgumentException.class, () -> router.add(route("GET", "/cases/{caseId", NONE)));
        // same shape, other method: fine
        router.add(route("POST", "/cases/{id}", NONE));
    }

    /** No route is ever open (or closed to everyone) by accident: without a policy it is refused when added. */
    @Test
    void aRouteWithoutAPolicyCannotBeAdded() {
        Router router = new Router();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> router.add(
                Route.get("/cases/{caseId}/notes").operation("listNotes", "cases", "Notes.").handle(NONE)));
        assertTrue(refused.getMessage().contains("GET /cases/{caseId}/notes declares no policy"), refused.getMessage());
        assertTrue(router.routes().isEmpty());
        // nor without an operation, a handler, or with need to know on a variable the path lacks
        assertThrows(IllegalArgumentException.class, () -> router.add(
                Route.get("/cases").policy(RoutePolicy.anyOf(Role.PROFESSIONAL)).handle(NONE)));
        assertThrows(IllegalArgumentException.class, () -> router.add(
                Route.get("/cases").operation("searchCases", "cases", "Cases.").policy(RoutePolicy.anyOf(Role.PROFESSIONAL))));
        assertThrows(IllegalArgumentException.class, () -> router.add(Route.get("/cases").operation("searchCases", "cases",
                "Cases.").policy(RoutePolicy.onCase(Role.PROFESSIONAL)).handle(NONE)));
        assertTrue(router.routes().isEmpty());
        // a policy that needs a login names its roles: one nobody could call is refused too
        assertThrows(IllegalArgumentException.class, RoutePolicy::anyOf);
        // a route in the router is not changed afterwards
        Route added = route("GET", "/cases", NONE);
        router.add(added);
        assertThrows(IllegalStateException.class, () -> added.policy(RoutePolicy.anonymous()));
        assertEquals(Set.of(Role.PROFESSIONAL), router.routes().get(0).policy().roles());
        // two routes never share an operationId (clients generate code from it)
        assertThrows(IllegalArgumentException.class, () -> router.add(Route.get("/persons")
                .operation(router.routes().get(0).operationId(), "family", "Persons.")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL)).handle(NONE)));
    }
}
