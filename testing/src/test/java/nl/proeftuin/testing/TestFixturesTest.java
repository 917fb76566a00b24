package nl.proeftuin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared fixtures work: the clock moves by hand, both databases open migrated and close. */
class TestFixturesTest {

    @TempDir
    Path dir;

    @Test
    void theClockMovesOnlyWhenTold() {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertSame(clock, clock.withZone(ZoneId.of("Europe/Amsterdam")));
        assertEquals(TestClock.DEFAULT_START, new TestClock().instant());
    }

    @Test
    void anH2FileDatabaseOpensMigrated() throws Exception {
        Database database = TestDatabases.h2(dir);
        try {
            assertEquals(true, migrations(database) >= 15, "migrated");
        } finally {
            TestDatabases.close(database);
        }
        TestDatabases.close(null);
    }

    @Test
    void anEmbeddedPostgresDatabaseOpensMigrated() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Database database = TestDatabases.postgres(postgres);
            try {
                assertEquals(true, migrations(database) >= 15, "migrated");
            } finally {
                TestDatabases.close(database);
            }
        }
    }

    /** @return the schema version the database reports (the last migration applied) */
    private static int migrations(Database database) {
        DatabaseHealth health = database.check();
        assertEquals(true, health.up(), health::toString);
        return Integer.parseInt(health.schemaVersion());
    }
}
