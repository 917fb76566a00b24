package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted thread does not take the embedded database down with it.
 *
 * <p>Threads that write are interrupted in the running platform: a component's scheduler stopped with
 * {@code shutdownNow()} when a coordinator changes its configuration, a plugin call past its time box
 * ({@code TimeBoxedPluginCalls}, {@code Future.cancel(true)}), the store's own housekeeping when the
 * database closes. A plain {@code FileChannel} closes itself when the thread using it is interrupted;
 * H2 then treats the closed file as a fatal error and closes the whole store, and every request of the
 * node failed until the database component restarted. The shipped URL opens the file through H2's
 * {@code retry:} file system, which opens the file again and repeats the read or write (decision 0051).
 */
class InterruptedWriterTest {

    @TempDir
    Path karafData;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInterruptedCommitLeavesTheDatabaseServing() throws Exception {
        interruptedCommit(ShippedConfig.h2Settings(karafData));
    }

    /** An installation upgraded with its {@code etc/} kept names the file as {@code jdbc:h2:file:}. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInterruptedCommitLeavesTheDatabaseServingWithTheUrlOfAnOlderRelease() throws Exception {
        JdbcDatabase.Settings shipped = ShippedConfig.h2Settings(karafData);
        String older = shipped.url().replace("jdbc:h2:retry:", "jdbc:h2:file:");
        assertTrue(older.startsWith("jdbc:h2:file:"), older);
        interruptedCommit(new JdbcDatabase.Settings(older, shipped.user(), shipped.password(), shipped.maxPoolSize(),
                shipped.connectionTimeoutMillis()));
    }

    private static void interruptedCommit(JdbcDatabase.Settings settings) throws Exception {
        JdbcDatabase db = new JdbcDatabase(settings, new OsgiDataSourceFactory(new org.h2.Driver()));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            createTable(db);
            // A writer whose thread is interrupted while it commits (the flag set before the commit
            // writes its chunk: the moment a shutdownNow() or cancel(true) can hit at any time).
            Future<Boolean> interrupted = writer.submit(() -> {
                Thread.currentThread().interrupt();
                try {
                    insert(db, 1);
                } catch (SQLException e) {
                    // The interrupted request itself may fail; what matters is everything after it.
                }
                return Thread.interrupted();
            });
            interrupted.get(30, TimeUnit.SECONDS);

            // Every later request is served, on a thread that was not interrupted.
            for (int id = 2; id <= 20; id++) {
                insert(db, id);
            }
            int rows = db.read(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM interrupted_writer WHERE id >= 2")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(19, rows, "the writes after the interrupt");
            assertTrue(db.check().up(), "the database reports itself up: " + db.check());
        } finally {
            writer.shutdownNow();
            db.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threadsInterruptedWhileOthersWriteLoseNoAcknowledgedCommit() throws Exception {
        JdbcDatabase db = new JdbcDatabase(ShippedConfig.h2Settings(karafData),
                new OsgiDataSourceFactory(new org.h2.Driver()));
        int writers = 4;
        int perWriter = 300;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            createTable(db);
            Thread[] threads = new Thread[writers];
            ConcurrentLinkedQueue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(writers);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    threads[writer] = Thread.currentThread();
                    started.countDown();
                    for (int i = 0; i < perWriter; i++) {
                        int id = 1_000 + writer * perWriter + i;
                        try {
                            insert(db, id);
                            acknowledged.add(id);
                        } catch (SQLException e) {
                            // an interrupted write may fail; the next one must not
                        }
                        Thread.interrupted();
                    }
                    return null;
                }));
            }
            started.await();
            // Interrupt the writers, one after the other, while all of them commit.
            for (int n = 0; !work.stream().allMatch(Future::isDone); n++) {
                threads[n % writers].interrupt();
                Thread.sleep(2);
            }
            for (Future<?> f : work) {
                f.get();
            }
            insert(db, 1);
            List<Integer> missing = new ArrayList<>();
            for (int id : acknowledged) {
                boolean present = db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM interrupted_writer WHERE id = ?")) {
                        ps.setInt(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
                if (!present) {
                    missing.add(id);
                }
            }
            assertEquals(List.of(), missing, "acknowledged writes missing");
            assertTrue(acknowledged.size() > writers * perWriter / 2,
                    "most writes acknowledged despite the interrupts: " + acknowledged.size());
            assertTrue(db.check().up(), "the database reports itself up: " + db.check());
        } finally {
            pool.shutdownNow();
            db.close();
        }
    }

    private static void createTable(JdbcDatabase db) throws SQLException {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE interrupted_writer (id INT PRIMARY KEY, note VARCHAR(100))");
            }
            return null;
        });
    }

    private static void insert(JdbcDatabase db, int id) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO interrupted_writer (id, note) VALUES (?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, "row " + id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
