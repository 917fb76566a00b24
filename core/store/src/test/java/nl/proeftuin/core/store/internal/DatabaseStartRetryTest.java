package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which failed starts of the database component are tried again (the retry itself: TwoNodesIT). */
class DatabaseStartRetryTest {
    private static final String UNREACHABLE = "org.osgi.service.component.ComponentException: activation failed\n"
            + "\tat org.apache.felix.scr.impl.X.y(X.java:1)\n"
            + "Caused by: org.postgresql.util.PSQLException: Connection to 127.0.0.1:5432 refused.\n\tat z";
    private static final String MIGRATION = "org.osgi.service.component.ComponentException: activation failed\n"
            + "Caused by: nl.proeftuin.core.store.internal.SchemaMigration$MigrationFailedException: Schema migration"
            + " V19 (x) failed: boom (SQL state 42P01). The database was left as it was.\n\tat z";

    @Test
    void anUnreachableDatabaseIsTriedAgainAFailedMigrationNever() {
        assertTrue(DatabaseStartRetry.retryable(UNREACHABLE));
        assertFalse(DatabaseStartRetry.retryable(MIGRATION), "a failed migration stays failed and visible");
    }

    @Test
    void theLogNamesTheInnermostCause() {
        assertEquals("Caused by: org.postgresql.util.PSQLException: Connection to 127.0.0.1:5432 refused.",
                DatabaseStartRetry.cause(UNREACHABLE));
    }
}
