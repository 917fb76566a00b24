package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file stays near its live data under sustained load (it used to grow 13-20 KB per
 * request and never shrink while running: 5 GB for 68 MB of data after 255,000 requests).
 *
 * <p>Drives the database write pattern of one authenticated API request through {@link JdbcDatabase}
 * with the URL the distribution ships, from several threads at once: the session lookup with its
 * idle-clock UPDATE (core/security DatabaseSessions; here on every request, the worst case), the
 * need-to-know queries (JdbcNeedToKnow), and the access-log append in its own transaction that locks
 * the chain head, inserts the entry and its person row and moves the head (core/audit
 * HashChainedAccessLog). Then it compares the largest file size seen during the run with the live
 * data (the same file compacted offline, uncompressed), checks the file closing leaves, and times
 * closing and reopening the database.
 *
 * <p>{@code -Dproeftuin.growth.requests=200000} runs the full benchmark ({@code bench/h2-growth.sh});
 * the default (20,000) keeps the unit test short and still fails without the fix. Measured with 12,000
 * requests: 80x the live data before (no housekeeping, 45 s retention), 17x with the housekeeping
 * alone, 29x with {@code RETENTION_TIME=0} alone, 2x with both.
 */
class H2FileGrowthTest {

    static final int REQUESTS = Integer.getInteger("proeftuin.growth.requests", 20_000);
    static final int THREADS = 4;
    /** Live data that closing rewrites within its 2 s on this machine (the default run has 16 MB). */
    static final long SMALL_LIVE_DATA = 64L * 1024 * 1024;

    @TempDir
    Path karafData;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void fileStaysNearLiveDataUnderSustainedLoad() throws Exception {
        String url = ShippedConfig.defaultUrl(karafData);
        Path file = karafData.resolve("proeftuin").resolve("proeftuin.mv.db");
        JdbcDatabase db = new JdbcDatabase(ShippedConfig.h2Settings(karafData), new OsgiDataSourceFactory(new org.h2.Driver()));
        String token;
        try {
            token = seed(db);
            long started = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            AtomicLong maxSize = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                Future<?>[] workers = new Future<?>[THREADS];
                for (int t = 0; t < THREADS; t++) {
                    workers[t] = pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < REQUESTS;) {
                            request(db, token, i);
                            if (i % 1000 == 0) {
                                maxSize.accumulateAndGet(Files.size(file), Math::max);
                            }
                        }
                        return null;
                    });
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long runMillis = (System.nanoTime() - started) / 1_000_000;
            long endSize = Files.size(file);
            maxSize.accumulateAndGet(endSize, Math::max);
            long closeStart = System.nanoTime();
            db.close();
            long closeMillis = (System.nanoTime() - closeStart) / 1_000_000;
            long closedSize = Files.size(file);

            long openStart = System.nanoTime();
            JdbcDatabase reopened = new JdbcDatabase(ShippedConfig.h2Settings(karafData),
                    new OsgiDataSourceFactory(new org.h2.Driver()));
            long openMillis = (System.nanoTime() - openStart) / 1_000_000;
            long entries = reopened.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM access_log")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            reopened.close();

            long live = compactedSize(url, file);
            String report = String.format(Locale.ROOT,
                    "%d requests in %d ms (%d/s), %d access-log entries; file at end %,d bytes, largest seen %,d bytes,"
                            + " after close %,d bytes; live data (the file compacted offline) %,d bytes: %.2fx at end,"
                            + " %.2fx after close; close %d ms, reopen %d ms",
                    REQUESTS, runMillis, REQUESTS * 1000L / Math.max(1, runMillis), entries, endSize, maxSize.get(),
                    closedSize, live, endSize / (double) live, closedSize / (double) live, closeMillis, openMillis);
            System.out.println("[h2-growth] " + report);

