package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.gauges.OperationalGaugeStore;
import nl.proeftuin.core.store.internal.JdbcOperationalGaugeStore;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database gauges on a real H2 file database: values, the short cache, a failing database, unbinding. */
class OperationalGaugesTest {

    @TempDir
    Path dir;
    Database database;
    final TestClock clock = new TestClock(Instant.parse("2027-03-12T10:00:00Z"));
    final AtomicInteger reads = new AtomicInteger();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** The real store, counting how often it is asked. */
    final OperationalGaugeStore store = new OperationalGaugeStore() {
        final JdbcOperationalGaugeStore real = new JdbcOperationalGaugeStore();

        @Override
        public OutboxBacklog outboxBacklog(Connection c) throws SQLException {
            reads.incrementAndGet();
            return real.outboxBacklog(c);
        }

        @Override
        public long maatwerkPastDeadline(Connection c, LocalDate today) throws SQLException {
            return real.maatwerkPastDeadline(c, today);
        }
    };

    @BeforeEach
    void open() throws SQLException {
        database = TestDatabases.h2(dir);
    }

    @AfterEach
    void close() {
        TestDatabases.close(database);
    }

    @Test
    void anEmptyNodeReadsZeroAndAScrapeStormReadsTheDatabaseOncePerFiveSeconds() {
        OperationalGauges gauges = new OperationalGauges(database, store, clock);
        gauges.bindMeterRegistry(registry);

        for (int i = 0; i < 20; i++) {
            assertEquals(0, registry.get("proeftuin.outbox.backlog").tag("status", "pending").gauge().value());
            assertEquals(0, registry.get("proeftuin.outbox.backlog").tag("status", "waiting").gauge().value());
            assertEquals(0, registry.get("proeftuin.outbox.oldest.undelivered.age").gauge().value());
            assertEquals(0, registry.get("proeftuin.maatwerk.past.deadline").gauge().value());
        }
        assertEquals(1, reads.get());
        clock.advance(Duration.ofSeconds(5));
        registry.get("proeftuin.outbox.backlog").tag("status", "pending").gauge().value();
        assertEquals(2, reads.get());

        gauges.unbindMeterRegistry(registry);
        assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
    }

    @Test
    void aFailingDatabaseReadsNotANumberInsteadOfAFailingScrape() {
        OperationalGauges gauges = new OperationalGauges(database, store, clock);
        gauges.bindMeterRegistry(registry);
        TestDatabases.close(database);

        assertTrue(Double.isNaN(registry.get("proeftuin.outbox.backlog").tag("status", "pending").gauge().value()));
        assertTrue(Double.isNaN(registry.get("proeftuin.maatwerk.past.deadline").gauge().value()));
    }
}
