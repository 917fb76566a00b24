package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcHeartbeatStore;
import nl.proeftuin.core.store.internal.RestTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness proves the database takes writes by moving the heartbeat row's clock (migration V12): on a
 * database that cannot write (here the real H2 file opened read-only, as a node finds it when its file
 * or disk turned read-only; every login then failed while health said UP) the check fails and says why.
 */
class ReadinessHeartbeatTest {

    @TempDir
    Path dir;

    @Test
    void aWritableDatabaseMovesTheHeartbeat() throws Exception {
        Database db = RestTestDatabase.h2(dir);
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertNull(Readiness.heartbeat(db, new JdbcHeartbeatStore(), now));
            assertNotNull(Readiness.heartbeat(db, null, now), "no heartbeat store bound: not ready");
            Instant stored = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT beat_at FROM node_heartbeat WHERE heartbeat_id = 1");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, OffsetDateTime.class).toInstant();
                }
            });
            assertEquals(now, stored);
        } finally {
            RestTestDatabase.close(db);
        }
    }

    @Test
    void aReadOnlyDatabaseIsNotReady() throws Exception {
        RestTestDatabase.close(RestTestDatabase.h2(dir));
        Database readOnly = RestTestDatabase.h2ReadOnly(dir);
        try {
            assertTrue(readOnly.check().up(), "a read-only database still answers queries: only a write shows it");
            String failure = Readiness.heartbeat(readOnly, new JdbcHeartbeatStore(), Instant.now());
            assertNotNull(failure, "a read-only database passed the write check");
        } finally {
            RestTestDatabase.close(readOnly);
        }
    }
}
