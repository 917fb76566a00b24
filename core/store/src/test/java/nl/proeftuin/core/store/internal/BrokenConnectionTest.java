package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * A connection the database breaks in the middle of a transaction (PostgreSQL stopped, restarted, or
 * the backend terminated): the caller gets the database's own reason, with its SQLState (what makes the
 * API answer 503 rather than 500), not the pool's plain "Connection is closed" from putting the
 * connection back; and the next transaction gets a fresh connection.
 */
class BrokenConnectionTest {

    @Test
    void theDatabasesReasonReachesTheCallerAndThePoolRecovers() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcDatabase db = new JdbcDatabase(new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", "postgres"),
                    "postgres", "", 2, 5_000), new PGDataSourceFactory());
            try {
                SQLException e = assertThrows(SQLException.class, () -> db.inTransaction(c -> {
                    try (var s = c.createStatement()) {
                        s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                    }
                    return null;
                }));
                assertNotNull(e.getSQLState(), e.toString());
                assertTrue(e.getSQLState().startsWith("57P") || e.getSQLState().startsWith("08"), e.getSQLState() + " " + e);
                assertEquals(Integer.valueOf(1), db.inTransaction(c -> {
                    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }));
            } finally {
                db.close();
            }
        }
    }
}
