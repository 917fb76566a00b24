package nl.proeftuin.core.audit.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.TimeOrderedIds;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcAccessLogStore;
import nl.proeftuin.testing.TestDatabases;

/**
 * perf (issue 13, decision 0035): sustained access-log appends per second, hash chain, MAC and group
 * commit included, on H2 (as the distribution ships it) and on an embedded PostgreSQL. Not a test (no
 * assertions, not run by the build): {@code bench/access-log-append.sh} runs its {@code main}.
 *
 * <p>{@code THREADS} appenders (50: the API's connections) each append entries like a request's (two
 * persons, a case whose members are read before the group commit, a time-ordered request id as the
 * platform makes them) for {@code DURATION}, after a warm-up; with {@code USERS} and {@code CASES} set,
 * each entry is instead one of USERS professionals reading one of CASES cases and names its three
 * members (UUIDs: a spread like a region's, where the default shape has 50 users and 100 cases). The
 * node's indexer writes the person rows every 200 ms meanwhile, as the component does (decision 0054).
 * Prints entries/s, the append latency p50/p99 (what an entry adds to a request) and the mean batch,
 * then verifies the whole chain (timed: entries verified per second), appends 1,000 entries more and
 * times the incremental check from the whole one's mark ({@code verifySinceLastVerification}). The last
 * column is this JVM's CPU time per appended entry (microseconds; on H2 the database's work included,
 * on PostgreSQL not): the figure least changed by the other load on a shared machine (decision 0044).
 * On H2 the URL carries the distribution's {@code retry:} file system (decision 0051) and
 * {@code RETENTION_TIME=0} (and so the platform's own file housekeeping, decision 0010);
 * {@code -Dh2fs=file} opens the file through H2's plain file channel instead, and
 * {@code -Dh2options=RETENTION_TIME=0;PAGE_SIZE=1024} (for example) sets other options, for experiments.
 */
