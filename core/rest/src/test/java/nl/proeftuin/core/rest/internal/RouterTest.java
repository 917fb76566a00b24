package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Router.Handler NONE = r -> Reply.noContent();

    private static Router router() {
        return new Router()
                .add("GET", "/cases", NONE)
                .add("POST", "/cases", NONE)
                .add("GET", "/cases/{caseId}", NONE)
                .add("GET", "/cases/{caseId}/plan/versions/{version}", NONE)
                .add("POST", "/cases/{caseId}/team/{assignmentId}/end", NONE)
                .add("GET", "/cases/{caseId}/team/handovers", NONE)
                .add("POST", "/cases/{caseId}/team/handovers", NONE);
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
                .add("GET", "/cases/{caseId}/team/{assignmentId}", NONE)
                .add("GET", "/cases/{caseId}/team/handovers", literal);
        assertEquals(literal, router.match("GET", "/cases/c-1/team/handovers").route().handler());
        assertEquals(NONE, router.match("GET", "/cases/c-1/team/a-1").route().handler());
    }

    @Test
    void refusesTemplatesThatCouldNeverBeReached() {
        Router router = new Router().add("GET", "/cases/{caseId}", NONE);
        assertThrows(IllegalArgumentException.class, () -> router.add("GET", "/cases/{id}", NONE));
        assertThrows(IllegalArgumentException.class, () -> router.add("GET", "cases", NONE));
        assertThrows(IllegalArgumentException.class, () -> router.add("GET", "/cases/{caseId", NONE));
        // same shape, other method: fine
        router.add("POST", "/cases/{id}", NONE);
    }
}
