package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.health.ComponentHealth;
import nl.proeftuin.core.api.health.HealthReport;
import org.junit.jupiter.api.Test;

/**
 * A failed schema migration (decision 0025) is the one reason anonymous readiness gives: which migration
 * and its SQL state, read from the store component's activation failure as the component runtime
 * reports it, never the database's message (it may quote data).
 */
class ReadinessMigrationReasonTest {
    static final String FAILURE = "Caused by: nl.proeftuin.core.store.internal.SchemaMigration$MigrationFailedException: "
            + "Schema migration V16 (access log request id) failed: Unique index or primary key violation: "
            + "\"PUBLIC.PK ON PUBLIC.PERSON(ID) VALUES ('Samira Bakker')\" (SQL state 23505). The database was left as it was, "
            + "at schema version 15 (put back from the copy taken before migrating; the failed attempt is kept as "
            + "/var/lib/proeftuin/data/proeftuin/proeftuin.failed-V16.mv.db). This node is not ready.";

    @Test
    void aFailedMigrationNamesItselfAndItsSqlStateButNotTheDatabasesMessage() {
        String reason = Readiness.migrationReason(List.of(
                new ComponentHealth("nl.proeftuin.core.audit.internal.HashChainedAccessLog", "nl.proeftuin.core.audit",
                        "UNSATISFIED_REFERENCE", "missing: database"),
                new ComponentHealth(Readiness.DATABASE_COMPONENT, "nl.proeftuin.core.store", "FAILED_ACTIVATION", FAILURE)));
        assertEquals("Schema migration V16 (access log request id) failed (SQL state 23505); the database was left as it was."
                + " This node is not ready; the node's log has the database's message.", reason);
        assertFalse(reason.contains("Samira"));
    }

    @Test
    void anyOtherFailureGivesNoReason() {
        assertNull(Readiness.migrationReason(List.of(new ComponentHealth(Readiness.DATABASE_COMPONENT,
                "nl.proeftuin.core.store", "FAILED_ACTIVATION", "Caused by: java.sql.SQLException: Cannot reach the database"))));
        assertNull(Readiness.migrationReason(List.of(new ComponentHealth(Readiness.DATABASE_COMPONENT,
                "nl.proeftuin.core.store", "ACTIVE", ""))));
    }

    @Test
    void theAnonymousAnswerCarriesTheReasonOnlyWhenThereIsOne() throws Exception {
        HealthReport report = new HealthReport(HealthReport.Status.DOWN, "0.2.0", "", java.time.Instant.now(), null, List.of());
        Json json = new Json();
        assertEquals("{\"status\":\"DOWN\"}", json.mapper().writeValueAsString(
                new Readiness.Verdict(false, List.of("x"), report, null).status()));
        assertEquals(Map.of("status", "DOWN", "reason", "Schema migration V16 (x) failed."), json.mapper().readValue(
                json.mapper().writeValueAsString(new Readiness.Verdict(false, List.of("x"), report,
                        "Schema migration V16 (x) failed.").status()), Map.class));
    }
}
