package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.api.monitor.MunicipalityGroupInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcCohortStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalityGroupStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalityStore;
import nl.proeftuin.core.store.internal.JdbcOutcomeStore;
import nl.proeftuin.core.store.internal.SyntheticCases;
import nl.proeftuin.core.store.region.StoredMunicipality;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The comparison at scale (issue 15, part 6; run by {@code bench/cohort-compare.sh} with
 * {@code -Dproeftuin.cohorts.cases=200000}): synthetic cases in bulk through core/store, then the
 * time of a two-cohort comparison. In the ordinary build it runs with 3,000 cases, so that it keeps
 * working. {@code -Dproeftuin.cohorts.db=postgres} runs it on an embedded PostgreSQL instead of H2.
 */
class CohortBenchTest {
    static final LocalDate D = LocalDate.of(2025, 1, 1);
    static final List<String> PILOT = List.of("Arnhem", "Renkum", "Zevenaar");
    static final List<String> CONTROL = List.of("Ede", "Wageningen", "Nijmegen");

    @Test
    void twoCohortsCompareInTheDatabase() throws Exception {
        int n = Integer.getInteger("proeftuin.cohorts.cases", 3000);
        boolean postgres = "postgres".equals(System.getProperty("proeftuin.cohorts.db"));
        // proeftuin.cohorts.keep=DIR: the database stays in DIR and a later run with the same DIR and
        // size reuses it (no generation): to measure a change of the comparison, or to look at its plans
        String keep = System.getProperty("proeftuin.cohorts.keep", "");
        Path dir = keep.isBlank() ? Files.createTempDirectory("cohort-bench") : Files.createDirectories(Path.of(keep));
        boolean reuse = !keep.isBlank() && Files.exists(dir.resolve("cases-" + n + (postgres ? "-pg" : "-h2")));
        EmbeddedPostgres pg = postgres ? EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(keep.isBlank()).start() : null;
        Database database = postgres ? TestDatabases.postgres(pg) : TestDatabases.h2(dir);
        try {
            if (!reuse) {
                generate(database, n, postgres);
                if (!keep.isBlank()) {
                    Files.writeString(dir.resolve("cases-" + n + (postgres ? "-pg" : "-h2")), "generated\n");
                }
            } else {
                System.out.printf("[cohorts] database %s, %d cases reused from %s%n", postgres ? "PostgreSQL" : "H2", n, dir);
            }
            measure(database, n, postgres);
        } finally {
            TestDatabases.close(database);
            if (pg != null) {
                pg.close();
            }
            if (keep.isBlank()) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void generate(Database database, int n, boolean postgres) throws Exception {
        {
            JdbcMunicipalityStore register = new JdbcMunicipalityStore();
            database.inTransaction(c -> {
                int code = 1000;
                for (String m : Stream.concat(PILOT.stream(), CONTROL.stream()).toList()) {
                    register.insert(c, new StoredMunicipality("GM" + code++, m, null, Instant.now(), "bench"));
                }
                return null;
            });
            Random random = new Random(15);
            long t0 = System.nanoTime();
            int batch = 10_000;
            for (int done = 0; done < n; done += batch) {
                List<SyntheticCases.Spec> specs = new ArrayList<>();
                for (int i = done; i < Math.min(n, done + batch); i++) {
                    boolean pilot = random.nextBoolean();
                    String m = (pilot ? PILOT : CONTROL).get(random.nextInt(3));
                    int lead = (pilot ? 14 : 35) + random.nextInt(30);
                    boolean closed = random.nextInt(3) > 0;
                    String outcome = !closed ? null : random.nextInt(10) == 0 ? "OUT_OF_HOME_PLACED"
                            : random.nextInt(10) == 0 ? "OUT_OF_HOME_PREVENTED" : "GOALS_REACHED";
                    specs.add(new SyntheticCases.Spec(m, "f" + random.nextInt(Math.max(1, n * 4 / 5)),
                            D.plusDays(random.nextInt(730)), pilot ? "triage-threeway" : "triage-veiligheidshuis",
                            pilot ? "hx" : "hy", pilot ? 7 : 8, random.nextInt(10) == 0 ? null : lead,
                            1 + random.nextInt(4), random.nextInt(3), random.nextInt(8) == 0, random.nextInt(12) == 0,
                            outcome, 30 + random.nextInt(300), random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null,
                            random.nextInt(4) == 0 ? random.nextInt(60) : null));
                }
                database.inTransaction(c -> SyntheticCases.insert(c, specs));
            }
            double generated = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[cohorts] database %s, %d cases generated in %.1f s%n", postgres ? "PostgreSQL" : "H2",
                    n, generated);
        }
    }

    private static void measure(Database database, int n, boolean postgres) throws Exception {
        {
            JdbcMunicipalityStore register = new JdbcMunicipalityStore();
            JdbcCohortService service = new JdbcCohortService(database, new JdbcCohortStore(),
                    new JdbcMunicipalityGroupStore(), register, new JdbcOutcomeStore(), new JdbcCaseStore(),
                    new TestClock(Instant.parse("2027-03-12T09:00:00Z")));
            service.putGroup("bench", "Pilot", new MunicipalityGroupInput("", PILOT));
            service.putGroup("bench", "Control", new MunicipalityGroupInput("", CONTROL));
            List<CohortSpec> two = List.of(new CohortSpec("pilot", D, D.plusYears(2), null, "Pilot", null, null, null),
                    new CohortSpec("control", D, D.plusYears(2), null, "Control", null, null, null));
            List<Double> seconds = new ArrayList<>();
            CohortComparison last = null;
            for (int run = 0; run < 3; run++) {
                long t = System.nanoTime();
                last = service.compare(two);
                seconds.add((System.nanoTime() - t) / 1e9);
            }
            LocalDate q1 = LocalDate.of(2025, 1, 1);
            LocalDate q1end = LocalDate.of(2025, 3, 31);
            List<CohortSpec> quarters = List.of(new CohortSpec("Q1 pilot", q1, q1end, null, "Pilot", "triage-threeway",
                    null, null), new CohortSpec("Q1 control", q1, q1end, null, "Control", null, null, 8L));
            long tq = System.nanoTime();
            service.compare(quarters);
            double quarter = (System.nanoTime() - tq) / 1e9;
            seconds.sort(Comparator.naturalOrder());
            System.out.printf("[cohorts] compare two cohorts (two years each): %.2f s median of 3 (min %.2f, max %.2f)%n",
                    seconds.get(1), seconds.get(0), seconds.get(2));
            System.out.printf("[cohorts] compare two quarters by variant / binding revision: %.2f s%n", quarter);
            var lead = last.indicators().get(0).cohorts();
            System.out.printf("[cohorts] lead time median pilot %s, control %s, shift %s [%s, %s] days%n",
                    lead.get(0).median(), lead.get(1).median(), lead.get(1).difference(), lead.get(1).low(),
                    lead.get(1).high());
            assertEquals(n, last.cohorts().get(0).cases() + last.cohorts().get(1).cases());
            double shift = lead.get(1).difference();
            assertTrue(lead.get(1).low() <= 21 && 21 <= lead.get(1).high(), "true shift 21 in " + lead.get(1));
            assertTrue(Math.abs(shift - 21) <= 1, "shift " + shift);
            // each figure of one cohort on its own: where the time goes
            JdbcCohortStore store = new JdbcCohortStore();
            CohortStore.Filter pilot = new CohortStore.Filter(D, D.plusYears(2), PILOT, null, null, null);
            StringBuilder figures = new StringBuilder();
            database.inTransaction(c -> {
                for (CohortStore.Measure m : CohortStore.Measure.values()) {
                    long t = System.nanoTime();
                    store.histogram(c, pilot, m);
                    figures.append(String.format(" %s %.2f s,", m, (System.nanoTime() - t) / 1e9));
                }
                long t = System.nanoTime();
                store.counts(c, pilot);
                figures.append(String.format(" counts %.2f s", (System.nanoTime() - t) / 1e9));
                return null;
            });
            System.out.println("[cohorts] one cohort's figures:" + figures);
            // GET /monitor's work (issue 13's "the monitor from aggregates"): the region and every municipality
            JdbcOutcomeMonitor monitor = new JdbcOutcomeMonitor(database, register,
                    new nl.proeftuin.core.store.internal.JdbcMonitorStore(), new TestClock(Instant.parse("2027-03-12T09:00:00Z")));
            List<Double> monitorSeconds = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                long t = System.nanoTime();
                monitor.report(null);
                monitorSeconds.add((System.nanoTime() - t) / 1e9);
            }
            monitorSeconds.sort(Comparator.naturalOrder());
            System.out.printf("[cohorts] monitor (region and municipalities): %.2f s median of 3 (min %.2f, max %.2f)%n",
                    monitorSeconds.get(1), monitorSeconds.get(0), monitorSeconds.get(2));
        }
    }
}
