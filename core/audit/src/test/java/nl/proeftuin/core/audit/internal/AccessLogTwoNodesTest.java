package nl.proeftuin.core.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcAccessLogStore;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Several nodes, one chain (issue 16): two nodes, each with its own connection pool to one PostgreSQL,
 * append at the same time from several threads each; the head row is locked ({@code SELECT ... FOR
 * UPDATE}) for each append, so the result is one linear chain that verifies, with entries of both.
 */
class AccessLogTwoNodesTest {

    static final int THREADS_PER_NODE = 4;
    static final int APPENDS_PER_THREAD = 40;

    @Test
    void twoPoolsAppendingAtOnceMakeOneChainThatVerifies() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Database poolA = TestDatabases.postgres(postgres);
            Database poolB = TestDatabases.postgres(postgres);
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
            try {
                HashChainedAccessLog nodeA = new HashChainedAccessLog(poolA, new JdbcAccessLogStore(),
                        java.time.Clock.systemUTC(), "node-a");
                HashChainedAccessLog nodeB = new HashChainedAccessLog(poolB, new JdbcAccessLogStore(),
                        java.time.Clock.systemUTC(), "node-b");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
                    HashChainedAccessLog node = t % 2 == 0 ? nodeA : nodeB;
                    String user = "user-" + t;
                    done.add(threads.submit(() -> {
                        go.await();
                        for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                            node.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, user, "Name", "PROFESSIONAL",
                                    null, "care", List.of("p" + i), "case-1", "case", "case-1", "req-" + i,
                                    "GET /cases/case-1"));
                        }
                        return null;
                    }));
                }
                // both nodes' indexers write person rows while the appends go on (decision 0054): the mark's
                // row lock keeps them from indexing the same entries
                java.util.concurrent.atomic.AtomicBoolean appending = new java.util.concurrent.atomic.AtomicBoolean(true);
                ExecutorService indexers = Executors.newFixedThreadPool(2);
                List<Future<Integer>> indexed = new ArrayList<>();
                for (HashChainedAccessLog node : List.of(nodeA, nodeB)) {
                    indexed.add(indexers.submit(() -> {
                        go.await();
                        int n = 0;
                        while (appending.get()) {
                            n += node.indexPersonsNow();
                        }
                        return n + node.indexPersonsNow();
                    }));
                }
                go.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                appending.set(false);
                int rowsIndexed = 0;
                for (Future<Integer> f : indexed) {
                    rowsIndexed += f.get();
                }
                indexers.shutdown();
                int total = 2 * THREADS_PER_NODE * APPENDS_PER_THREAD;
                assertEquals(total, rowsIndexed, "each entry indexed once, by one of the nodes");
                assertEquals(total, (long) poolA.read(c -> new JdbcAccessLogStore().personsIndexedTo(c)));
                for (HashChainedAccessLog reader : List.of(nodeA, nodeB)) {
                    ChainVerification result = reader.verify();
                    assertTrue(result.intact(), result.reason());
                    assertEquals(total, result.entriesChecked());
                }
                List<AccessLogEntry> all = nodeA.query(AccessLogQuery.all(1000));
                assertEquals(total, all.size());
                Set<String> nodes = all.stream().map(AccessLogEntry::node).collect(Collectors.toSet());
                assertEquals(Set.of("node-a", "node-b"), nodes);
                List<Long> seqs = all.stream().map(AccessLogEntry::seqNo).sorted().toList();
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(i + 1L, seqs.get(i), "one sequence without gaps or doubles");
                }
            } finally {
                threads.shutdownNow();
                TestDatabases.close(poolA);
                TestDatabases.close(poolB);
            }
        }
    }

    /**
     * A node whose access log key is not the region's refuses before it writes anything: its entries
     * would not verify on the other nodes, and the one chain would look tampered with.
     */
    @Test
    void aNodeWithAnotherAccessLogKeyRefusesBeforeItWrites(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Database database = TestDatabases.h2(dir);
        try {
            var keys = new nl.proeftuin.core.store.internal.JdbcRegionKeyStore();
            byte[] regionKey = AuditSeal.randomKey();
            AuditSeal first = AuditSeal.inMemory(regionKey);
            HashChainedAccessLog.regionsOwn(first, database, keys, new JdbcAccessLogStore(), "node-a");
            assertEquals(first.fingerprint(), database.read(c -> keys.find(c, HashChainedAccessLog.REGION_KEY)).orElseThrow());
            assertTrue(!first.fingerprint().contains(java.util.HexFormat.of().formatHex(regionKey)), "never the key");
            HashChainedAccessLog.regionsOwn(AuditSeal.inMemory(regionKey.clone()), database, keys, new JdbcAccessLogStore(), "node-b"); // same key

            AuditSeal other = AuditSeal.inMemory(AuditSeal.randomKey());
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> HashChainedAccessLog.regionsOwn(other, database, keys, new JdbcAccessLogStore(), "node-c"));
            assertTrue(refused.getMessage().contains("access log key differs from the region's")
                    && refused.getMessage().contains(first.fingerprint().substring(0, 12)), refused.getMessage());
            assertEquals(first.fingerprint(), database.read(c -> keys.find(c, HashChainedAccessLog.REGION_KEY)).orElseThrow(),
                    "the region's fingerprint stays");
        } finally {
            TestDatabases.close(database);
        }
    }

    /**
     * The database away while a node with another key starts: it cannot compare then, so it compares
     * before its first entry, and refuses that entry (nothing written) once the database is back.
     */
    @Test
    void aKeyNotComparedAtStartIsComparedBeforeTheFirstEntry(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Database h2 = TestDatabases.h2(dir);
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        Database flaky = nl.proeftuin.testing.FaultyDatabase.everything(h2,
                () -> down.get() ? new java.sql.SQLException("connection refused", "08001") : null);
        try {
            var keys = new nl.proeftuin.core.store.internal.JdbcRegionKeyStore();
            HashChainedAccessLog.regionsOwn(AuditSeal.inMemory(AuditSeal.randomKey()), flaky, keys, new JdbcAccessLogStore(), "node-a");
            down.set(true);
            AuditSeal other = HashChainedAccessLog.regionsOwn(AuditSeal.inMemory(AuditSeal.randomKey()), flaky, keys, new JdbcAccessLogStore(), "node-b");
            down.set(false);
            HashChainedAccessLog nodeB = new HashChainedAccessLog(flaky, new JdbcAccessLogStore(), java.time.Clock.systemUTC(),
                    "node-b", other, 1000, java.time.Duration.ofDays(1));
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> nodeB.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "u", "U", "PROFESSIONAL",
                            null, "care", List.of(), "case-1", "case", "case-1", "req-1", "GET /cases/case-1")));
            assertTrue(refused.getMessage().contains("access log key differs from the region's"), refused.getMessage());
            assertEquals(0, nodeB.query(AccessLogQuery.all(10)).size(), "nothing written");
        } finally {
            TestDatabases.close(h2);
        }
    }

    /**
     * A region upgraded from before the fingerprint: its log was written with one key. The first node to
     * start after the upgrade must not make another key the region's: its key must verify the newest entry.
     */
    @Test
    void theFirstFingerprintComesOnlyFromTheKeyTheLogWasWrittenWith(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Database database = TestDatabases.h2(dir);
        try {
            var keys = new nl.proeftuin.core.store.internal.JdbcRegionKeyStore();
            byte[] writtenWith = AuditSeal.randomKey();
            HashChainedAccessLog before = new HashChainedAccessLog(database, new JdbcAccessLogStore(),
                    java.time.Clock.systemUTC(), "node-a", AuditSeal.inMemory(writtenWith), 1000, java.time.Duration.ofDays(1));
            before.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "u", "U", "PROFESSIONAL", null, "care",
                    List.of(), "case-1", "case", "case-1", "req-1", "GET /cases/case-1"));
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> HashChainedAccessLog.regionsOwn(AuditSeal.inMemory(AuditSeal.randomKey()), database, keys,
                            new JdbcAccessLogStore(), "node-b"));
            assertTrue(refused.getMessage().contains("does not verify the log's newest entry"), refused.getMessage());
            assertTrue(database.read(c -> keys.find(c, HashChainedAccessLog.REGION_KEY)).isEmpty(), "nothing recorded");
            AuditSeal right = AuditSeal.inMemory(writtenWith.clone());
            HashChainedAccessLog.regionsOwn(right, database, keys, new JdbcAccessLogStore(), "node-a");
            assertEquals(right.fingerprint(), database.read(c -> keys.find(c, HashChainedAccessLog.REGION_KEY)).orElseThrow());
        } finally {
            TestDatabases.close(database);
        }
    }
}
