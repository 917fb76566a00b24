package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a commit acknowledged by the embedded H2 default survives {@code kill -9} of the JVM.
 *
 * <p>A child JVM ({@link DurabilityProbe}) opens the database with the URL the distribution ships
 * (read from its {@code etc/...JdbcDatabase.cfg}, {@code ${karaf.data}} pointed at a temp dir), and
 * commits one row per transaction, printing {@code ACK i} only after each commit returned. After a
 * few hundred acknowledgements the parent kills it with SIGKILL ({@link Process#destroyForcibly()}
 * on Linux: no shutdown hooks, H2 gets no chance to flush or close), reopens the same file through
 * {@link JdbcDatabase} (the migrations must still validate) and checks that every acknowledged row
 * is there.
 *
 * <p>What this proves: with {@code WRITE_DELAY=0} H2 hands each commit to the operating system
 * before the commit returns, so the death of the JVM process loses nothing acknowledged.
 *
 * <p>What it does not prove: H2 does not fsync per commit, so after an operating-system crash or a
 * power loss the last acknowledged commits (still in the OS page cache) can be lost, and no test
 * inside a running OS can show otherwise. Deployments that need that guarantee use PostgreSQL
 * (fsync on commit), the production configuration.
 */
class DurabilityTest {

    /** Acknowledged commits to wait for before the kill. */
    private static final int ACKS_BEFORE_KILL = 200;

    @TempDir
    Path karafData;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void acknowledgedCommitsSurviveKillMinus9() throws Exception {
        String url = ShippedConfig.defaultUrl(karafData);
        assertTrue(url.contains("WRITE_DELAY=0"), "the shipped URL is not durable: " + url);

        Run run = runAndKill(url);

        assertTrue(run.lastAck >= ACKS_BEFORE_KILL - 1, "too few acknowledgements: " + run.lastAck);
        BitSet present = rowsAfterReopen(url);
        List<Integer> lost = new ArrayList<>();
        for (int id = 0; id <= run.lastAck; id++) {
            if (!present.get(id)) {
                lost.add(id);
            }
        }
        assertEquals(List.of(), lost, "acknowledged commits lost after kill -9 (last ACK " + run.lastAck
                + ", rows present " + present.cardinality() + ")");
        // At most the one commit in flight at the kill may be there without its ACK having been read.
        assertTrue(present.cardinality() <= run.lastAck + 2, "more rows than commits: " + present.cardinality());
    }

    /**
     * Negative control: the same run without {@code WRITE_DELAY=0} (H2's default delay of 500 ms)
     * loses acknowledged commits, which shows that the test above can detect a loss at all. Up to
     * three attempts: no loss happens only if H2's background writer stored everything in the last
     * millisecond or so before the kill. The rows are read over a plain H2 connection, not through
     * {@link JdbcDatabase}: after such a kill even the migrations can be half lost (Flyway then fails
     * on a table that exists without its history row), which is a loss too, not a test error.
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void withoutWriteDelayZeroAcknowledgedCommitsCanBeLost() throws Exception {
        List<String> attempts = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            String url = ShippedConfig.defaultUrl(karafData.resolve("attempt" + attempt));
            assertTrue(url.contains(";WRITE_DELAY=0"), url);
            url = url.replace(";WRITE_DELAY=0", "");

            Run run = runAndKill(url);
            BitSet present = rowsRaw(url);
            int lost = run.lastAck + 1 - present.get(0, run.lastAck + 1).cardinality();
            attempts.add("last ACK " + run.lastAck + ", lost " + lost);
            if (lost > 0) {
                return;
            }
        }
        fail("the default write delay lost no acknowledged commit: " + attempts);
    }

    record Run(int lastAck, int exitCode) {
    }

    /**
     * Starts the probe, waits for the acknowledgements, SIGKILLs it; never leaves it running. The
     * probe's stdout goes to a file (not a pipe: the JDK drains and closes a pipe when the process
     * exits, which races with a thread still reading it), so every ACK written before the kill is
     * read afterwards.
     */
    private Run runAndKill(String url) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stdout = Files.createTempFile(karafData, "probe", ".out");
        Path stderr = Files.createTempFile(karafData, "probe", ".err");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                DurabilityProbe.class.getName(), url, "sa")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process child = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (lastAck(stdout) + 1 < ACKS_BEFORE_KILL) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    fail("probe gave no " + ACKS_BEFORE_KILL + " ACKs (exit " + exitCodeOrNone(child)
                            + ", last ACK " + lastAck(stdout) + "):\n" + Files.readString(stderr));
                }
                Thread.sleep(2);
            }
            child.destroyForcibly(); // SIGKILL on Linux, right in the middle of the insert loop
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "probe did not die");
            int exit = child.exitValue();
            if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
                assertEquals(128 + 9, exit, "the probe was not killed by SIGKILL:\n" + Files.readString(stderr));
            }
            return new Run(lastAck(stdout), exit);
        } finally {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The last acknowledged id in the probe's output so far (-1 for none); checks they come in order. */
    private static int lastAck(Path stdout) throws IOException {
        String text = Files.readString(stdout, StandardCharsets.US_ASCII);
        int last = -1;
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) { // whole lines only
            if (line.startsWith("ACK ")) {
                int id = Integer.parseInt(line.substring(4));
                assertEquals(last + 1, id, "ACKs out of order");
                last = id;
            }
        }
        return last;
    }

    /** Reopens the file in this JVM through {@link JdbcDatabase} (migrations validate) and returns the ids present. */
    static BitSet rowsAfterReopen(String url) throws Exception {
        JdbcDatabase db = new JdbcDatabase(new JdbcDatabase.Settings(url, "sa", "", 2, 10_000),
                new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            assertTrue(db.check().up(), "reopened database is down: " + db.check());
            return db.read(DurabilityTest::probeIds);
        } finally {
            db.close();
        }
    }

    /** The ids present, read over a plain connection (no pool, no migrations). */
    static BitSet rowsRaw(String url) throws SQLException {
        try (Connection c = new org.h2.Driver().connect(url, credentials())) {
            return probeIds(c);
        }
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return p;
    }

    private static BitSet probeIds(Connection c) throws SQLException {
        BitSet ids = new BitSet();
        try (ResultSet table = c.getMetaData().getTables(null, null, "durability_probe", null)) {
            if (!table.next()) {
                return ids; // the probe's CREATE TABLE was lost too: nothing survived
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM durability_probe")) {
            while (rs.next()) {
                ids.set(rs.getInt(1));
            }
        }
        return ids;
    }

    private static String exitCodeOrNone(Process p) {
        return p.isAlive() ? "none, still running" : String.valueOf(p.exitValue());
    }
}
