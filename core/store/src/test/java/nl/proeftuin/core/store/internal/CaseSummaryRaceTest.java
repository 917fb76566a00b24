package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.store.internal.SyntheticCases.Spec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The repeat-signal mark of an earlier case is not lost when a refresh of that case and the refresh of
 * its later case (sharing a member) run at the same moment (review leftover of issue 15, decision 0042).
 * Deterministic: the earlier case's refresh holds its transaction open until the later case's refresh
 * is seen waiting for a lock, then commits. Without the members' lock in {@link CaseSummaries#refresh},
 * the later case's mark waited for the earlier case's old row, found it replaced, and left the new one
 * unmarked.
 */
class CaseSummaryRaceTest {
    static final LocalDate D = LocalDate.of(2026, 1, 5);

    abstract static class Contract {
        JdbcDatabase db;

        abstract JdbcDatabase start() throws Exception;

        abstract void stop() throws Exception;

        /** @return whether a session of the database waits for a lock now */
        abstract boolean someoneWaits(java.sql.Connection c) throws java.sql.SQLException;

        @BeforeEach
        void open() throws Exception {
            db = start();
        }

        @AfterEach
        void close() throws Exception {
            try {
                db.close();
            } finally {
                stop();
            }
        }

        @Test
        void aRefreshOfTheEarlierCaseDoesNotLoseTheLaterCasesMark() throws Exception {
            race(false);
        }

        @Test
        void aBulkMarkWaitsForTheEarlierCasesRefreshToo() throws Exception {
            race(true);
        }

        private void race(boolean bulk) throws Exception {
            // the earlier case: family "r", closed 30 days after its signal; no repeat signal yet
            String earlier = db.inTransaction(c -> SyntheticCases.insert(c, List.of(new Spec("Arnhem", "r", D, "threeway",
                    "a", 1, 3, 1, 0, false, false, "GOALS_REACHED", 30, null, null)))).get(0);
            String person = UUID.nameUUIDFromBytes("family:r".getBytes()).toString();
            assertEquals(0, repeat(earlier));
            CountDownLatch refreshed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // transaction 1: the earlier case's row is recomputed (without the later case: not committed)
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try {
                    db.inTransaction(c -> {
                        CaseSummaries.refresh(c, List.of(earlier));
                        refreshed.countDown();
                        try {
                            assertTrue(release.await(30, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(refreshed.await(30, TimeUnit.SECONDS));
            // transaction 2: a new signal for a member of the earlier case, 100 days after its signal
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    db.inTransaction(c -> {
                        if (bulk) {
                            return SyntheticCases.insert(c, List.of(new Spec("Arnhem", "r", D.plusDays(100), "threeway",
                                    "a", 1, 1, 1, 0, false, false, null, 0, null, null)));
                        }
                        String later = SyntheticCases.insert(c, List.of(new Spec("Arnhem", "other", D.plusDays(100),
                                "threeway", "a", 1, 1, 1, 0, false, false, null, 0, null, null))).get(0);
                        Jdbc.update(c, "INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 1)", later, person);
                        CaseSummaries.refresh(c, List.of(later));
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean waits = false;
            while (!waits && !second.isDone() && System.nanoTime() < until) {
                waits = db.read(this::someoneWaits);
                Thread.sleep(20);
            }
            assertTrue(waits, "the later case's transaction waits for the earlier case's refresh");
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            assertEquals(1, repeat(earlier), "the earlier case is followed by a repeat signal");
            // and a refresh from the committed rows agrees
            db.inTransaction(c -> {
                CaseSummaries.refresh(c, List.of(earlier));
                return null;
            });
            assertEquals(1, repeat(earlier));
        }

        private int repeat(String caseId) throws Exception {
            return db.read(c -> Jdbc.one(c, "SELECT repeat_signal FROM case_summary WHERE case_id = ?", rs -> rs.getInt(1),
                    caseId).orElseThrow());
        }
    }

    @Nested
    class OnH2 extends Contract {
        final StoreEngines.H2 engine = new StoreEngines.H2("casesummaryrace-h2");

        @Override
        JdbcDatabase start() throws Exception {
            return engine.start();
        }

        @Override
        void stop() throws Exception {
            engine.stop();
        }

        @Override
        boolean someoneWaits(java.sql.Connection c) throws java.sql.SQLException {
            return Jdbc.one(c, "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL",
                    rs -> rs.getLong(1)).orElse(0L) > 0;
        }
    }

    @Nested
    class OnPostgreSql extends Contract {
        final StoreEngines.Postgres engine = new StoreEngines.Postgres();

        @Override
        JdbcDatabase start() throws Exception {
            return engine.start();
        }

        @Override
        void stop() throws Exception {
            engine.stop();
        }

        @Override
        boolean someoneWaits(java.sql.Connection c) throws java.sql.SQLException {
            return Jdbc.one(c, "SELECT COUNT(*) FROM pg_locks WHERE NOT granted", rs -> rs.getLong(1)).orElse(0L) > 0;
        }
    }
}
