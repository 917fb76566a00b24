package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.monitor.Distribution;
import nl.proeftuin.core.api.monitor.DistributionBucket;
import nl.proeftuin.core.api.monitor.FrameworkMonth;
import nl.proeftuin.core.api.monitor.OutcomeFigures;
import nl.proeftuin.core.api.monitor.OutcomeMonitor;
import nl.proeftuin.core.api.monitor.OutcomeReport;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.monitor.MonitorStore;
import nl.proeftuin.core.store.region.MunicipalityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outcome monitor computed from the stored cases, assignments, handovers, plan
 * versions, case events and care requests (definitions in {@link OutcomeMonitor}).
 *
 * <p>It reads the few columns it needs for all cases of the region in one read transaction and
 * computes in memory: a region holds thousands of cases, not millions, and the same pass yields
 * every municipality's row and the region's, so they always agree with each other.
 */
@Component(service = OutcomeMonitor.class)
public class JdbcOutcomeMonitor implements OutcomeMonitor {
    /** Calendar days are Dutch days: an instant is dated in the region's own time zone. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final int MONTHS = 12;
    private static final int MAX_MUNICIPALITY = 200;

    private static final int[][] DAY_BUCKETS = {{0, 7}, {8, 14}, {15, 28}, {29, 56}, {57, -1}};
    private static final int[][] PEOPLE_BUCKETS = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, -1}};
    private static final int[][] HANDOVER_BUCKETS = {{0, 0}, {1, 1}, {2, 2}, {3, -1}};

    private final Database database;
    /** The region's register: a monitor filter names a registered municipality. */
    private final MunicipalityStore municipalities;
    /** The columns the figures are computed from. */
    private final MonitorStore store;
    private final Clock clock;

    /**
     * @param database       the platform's database
     * @param municipalities the region's register of municipalities
     * @param store          the monitor's reads over the case tables
     */
    @Activate
    public JdbcOutcomeMonitor(@Reference Database database, @Reference MunicipalityStore municipalities,
            @Reference MonitorStore store) {
        this(database, municipalities, store, Clock.systemUTC());
    }

    JdbcOutcomeMonitor(Database database, MunicipalityStore municipalities, MonitorStore store, Clock clock) {
        this.database = database;
        this.municipalities = municipalities;
        this.store = store;
        this.clock = clock;
    }

    /** One case as the monitor sees it. */
    private static final class MonitoredCase {
        final String id;
        final String municipality;
        final boolean open;
        final LocalDate signalReceived;
        final LocalDate opened;
        LocalDate closed;
        Framework framework;
        /** The framework from the first change onwards, keyed by the day it changed; the first key's old value is the initial one. */
        final List<Map.Entry<LocalDate, Framework>> changes = new ArrayList<>();
        Framework initial;
        LocalDate firstHelp;
        int activeProfessionals;
        int handovers;

        MonitoredCase(String id, String municipality, boolean open, LocalDate signalReceived, LocalDate opened,
                Framework framework) {
            this.id = id;
            this.municipality = municipality;
            this.open = open;
            this.signalReceived = signalReceived;
            this.opened = opened;
            this.framework = framework;
        }

        Framework frameworkOn(LocalDate day) {
            Framework at = initial != null ? initial : framework;
            for (Map.Entry<LocalDate, Framework> change : changes) {
                if (change.getKey().isAfter(day)) {
                    break;
                }
                at = change.getValue();
            }
            return at;
        }

        boolean openOn(LocalDate day) {
            return !opened.isAfter(day) && (closed == null || closed.isAfter(day));
        }
    }

    /** One care request: its municipality and, once allocated, its waiting time. */
    private record CareWait(String municipality, Integer days) {
    }

