package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.cluster.StoredJobLease;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * Region-wide jobs by lease (V18): two nodes on one database run a job once per interval, the holder
 * keeps it while it keeps its turns, and the other node takes it over when the holder misses one or
 * dies in a run; and the region key's fingerprint is recorded once. On H2 and on PostgreSQL.
 */
class RegionJobsTest {

    static final Duration SECOND = Duration.ofSeconds(1);
    static final Duration MAX_RUN = Duration.ofSeconds(30);

    /** A clock the test moves. */
    static final class Hands extends Clock {
        volatile Instant now = Instant.parse("2027-03-12T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        JdbcDatabase db;
        final JdbcJobLeaseStore store = new JdbcJobLeaseStore();

        abstract JdbcDatabase start() throws Exception;

        abstract void stop() throws Exception;

        @BeforeAll
        void open() throws Exception {
            db = start();
        }

        @AfterAll
        void close() throws Exception {
            if (db != null) {
                db.close();
            }
            stop();
        }

        StoredJobLease lease(String job) throws SQLException {
            return db.read(c -> store.all(c)).stream().filter(l -> l.job().equals(job)).findFirst().orElseThrow();
        }

        @Test
        void onceperIntervalTheHolderKeepsItAndAnotherTakesOverAMissedTurn() throws Exception {
            Hands clock = new Hands();
            LeasedRegionJobs a = new LeasedRegionJobs(db, store, "node-a", clock);
            LeasedRegionJobs b = new LeasedRegionJobs(db, store, "node-b", clock);
            String job = "turns";

            assertTrue(a.begin(job, SECOND, MAX_RUN), "the first ask of a new job runs it");
            assertFalse(b.begin(job, SECOND, MAX_RUN), "a's run is going on and the next is not due");
            a.end(job);
            clock.advance(Duration.ofMillis(500));
            assertFalse(b.begin(job, SECOND, MAX_RUN), "not due yet");
            clock.advance(Duration.ofMillis(600));
            assertFalse(b.begin(job, SECOND, MAX_RUN), "due, but the holder has a tick of grace");
            assertTrue(a.begin(job, SECOND, MAX_RUN), "the holder takes its turn");
            a.end(job);
            assertFalse(a.begin(job, SECOND, MAX_RUN), "not twice in one interval");
            assertEquals("node-a", lease(job).holder());
            assertEquals(2, lease(job).runs());

            // a misses its turn (dead between runs): b takes over one tick after the run was due
            clock.advance(Duration.ofMillis(2100));
            assertTrue(b.begin(job, SECOND, MAX_RUN));
            b.end(job);
            StoredJobLease now = lease(job);
            assertEquals("node-b", now.holder());
            assertEquals(clock.now, now.takenAt());
            assertEquals(3, now.runs());
            clock.advance(Duration.ofMillis(1000));
            assertFalse(a.begin(job, SECOND, MAX_RUN), "b holds it now; a waits for b's missed turn");
        }

        @Test
        void aNodeThatDiesInARunHoldsTheJobUntilMaxRun() throws Exception {
            Hands clock = new Hands();
            LeasedRegionJobs a = new LeasedRegionJobs(db, store, "node-a", clock);
            LeasedRegionJobs b = new LeasedRegionJobs(db, store, "node-b", clock);
            String job = "dies";
            assertTrue(a.begin(job, SECOND, MAX_RUN)); // and never ends
            clock.advance(Duration.ofSeconds(10));
            assertFalse(b.begin(job, SECOND, MAX_RUN), "a's run may still be going on");
            clock.advance(Duration.ofSeconds(21));
            assertTrue(b.begin(job, SECOND, MAX_RUN), "after maxRun the job moves on");
        }

        @Test
        void twoNodesAskingAtOnceRunItOnce() throws Exception {
            Hands clock = new Hands();
            String job = "race";
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                int runs = 0;
                for (int round = 0; round < 20; round++) {
                    clock.advance(Duration.ofSeconds(5));
                    CountDownLatch go = new CountDownLatch(1);
                    List<Callable<Boolean>> asks = Stream.of("n1", "n2", "n3", "n4").map(n -> {
                        LeasedRegionJobs node = new LeasedRegionJobs(db, store, n, clock);
                        return (Callable<Boolean>) () -> {
                            go.await();
                            return node.begin(job, SECOND, SECOND);
                        };
                    }).toList();
                    List<Future<Boolean>> answers = asks.stream().map(pool::submit).toList();
                    go.countDown();
                    int yes = 0;
                    for (Future<Boolean> f : answers) {
                        yes += f.get() ? 1 : 0;
                    }
                    assertEquals(1, yes, "round " + round + ": exactly one node runs the due job");
                    runs++;
                }
                assertEquals(runs, lease(job).runs());
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theRegionKeysFingerprintIsRecordedOnce() throws Exception {
            JdbcRegionKeyStore keys = new JdbcRegionKeyStore();
            Instant t = Instant.parse("2027-03-12T10:00:00Z");
            assertEquals("aa", db.inTransaction(c -> keys.recordOrRead(c, "k", "aa", "node-a", t)));
            assertEquals("aa", db.inTransaction(c -> keys.recordOrRead(c, "k", "bb", "node-b", t)),
                    "the second node reads the first one's fingerprint");
            assertEquals("aa", db.read(c -> keys.find(c, "k")).orElseThrow());
        }
    }

    @Test
    void aNodeIdIsGeneratedOnceIntoTheDataDirectoryOrConfigured(@TempDir Path data) throws Exception {
        String first = LeasedRegionJobs.nodeId("", data.toString());
        assertTrue(LeasedRegionJobs.NODE_ID.matcher(first).matches(), first);
        assertEquals(first, LeasedRegionJobs.nodeId(null, data.toString()), "stable across restarts");
        assertEquals(first, Files.readString(data.resolve(LeasedRegionJobs.NODE_ID_FILE)).strip());
        assertEquals("gelderland-2", LeasedRegionJobs.nodeId(" gelderland-2 ", data.toString()));
        assertThrows(IllegalArgumentException.class, () -> LeasedRegionJobs.nodeId("a b", data.toString()));
    }

    @Nested
    class OnH2 extends Contract {
        Path dir;

        @Override
        JdbcDatabase start() throws Exception {
            dir = Files.createTempDirectory("region-jobs");
            return new JdbcDatabase(ShippedConfig.h2Settings(dir), new OsgiDataSourceFactory(new org.h2.Driver()));
        }

        @Override
        void stop() throws Exception {
            if (dir != null) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Nested
    class OnPostgreSql extends Contract {
        EmbeddedPostgres postgres;

        @Override
        JdbcDatabase start() throws Exception {
            postgres = EmbeddedPostgres.builder().start();
            return new JdbcDatabase(new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    6, 5_000), new PGDataSourceFactory());
        }

        @Override
        void stop() throws Exception {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
