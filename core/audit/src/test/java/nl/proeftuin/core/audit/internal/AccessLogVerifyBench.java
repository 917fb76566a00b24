package nl.proeftuin.core.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcAccessLogStore;
import nl.proeftuin.core.store.internal.JdbcDatabaseFixture;

/**
 * perfs (issue 13, decision 0044): how long verifying a long access log takes, whole and incrementally
 * from a signed mark, on a PostgreSQL that {@code bench/access-log-verify.sh} filled with core/store's
 * FamilyGenerator (bulk COPY, real chained hashes and MACs under the key in {@code key}). Not a test (no
 * assertions, not run by the build).
 *
 * <p>The real {@link HashChainedAccessLog} on that database with the region's key: (1) the whole chain is
 * verified (timed; an intact check leaves this node's signed mark at the head), (2) {@code appends} new
 * entries are appended by 20 threads through the group commit, (3) {@code verifySinceLastVerification}
 * (what {@code proeftuin:audit-verify --since-last} runs) checks from the mark (timed), twice more after
 * as many new entries again. Prints one line: entries, whole seconds, entries/s, and the incremental
 * checks' entries and milliseconds.
 */
public final class AccessLogVerifyBench {
    private AccessLogVerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("url");
        Path key = Path.of(System.getProperty("key"));
        int appends = Integer.getInteger("appends", 1000);
        Path checkpoints = Files.createTempFile("access-log-verify", ".checkpoints");
        Files.delete(checkpoints);
        Database database = JdbcDatabaseFixture.open(url, System.getProperty("user", "postgres"),
                System.getProperty("password", ""), 10, 60_000, new org.postgresql.osgi.PGDataSourceFactory());
        try {
            HashChainedAccessLog log = new HashChainedAccessLog(database, new JdbcAccessLogStore(), Clock.systemUTC(),
                    "verify-bench", AuditSeal.open(key, checkpoints), 1_000_000, Duration.ofDays(365));
            long started = System.nanoTime();
            ChainVerification whole = log.verify();
            double wholeSeconds = (System.nanoTime() - started) / 1e9;
            List<String> incremental = new ArrayList<>();
            boolean intact = whole.intact();
            for (int round = 0; round < 3; round++) {
                append(log, appends, round);
                long t0 = System.nanoTime();
                ChainVerification since = log.verifySinceLastVerification();
                double millis = (System.nanoTime() - t0) / 1e6;
                intact &= since.intact();
                incremental.add(String.format(Locale.ROOT, "%d:%.0f", since.entriesChecked(), millis));
            }
            System.out.printf(Locale.ROOT, "%-12s %12s %10s %12s %8s  %s%n", "verify", "entries", "whole_s",
                    "whole_per_s", "chain", "since_last (entries:ms, three rounds)");
            System.out.printf(Locale.ROOT, "%-12s %12d %10.1f %12.0f %8s  %s%n", "postgres", whole.entriesChecked(),
                    wholeSeconds, whole.entriesChecked() / wholeSeconds, intact ? "intact" : "BROKEN: " + whole.reason(),
                    String.join(" ", incremental));
        } finally {
            JdbcDatabaseFixture.close(database);
            Files.deleteIfExists(checkpoints);
        }
    }

    private static void append(HashChainedAccessLog log, int appends, int round) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                for (int i = me; i < appends; i += 20) {
                    log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "user-bench", "Bench User",
                            "PROFESSIONAL", null, null, List.of("person-bench-" + (i % 7)), null, "case",
                            "case-bench", "request-" + round + "-" + i, "GET /cases/{caseId} -> 200", "Wijkteam", false));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