    @Override
    public OutcomeReport report(String municipality) {
        if (municipality != null && (municipality.isBlank() || municipality.length() > MAX_MUNICIPALITY)) {
            throw new InvalidInputException("municipality", "must be a municipality's name (1 to "
                    + MAX_MUNICIPALITY + " characters), or left out for the region");
        }
        String scope;
        try {
            scope = municipality == null ? null
                    : database.read(c -> Municipalities.canonical(municipalities, c, "municipality", municipality));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        List<MonitoredCase> cases;
        List<CareWait> waits;
        try {
            Map<String, MonitoredCase> byId = database.read(this::cases);
            waits = database.read(c -> {
                addFirstHelp(c, byId);
                addTeams(c, byId);
                addEvents(c, byId);
                return careWaits(c);
            });
            cases = new ArrayList<>(byId.values());
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        TreeSet<String> municipalities = new TreeSet<>();
        cases.forEach(k -> municipalities.add(k.municipality));
        List<OutcomeFigures> rows = new ArrayList<>();
        for (String m : municipalities) {
            rows.add(figures(m, cases, waits, today));
        }
        rows.add(figures(null, cases, waits, today));
        OutcomeFigures figures = scope == null ? rows.get(rows.size() - 1)
                : rows.stream().filter(r -> scope.equalsIgnoreCase(r.municipality())).findFirst()
                        .orElseGet(() -> figures(scope, cases, waits, today));
        return new OutcomeReport(scope == null ? null : figures.municipality(), now, figures, List.copyOf(rows));
    }

    private Map<String, MonitoredCase> cases(Connection c) throws SQLException {
        Map<String, MonitoredCase> byId = new HashMap<>();
        for (MonitorStore.MonitorCase k : store.cases(c)) {
            byId.put(k.id(), new MonitoredCase(k.id(), k.municipality(), CaseStatus.OPEN.name().equals(k.status()),
                    k.signalReceivedOn(), day(k.openedAt()), Framework.valueOf(k.framework())));
        }
        return byId;
    }

    /** First help: the earliest of the first plan version and the first care request. */
    private void addFirstHelp(Connection c, Map<String, MonitoredCase> byId) throws SQLException {
        for (Map<String, Instant> firsts : List.of(store.firstPlanVersions(c), store.firstCareRequests(c))) {
            firsts.forEach((caseId, at) -> {
                MonitoredCase k = byId.get(caseId);
                LocalDate day = day(at);
                if (k != null && (k.firstHelp == null || day.isBefore(k.firstHelp))) {
                    k.firstHelp = day;
                }
            });
        }
    }

    private void addTeams(Connection c, Map<String, MonitoredCase> byId) throws SQLException {
        store.activeProfessionals(c).forEach((caseId, n) -> {
            MonitoredCase k = byId.get(caseId);
            if (k != null) {
                k.activeProfessionals = n;
            }
        });
        store.handovers(c).forEach((caseId, n) -> {
            MonitoredCase k = byId.get(caseId);
            if (k != null) {
                k.handovers = n;
            }
        });
    }

    /**
     * Framework changes and closing, from the case's append-only history: the typed payload of each
     * event ({@link CaseEvents.FrameworkChanged}), never its human sentence.
     */
    private void addEvents(Connection c, Map<String, MonitoredCase> byId) throws SQLException {
        for (MonitorStore.MonitorEvent e : store.events(c, List.of(CaseEvents.Type.FRAMEWORK_CHANGED.name(),
                CaseEvents.Type.CASE_CLOSED.name()))) {
            MonitoredCase k = byId.get(e.caseId());
            if (k == null) {
                continue;
            }
            LocalDate day = day(e.occurredAt());
            if (CaseEvents.Type.CASE_CLOSED.name().equals(e.type())) {
                k.closed = day;
                continue;
            }
            String payload = e.payload();
            if (payload == null) {
                continue; // written before V15 in a form the backfill did not know: no data to count
            }
            CaseEvents.FrameworkChanged change = CaseEvents.read(payload, CaseEvents.FrameworkChanged.class);
            if (k.initial == null) {
                k.initial = change.from();
            }
            k.changes.add(Map.entry(day, change.to()));
        }
    }

    private List<CareWait> careWaits(Connection c) throws SQLException {
        List<CareWait> waits = new ArrayList<>();
        for (MonitorStore.CareRequestTimes r : store.careRequests(c)) {
            waits.add(new CareWait(r.municipality(), r.allocatedAt() == null ? null
                    : (int) ChronoUnit.DAYS.between(day(r.requestedAt()), day(r.allocatedAt()))));
        }
        return waits;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }

    private static OutcomeFigures figures(String municipality, Collection<MonitoredCase> all, List<CareWait> allWaits,
            LocalDate today) {
        Predicate<String> inScope = m -> municipality == null || municipality.equalsIgnoreCase(m);
        List<MonitoredCase> cases = all.stream().filter(k -> inScope.test(k.municipality)).toList();
        List<MonitoredCase> open = cases.stream().filter(k -> k.open).toList();
        List<Integer> leadTimes = cases.stream().filter(k -> k.firstHelp != null)
                .map(k -> (int) Math.max(0, ChronoUnit.DAYS.between(k.signalReceived, k.firstHelp))).toList();
        int waitingForHelp = (int) open.stream().filter(k -> k.firstHelp == null).count();
        List<CareWait> waits = allWaits.stream().filter(w -> inScope.test(w.municipality())).toList();
        List<Integer> careDays = waits.stream().filter(w -> w.days() != null).map(w -> Math.max(0, w.days())).toList();
        String name = municipality == null ? null
                : cases.stream().map(k -> k.municipality).findFirst().orElse(municipality);
        return new OutcomeFigures(name, cases.size(), open.size(),
                distribution(leadTimes, DAY_BUCKETS), waitingForHelp,
                distribution(open.stream().map(k -> k.activeProfessionals).toList(), PEOPLE_BUCKETS),
                distribution(cases.stream().map(k -> k.handovers).toList(), HANDOVER_BUCKETS),
                frameworks(cases, today), distribution(careDays, DAY_BUCKETS),
                (int) waits.stream().filter(w -> w.days() == null).count());
    }

    private static List<FrameworkMonth> frameworks(List<MonitoredCase> cases, LocalDate today) {
        List<FrameworkMonth> months = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int i = MONTHS - 1; i >= 0; i--) {
            YearMonth month = current.minusMonths(i);
            LocalDate end = i == 0 ? today : month.atEndOfMonth();
            Map<Framework, Integer> counts = new EnumMap<>(Framework.class);
            for (MonitoredCase k : cases) {
                if (k.openOn(end)) {
                    counts.merge(k.frameworkOn(end), 1, Integer::sum);
                }
            }
            months.add(new FrameworkMonth(month.toString(), counts.getOrDefault(Framework.VOLUNTARY, 0),
                    counts.getOrDefault(Framework.CONDITIONAL, 0), counts.getOrDefault(Framework.COMPULSORY, 0)));
        }
        return months;
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