            assertTrue(entries == REQUESTS, "every request logged: " + report);
            // Closing rewrites sparse chunks (for at most 2 s) and moves the chunks together (H2Housekeeping.close;
            // left to H2's own 200 ms of close-time compaction the closed file was 1.26x-3.09x its live data in
            // six runs, once larger than before closing). It never leaves the file larger than it found it, and
            // a file the size of the default run's (16 MB of live data) ends at most 1.25x its live data; with
            // 200,000 requests (157 MB) the 2 s give about 1.45x (decision 0051). While it runs, housekeeping
            // competes with the writers for the CPU (2 cores here), so more is allowed: without housekeeping
            // the file is ~80x its live data after this run.
            assertTrue(closedSize <= endSize, "closing made the file larger: " + report);
            if (live <= SMALL_LIVE_DATA) {
                assertTrue(closedSize <= 1.25 * live, "after closing the file is beyond 1.25x its live data: " + report);
            }
            assertTrue(maxSize.get() <= 4 * live, "while running the file grew beyond 4x its live data: " + report);
            assertTrue(closeMillis < 10_000 && openMillis < 10_000, "closing or opening took too long: " + report);
        } finally {
            db.close();
        }
    }

    /** A user, a session for them and a case; @return the session's token hash. */
    private static String seed(JdbcDatabase db) throws SQLException {
        String token = DatabaseTokens.hash("growth");
        Instant now = Instant.now();
        db.inTransaction(c -> {
            update(c, "INSERT INTO user_account (user_id, display_name, organisation, disabled, created_at, changed_at)"
                    + " VALUES (?, ?, ?, FALSE, ?, ?)", "bench", "Bench", "Org", ts(now), ts(now));
            update(c, "INSERT INTO user_municipality (user_id, municipality) VALUES (?, ?)", "bench", "Ede");
            update(c, "INSERT INTO user_session (token_hash, user_id, roles, created_at, last_seen_at, expires_at,"
                    + " client_address) VALUES (?, ?, ?, ?, ?, ?, ?)", token, "bench", "PROFESSIONAL", ts(now), ts(now),
                    ts(now.plusSeconds(86_400)), "127.0.0.1");
            return null;
        });
        return token;
    }

    /** One API request's database work, in the order the platform does it. */
    private static void request(JdbcDatabase db, String token, int i) throws SQLException {
        Instant now = Instant.now();
        String caseId = UUID.nameUUIDFromBytes(("case" + (i % 50)).getBytes()).toString();
        // core/security DatabaseSessions.authenticate
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.user_id, s.roles, s.last_seen_at, s.expires_at"
                    + " FROM user_session s JOIN user_account a ON a.user_id = s.user_id WHERE s.token_hash = ?"
                    + " AND a.disabled = FALSE")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            update(c, "UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?", ts(now), token);
            query(c, "SELECT municipality FROM user_municipality WHERE user_id = ?", "bench");
            query(c, "SELECT display_name, organisation FROM user_account WHERE user_id = ?", "bench");
            return null;
        });
        // core/security JdbcNeedToKnow.toCase
        db.read(c -> {
            query(c, "SELECT municipality, opened_by FROM family_case WHERE id = ?", caseId);
            query(c, "SELECT 1 FROM assignment WHERE case_id = ? AND professional_id = ? AND until_date IS NULL",
                    caseId, "bench");
            return null;
        });
        // core/audit HashChainedAccessLog.writeQueued (one entry per transaction: the worst case of group commit)
        synchronized (H2FileGrowthTest.class) {
            db.inTransaction(c -> {
                long seq;
                String hash;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT last_seq, last_hash FROM access_log_head WHERE head_id = 1 FOR UPDATE");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                    hash = rs.getString(2);
                }
                String newHash = DatabaseTokens.hash(hash + seq);
                String person = UUID.nameUUIDFromBytes(("person" + (i % 200)).getBytes()).toString();
                update(c, "INSERT INTO access_log (seq_no, event_id, logged_at, node, action, outcome, user_id, user_name,"
                        + " user_role, organisation, on_behalf_of, purpose, person_ids, case_id, object_type, object_id,"
                        + " request_id, detail, restricted, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, UUID.randomUUID().toString(), ts(now), "node-1",
                        "READ", "ALLOWED", "bench", "Bench", "PROFESSIONAL", "Org", null, "care", person, caseId, "case",
                        caseId, UUID.randomUUID().toString(), "GET /api/v1/cases/" + caseId, false, hash, newHash);
                update(c, "INSERT INTO access_log_person (seq_no, person_id) VALUES (?, ?)", seq, person);
                update(c, "UPDATE access_log_head SET last_seq = ?, last_hash = ? WHERE head_id = 1", seq, newHash);
                return null;
            });
        }
    }

    /**
     * The size of the same database once H2 has rewritten it with only its live data, uncompressed like
     * the running file ({@code SHUTDOWN COMPACT} would compress it, which is not the live data's size).
     */
    private static long compactedSize(String url, Path file) throws java.io.IOException {
        org.h2.mvstore.MVStoreTool.compact(file.toString(), false);
        return Files.size(file);
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static void query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    /** SHA-256 in hex, as the session store and the hash chain use. */
    static final class DatabaseTokens {
        static String hash(String value) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
