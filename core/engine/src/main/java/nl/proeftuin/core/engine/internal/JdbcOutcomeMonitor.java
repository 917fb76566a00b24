package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.monitor.Distribution;
import nl.proeftuin.core.api.monitor.DistributionBucket;
import nl.proeftuin.core.api.monitor.FrameworkMonth;
import nl.proeftuin.core.api.monitor.OutcomeFigures;
import nl.proeftuin.core.api.monitor.OutcomeMonitor;
import nl.proeftuin.core.api.monitor.OutcomeReport;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cluster.RegionJobs;
import nl.proeftuin.core.store.monitor.MonitorStore;
import nl.proeftuin.core.store.region.MunicipalityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome monitor (definitions in {@link OutcomeMonitor}) computed by the database (cohorts, issue
 * 15 part 6, decision 0037): per municipality, the tally of the per-case summary rows (V33, decision
 * 0045: signed counts kept in each change's transaction, a bounded number at any number of cases),
 * the cases with framework changes and the care requests, in one read transaction. The engine only adds the municipalities' histograms up for
 * the region and reads medians and percentiles from them, so it never holds a case, and every
 * municipality's row and the region's agree with each other.
 */
@Component(service = OutcomeMonitor.class)
public class JdbcOutcomeMonitor implements OutcomeMonitor {
    static final int MONTHS = 12;
    private static final int MAX_MUNICIPALITY = 200;
    static final String COMPACTION_JOB = "monitor-tally";
    private static final Duration COMPACTION = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutcomeMonitor.class);

    private static final int[][] DAY_BUCKETS = {{0, 7}, {8, 14}, {15, 28}, {29, 56}, {57, -1}};
    private static final int[][] PEOPLE_BUCKETS = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, -1}};
    private static final int[][] HANDOVER_BUCKETS = {{0, 0}, {1, 1}, {2, 2}, {3, -1}};

    private final Database database;
    /** The region's register: a monitor filter names a registered municipality. */
    private final MunicipalityStore municipalities;
    /** The columns the figures are computed from. */
    private final MonitorStore store;
    private final Clock clock;
    private ScheduledExecutorService compaction;

    /**
     * @param database       the platform's database
     * @param municipalities the region's register of municipalities
     * @param store          the monitor's reads over the case tables
     */
    @Activate
    public JdbcOutcomeMonitor(@Reference Database database, @Reference MunicipalityStore municipalities,
            @Reference MonitorStore store, @Reference RegionJobs jobs) {
        this(database, municipalities, store, Clock.systemUTC());
        // the writers' appended changes folded into the tally's sums once per region every few minutes,
        // so that a monitor nobody reads for a month does not sum a month of changes at its next read
        compaction = RegionJobSchedule.every(COMPACTION, jobs, COMPACTION_JOB, "proeftuin-monitor-tally",
                this::compact, LOG, "Folding the monitor's tally failed");
    }

    JdbcOutcomeMonitor(Database database, MunicipalityStore municipalities, MonitorStore store, Clock clock) {
        this.database = database;
        this.municipalities = municipalities;
        this.store = store;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        if (compaction != null) {
            compaction.shutdownNow();
        }
    }

    /** Folds the writers' appended changes of the monitor's tally into its sums (V33, decision 0045). */
    void compact() {
        try {
            LocalDate today = DutchDay.today(clock);
            database.inTransaction(c -> store.compactTally(c, today));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * One municipality's aggregates as the database returned them: counts, and histograms (value to
     * how many) for each distribution; the region's are the sum of all municipalities'.
     */
    private static final class Aggregates {
        long cases;
        long open;
        long waitingForHelp;
        final SortedMap<Integer, Long> lead = new TreeMap<>();
        final SortedMap<Integer, Long> active = new TreeMap<>();
        final SortedMap<Integer, Long> handovers = new TreeMap<>();
        final SortedMap<Integer, Long> care = new TreeMap<>();
        long careWaiting;
        /** Per month end: framework to open cases. */
        final Map<LocalDate, Map<Framework, Long>> frameworks = new HashMap<>();

        void add(Aggregates other) {
            cases += other.cases;
            open += other.open;
            waitingForHelp += other.waitingForHelp;
            other.lead.forEach((v, n) -> lead.merge(v, n, Long::sum));
            other.active.forEach((v, n) -> active.merge(v, n, Long::sum));
            other.handovers.forEach((v, n) -> handovers.merge(v, n, Long::sum));
            other.care.forEach((v, n) -> care.merge(v, n, Long::sum));
            careWaiting += other.careWaiting;
            other.frameworks.forEach((day, m) -> m.forEach((fw, n) -> frameworks
                    .computeIfAbsent(day, d -> new EnumMap<>(Framework.class)).merge(fw, n, Long::sum)));
        }
    }

    /** What the database answered: aggregates per municipality of the cases, and of care requests. */
    private record Answer(Map<String, Aggregates> byCase, Map<String, Aggregates> byCare) {
    }

    @Override
    public OutcomeReport report(String municipality) {
        if (municipality != null && (municipality.isBlank() || municipality.length() > MAX_MUNICIPALITY)) {
            throw new InvalidInputException("municipality", "must be a municipality's name (1 to "
                    + MAX_MUNICIPALITY + " characters), or left out for the region");
        }
        Instant now = clock.instant();
        LocalDate today = DutchDay.of(now);
        List<LocalDate> monthEnds = monthEnds(today);
        String scope;
        Answer answer;
        try {
            scope = municipality == null ? null
                    : database.read(c -> Municipalities.canonical(municipalities, c, "municipality", municipality));
            // one read transaction: every figure from the same state
            answer = database.inTransaction(c -> aggregates(c, monthEnds));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        TreeSet<String> names = new TreeSet<>(answer.byCase().keySet());
        List<OutcomeFigures> rows = new ArrayList<>();
        for (String m : names) {
            rows.add(figures(m, m, answer, monthEnds));
        }
        rows.add(figures(null, null, answer, monthEnds));
        OutcomeFigures figures = scope == null ? rows.get(rows.size() - 1)
                : rows.stream().filter(r -> scope.equalsIgnoreCase(r.municipality())).findFirst()
                        .orElseGet(() -> figures(scope, names.stream().filter(scope::equalsIgnoreCase).findFirst()
                                .orElse(scope), answer, monthEnds));
        return new OutcomeReport(scope == null ? null : figures.municipality(), now, figures, List.copyOf(rows));
    }

    /** The last day of each of the twelve months up to this one (today for this month), oldest first. */
    private static List<LocalDate> monthEnds(LocalDate today) {
        List<LocalDate> out = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int i = MONTHS - 1; i >= 0; i--) {
            out.add(i == 0 ? today : current.minusMonths(i).atEndOfMonth());
        }
        return out;
    }

    /** The database's aggregations (cohorts, V26): per municipality, from the per-case summary rows. */
    private Answer aggregates(Connection c, List<LocalDate> monthEnds) throws SQLException {
        Map<String, Aggregates> byCase = new HashMap<>();
        for (MonitorStore.CaseCounts k : store.caseCounts(c)) {
            Aggregates a = byCase.computeIfAbsent(k.municipality(), m -> new Aggregates());
            a.cases = k.cases();
            a.open = k.open();
            a.waitingForHelp = k.waitingForHelp();
        }
        for (MonitorStore.Figure figure : MonitorStore.Figure.values()) {
            for (MonitorStore.Bucket b : store.histogram(c, figure)) {
                Aggregates a = byCase.computeIfAbsent(b.municipality(), m -> new Aggregates());
                (switch (figure) {
                    case LEAD_TIME_DAYS -> a.lead;
                    case ACTIVE_PROFESSIONALS -> a.active;
                    case HANDOVERS -> a.handovers;
                }).merge(b.value(), b.count(), Long::sum);
            }
        }
        for (MonitorStore.FrameworkCount f : store.frameworks(c, monthEnds)) {
            byCase.computeIfAbsent(f.municipality(), m -> new Aggregates()).frameworks
                    .computeIfAbsent(f.day(), d -> new EnumMap<>(Framework.class))
                    .merge(Framework.valueOf(f.framework()), f.count(), Long::sum);
        }
        Map<String, Aggregates> byCare = new HashMap<>();
        for (MonitorStore.Bucket b : store.careWaits(c)) {
            Aggregates a = byCare.computeIfAbsent(b.municipality(), m -> new Aggregates());
            if (b.value() < 0) {
                a.careWaiting += b.count();
            } else {
                a.care.merge(b.value(), b.count(), Long::sum);
            }
        }
        return new Answer(byCase, byCare);
    }

    /**
     * The figures of a municipality (its name compared without case, as a monitor filter is) or of the
     * region (null).
     */
    private static OutcomeFigures figures(String municipality, String name, Answer answer, List<LocalDate> monthEnds) {
        Aggregates cases = new Aggregates();
        answer.byCase().forEach((m, a) -> {
            if (municipality == null || municipality.equalsIgnoreCase(m)) {
                cases.add(a);
            }
        });
        Aggregates care = new Aggregates();
        answer.byCare().forEach((m, a) -> {
            if (municipality == null || municipality.equalsIgnoreCase(m)) {
                care.add(a);
            }
        });
        List<FrameworkMonth> months = new ArrayList<>();
        for (LocalDate end : monthEnds) {
            Map<Framework, Long> counts = cases.frameworks.getOrDefault(end, Map.of());
            months.add(new FrameworkMonth(YearMonth.from(end).toString(),
                    counts.getOrDefault(Framework.VOLUNTARY, 0L).intValue(),
                    counts.getOrDefault(Framework.CONDITIONAL, 0L).intValue(),
                    counts.getOrDefault(Framework.COMPULSORY, 0L).intValue()));
        }
        return new OutcomeFigures(name, (int) cases.cases, (int) cases.open, distribution(cases.lead, DAY_BUCKETS),
                (int) cases.waitingForHelp, distribution(cases.active, PEOPLE_BUCKETS),
                distribution(cases.handovers, HANDOVER_BUCKETS), List.copyOf(months),
                distribution(care.care, DAY_BUCKETS), (int) care.careWaiting);
    }

    /** The distribution of a histogram (value to how many): as {@link #distribution(List, int[][])} of its values. */
    static Distribution distribution(SortedMap<Integer, Long> histogram, int[][] bounds) {
        List<DistributionBucket> buckets = new ArrayList<>();
        for (int[] b : bounds) {
            int from = b[0];
            Integer to = b[1] < 0 ? null : b[1];
            long count = histogram.entrySet().stream().filter(e -> e.getKey() >= from && (to == null || e.getKey() <= to))
                    .mapToLong(Map.Entry::getValue).sum();
            String label = to == null ? from + "+" : from == to ? String.valueOf(from) : from + "-" + to;
            buckets.add(new DistributionBucket(label, from, to, (int) count));
        }
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new Distribution(0, null, null, null, buckets);
        }
        double median = n % 2 == 1 ? kth(histogram, n / 2) : (kth(histogram, n / 2 - 1) + kth(histogram, n / 2)) / 2.0;
        double p90 = kth(histogram, (long) Math.ceil(0.9 * n) - 1);
        long sum = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            sum += (long) e.getKey() * e.getValue();
        }
        double mean = Math.round((double) sum / n * 10) / 10.0;
        return new Distribution((int) n, median, p90, mean, buckets);
    }

    /** The value at 0-based position k of the histogram's values in ascending order. */
    private static int kth(SortedMap<Integer, Long> histogram, long k) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (k < seen) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("position " + k + " of " + seen);
    }

    static Distribution distribution(List<Integer> values, int[][] bounds) {
        List<DistributionBucket> buckets = new ArrayList<>();
        for (int[] b : bounds) {
            int from = b[0];
            Integer to = b[1] < 0 ? null : b[1];
            int count = (int) values.stream().filter(v -> v >= from && (to == null || v <= to)).count();
            String label = to == null ? from + "+" : from == to ? String.valueOf(from) : from + "-" + to;
            buckets.add(new DistributionBucket(label, from, to, count));
        }
        if (values.isEmpty()) {
            return new Distribution(0, null, null, null, buckets);
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        double p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        double mean = Math.round(sorted.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0;
        return new Distribution(n, median, p90, mean, buckets);
    }
}
