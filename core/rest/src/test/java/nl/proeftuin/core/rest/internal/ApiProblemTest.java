package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.VersionRequiredException;
import org.junit.jupiter.api.Test;

/** The mapping of the core API's exceptions to RFC 9457 problems. */
class ApiProblemTest {

    @Test
    void invalidInputIs400WithFieldAndReason() {
        ApiProblem p = ApiProblem.fromService(new InvalidInputException("conditions[2].consequence", "is required"));
        assertEquals(400, p.status);
        assertEquals("conditions[2].consequence", p.extensions.get("field"));
        assertEquals("is required", p.extensions.get("reason"));
    }

    @Test
    void notFoundIs404() {
        ApiProblem p = ApiProblem.fromService(new NotFoundException("case 12"));
        assertEquals(404, p.status);
        assertEquals("case 12 not found", p.getMessage());
    }

    @Test
    void ruleViolationIs409WithRule() {
        ApiProblem p = ApiProblem.fromService(new RuleViolationException("independent-review-required", "review first"));
        assertEquals(409, p.status);
        assertEquals("independent-review-required", p.extensions.get("rule"));
        assertEquals("review first", p.getMessage());
    }

    @Test
    void staleVersionIs412WithCurrentVersion() {
        ApiProblem p = ApiProblem.fromService(new StaleVersionException("case 12", 3, 5));
        assertEquals(412, p.status);
        assertEquals(5L, p.extensions.get("currentVersion"));
    }

    @Test
    void versionRequiredIs428() {
        assertEquals(428, ApiProblem.fromService(new VersionRequiredException("send If-Match")).status);
    }

    @Test
    void anythingElseIsNotAClientError() {
        assertNull(ApiProblem.fromService(new IllegalStateException("bug")));
        assertNull(ApiProblem.fromService(new NullPointerException()));
    }

    @Test
    void bodyHasTheRfc9457MembersFirstThenTheExtensions() {
        Map<String, Object> body = ApiProblem.invalidParameter("size", "must be from 1 to 100").body("/api/v1/cases");
        assertEquals(java.util.List.of("type", "title", "status", "detail", "instance", "parameter", "reason"),
                java.util.List.copyOf(body.keySet()));
        assertEquals(400, body.get("status"));
    }

    /** Several nodes (issue 16): a node that cannot reach its database answers 503, never 500; other SQL errors stay 500. */
    @Test
    void anUnreachableDatabaseIs503WithRetryAfterAndOtherSqlErrorsAreNot() {
        for (Exception cause : new Exception[] {
            new java.sql.SQLTransientConnectionException("proeftuin - Connection is not available, request timed out after 5000ms"),
            new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"),
            new java.sql.SQLException("terminating connection due to administrator command", "57P01"),
            new java.sql.SQLException("sorry, too many clients already", "53300")}) {
            ApiProblem p = ApiProblem.fromService(new IllegalStateException("session store failed", cause));
            assertEquals(503, p.status, cause.toString());
            assertEquals("5", p.headers.get("Retry-After"));
        }
        assertNull(ApiProblem.fromService(new IllegalStateException("x",
                new java.sql.SQLException("duplicate key value violates unique constraint", "23505"))));
        assertNull(ApiProblem.fromService(new IllegalStateException("no database involved")));
    }

    /**
     * A transaction the database rolled back for another (two requests for one family locking the same
     * persons in turn) answered 500: it is a 503 saying to send it again, nothing of it saved.
     */
    @Test
    void aTransactionLostToAnotherIs503AskingForTheSameRequestAgain() {
        for (Exception cause : new Exception[] {
            new java.sql.SQLException("deadlock detected", "40P01"),
            new java.sql.SQLException("Deadlock detected. The current transaction was rolled back.", "40001"),
            new java.sql.SQLException("Timeout trying to lock table", "HYT00")}) {
            ApiProblem p = ApiProblem.fromService(new IllegalStateException("database failure", cause));
            assertEquals(503, p.status, cause.toString());
            assertEquals("1", p.headers.get("Retry-After"));
            assertEquals("concurrent_write", p.body("/x").get("reason"));
        }
    }
}