public final class AccessLogAppendBench {
    private AccessLogAppendBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getProperty("threads", "50"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "10"));
        String engines = System.getProperty("engines", "h2,postgres");
        System.out.printf(Locale.ROOT, "%-10s %8s %12s %10s %10s %10s %8s %10s %12s %10s %10s%n", "engine", "threads",
                "entries/s", "p50_ms", "p99_ms", "entries", "chain", "verify_s", "verified/s", "since_n", "since_ms", "jvm_cpu_us");
        for (String engine : engines.split(",")) {
            Path dir = null;
            EmbeddedPostgres postgres = null;
            Database database;
            if ("postgres".equals(engine.strip())) {
                postgres = EmbeddedPostgres.builder().start();
                database = TestDatabases.postgres(postgres);
            } else {
                dir = Files.createTempDirectory("access-log-bench");
                // the options the distribution's URL adds (etc/...JdbcDatabase.cfg), or others to try
                String options = System.getProperty("h2options", "RETENTION_TIME=0");
                database = options.isBlank() ? TestDatabases.h2(dir)
                        : nl.proeftuin.core.store.internal.JdbcDatabaseFixture.open("jdbc:h2:"
                                + System.getProperty("h2fs", "retry") + ":"
                                + dir.resolve("proeftuin").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;" + options, "sa", "", 10, 10_000,
                                new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver()));
            }
            try {
                run(engine.strip(), database, threads, seconds);
            } finally {
                TestDatabases.close(database);
                if (postgres != null) {
                    postgres.close();
                }
                if (dir != null) {
                    try (var all = Files.walk(dir)) {
                        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }

    private static void run(String engine, Database database, int threads, int seconds) throws Exception {
        HashChainedAccessLog log = new HashChainedAccessLog(database, new JdbcAccessLogStore(), Clock.systemUTC(),
                "bench-node");
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        int users = Integer.getInteger("users", 0);
        int cases = Integer.getInteger("cases", 0);
        boolean spread = users > 0 && cases > 0;
        // the node's indexer (decision 0054), as the component runs it: the person rows every 200 ms
        Thread indexer = new Thread(() -> {
            while (!stop.get()) {
                log.indexPersonsNow();
                try {
                    Thread.sleep(HashChainedAccessLog.INDEX_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "indexer");
        indexer.setDaemon(true);
        indexer.start();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            latencies[me] = new long[1 << 16];
            Thread worker = new Thread(() -> {
                java.util.Random random = new java.util.Random(me);
                try {
                    int i = 0;
                    while (!stop.get()) {
                        AccessEvent event = spread ? spreadEvent(random, users, cases) : new AccessEvent(AccessAction.READ,
                                AccessEvent.SUCCESS, "user-" + me, "Bench User " + me, "PROFESSIONAL", null, null,
                                List.of("person-" + me + "-a", "person-" + me + "-b"), "case-" + (i % 100), "case",
                                "case-" + (i % 100), TimeOrderedIds.next().toString(), "GET /cases/{caseId} -> 200",
                                "Wijkteam", false);
                        long started = System.nanoTime();
                        log.append(event);
                        long took = System.nanoTime() - started;
                        if (measuring.get()) {
                            if (counts[me] == latencies[me].length) {
                                latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                            }
                            latencies[me][counts[me]++] = took;
                        }
                        i++;
                    }
                } finally {
                    done.countDown();
                }
            }, "append-" + t);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(2000); // warm-up
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        measuring.set(true);
        long started = System.nanoTime();
        long cpuStarted = os.getProcessCpuTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - started;
        long cpu = os.getProcessCpuTime() - cpuStarted;
        stop.set(true);
        done.await();
        indexer.join();
        log.indexPersonsNow();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        long verifyStarted = System.nanoTime();
        ChainVerification verification = log.verify();
        double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
        for (int i = 0; i < 1000; i++) {
            log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "user-late", "Late User", "PROFESSIONAL",
                    null, null, List.of("person-late"), "case-late", "case", "case-late", "request-late-" + i,
                    "GET /cases/{caseId} -> 200", "Wijkteam", false));
        }
        long sinceStarted = System.nanoTime();
        ChainVerification since = log.verifySinceLastVerification();
        double sinceMillis = (System.nanoTime() - sinceStarted) / 1e6;
        System.out.printf(Locale.ROOT, "%-10s %8d %12.0f %10.2f %10.2f %10d %8s %10.2f %12.0f %10d %10.1f %10.0f%n", engine,
                threads, total / (elapsed / 1e9), percentile(all, 0.50), percentile(all, 0.99),
                verification.entriesChecked(), verification.intact() && since.intact() ? "intact" : "BROKEN",
                verifySeconds, verification.entriesChecked() / verifySeconds, since.entriesChecked(), sinceMillis,
                total == 0 ? Double.NaN : cpu / 1e3 / total);
    }

    /**
     * An entry of a region's working day rather than of 50 users each reading their own case: one of
     * {@code users} professionals reads one of {@code cases} cases, whose three members the entry names;
     * the ids are UUIDs, as the platform's are, so neighbouring cases share no index page.
     */
    private static AccessEvent spreadEvent(java.util.Random random, int users, int cases) {
        int user = random.nextInt(users);
        int k = random.nextInt(cases);
        String caseId = UUID.nameUUIDFromBytes(("case-" + k).getBytes(StandardCharsets.UTF_8)).toString();
        List<String> members = List.of("a", "b", "c").stream()
                .map(m -> UUID.nameUUIDFromBytes(("person-" + k + m).getBytes(StandardCharsets.UTF_8)).toString()).toList();
        return new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "user-" + user, "Bench User " + user,
                "PROFESSIONAL", null, null, members, caseId, "case", caseId, TimeOrderedIds.next().toString(),
                "GET /cases/{caseId} -> 200", "Wijkteam", false);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
