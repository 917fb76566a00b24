package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.proeftuin.core.store.monitor.MonitorStore;
import org.osgi.service.component.annotations.Component;

/** The outcome monitor's reads over the case tables. */
@Component(service = MonitorStore.class)
public class JdbcMonitorStore implements MonitorStore {

    @Override
    public List<MonitorCase> cases(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT id, municipality, status, framework, signal_received_on, opened_at FROM family_case",
                rs -> new MonitorCase(rs.getString("id"), rs.getString("municipality"), rs.getString("status"),
                        rs.getString("framework"), date(rs, "signal_received_on"), instant(rs, "opened_at")));
    }

    @Override
    public Map<String, Instant> firstPlanVersions(Connection c) throws SQLException {
        return firsts(c, "SELECT case_id, MIN(created_at) AS first_at FROM plan_version GROUP BY case_id");
    }

    @Override
    public Map<String, Instant> firstCareRequests(Connection c) throws SQLException {
        return firsts(c, "SELECT case_id, MIN(requested_at) AS first_at FROM care_request GROUP BY case_id");
    }

    private static Map<String, Instant> firsts(Connection c, String sql) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        for (Object[] row : Jdbc.list(c, sql, rs -> new Object[] {rs.getString(1), instant(rs, "first_at")})) {
            out.put((String) row[0], (Instant) row[1]);
        }
        return out;
    }

    @Override
    public Map<String, Integer> activeProfessionals(Connection c) throws SQLException {
        return counts(c, "SELECT case_id, COUNT(DISTINCT professional_id) FROM assignment WHERE until_date IS NULL"
                + " GROUP BY case_id");
    }

    @Override
    public Map<String, Integer> handovers(Connection c) throws SQLException {
        return counts(c, "SELECT case_id, COUNT(*) FROM handover GROUP BY case_id");
    }

    private static Map<String, Integer> counts(Connection c, String sql) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        for (Object[] row : Jdbc.list(c, sql, rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
            out.put((String) row[0], (Integer) row[1]);
        }
        return out;
    }

    @Override
    public List<MonitorEvent> events(Connection c, List<String> types) throws SQLException {
        if (types.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(c, "SELECT case_id, event_type, payload, occurred_at FROM case_event WHERE event_type IN ("
                + Jdbc.placeholders(types.size()) + ") ORDER BY seq_no", rs -> new MonitorEvent(rs.getString("case_id"),
                        rs.getString("event_type"), rs.getString("payload"), instant(rs, "occurred_at")),
                types.toArray());
    }

    @Override
    public List<CareRequestTimes> careRequests(Connection c) throws SQLException {
        // muni (issue 14 part 5): a care request that could not be sent (FALLBACK), or that the connector
        // refused (REJECTED, UNSUPPORTED), is nobody's: it does not count as waiting for care
        return Jdbc.list(c, "SELECT municipality, requested_at, allocated_at FROM care_request"
                + " WHERE state NOT IN ('FALLBACK', 'REJECTED', 'UNSUPPORTED')",
                rs -> new CareRequestTimes(rs.getString("municipality"), instant(rs, "requested_at"),
                        instant(rs, "allocated_at")));
    }

    // --- cohorts (V26): aggregated by the database from case_summary; since V33 (decision 0045) from the
    // monitor's tally of those rows, a bounded number of counts at any number of cases

    @Override
    public List<CaseCounts> caseCounts(Connection c) throws SQLException {
        Map<String, long[]> by = new TreeMap<>();
        for (Map.Entry<MonitorTally.Key, Long> e : MonitorTally.read(c, MonitorTally.CASES, MonitorTally.OPEN,
                MonitorTally.WAITING)) {
            long[] counts = by.computeIfAbsent(e.getKey().municipality(), m -> new long[3]);
            counts[switch (e.getKey().measure()) {
                case MonitorTally.CASES -> 0;
                case MonitorTally.OPEN -> 1;
                default -> 2;
            }] += e.getValue();
        }
        List<CaseCounts> out = new ArrayList<>();
        by.forEach((m, n) -> {
            if (n[0] != 0) {
                out.add(new CaseCounts(m, n[0], n[1], n[2]));
            }
        });
        return out;
    }

    @Override
    public List<Bucket> histogram(Connection c, Figure figure) throws SQLException {
        String measure = switch (figure) {
            case LEAD_TIME_DAYS -> MonitorTally.LEAD;
            case ACTIVE_PROFESSIONALS -> MonitorTally.ACTIVE;
            case HANDOVERS -> MonitorTally.HANDOVERS;
        };
        return MonitorTally.read(c, measure).stream()
                .map(e -> new Bucket(e.getKey().municipality(), e.getKey().value(), e.getValue())).toList();
    }

    @Override
    public List<FrameworkCount> frameworks(Connection c, List<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return List.of();
        }
        List<LocalDate> sorted = days.stream().distinct().sorted().toList();
        Map<List<Object>, Long> counts = new HashMap<>();
        // the cases without framework changes, from the tally: opened up to the day's month end, less closed
        // up to it (the tally counts by month; no case opens or closes after today), summed by the database
        StringBuilder upTo = new StringBuilder();
        List<Object> ends = new ArrayList<>();
        for (LocalDate day : sorted) {
            upTo.append(", SUM(CASE WHEN v <= ? THEN n ELSE 0 END)");
            ends.add(MonitorTally.monthEnd(day.toEpochDay()));
        }
        Jdbc.list(c, "SELECT municipality, framework" + upTo + " FROM (SELECT municipality, framework, v,"
                + " CASE WHEN measure = '" + MonitorTally.OPENED + "' THEN n ELSE -n END AS n FROM monitor_tally"
                + " WHERE measure IN ('" + MonitorTally.OPENED + "', '" + MonitorTally.CLOSED + "')) x"
                + " GROUP BY municipality, framework", rs -> {
                    for (int i = 0; i < sorted.size(); i++) {
                        counts.merge(List.of(sorted.get(i), rs.getString(1), rs.getString(2)), rs.getLong(3 + i),
                                Long::sum);
                    }
                    return null;
                }, ends.toArray());
        // the few cases with framework changes: the last change by the day, or before the first change the
        // framework that change started from
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(? AS DATE))");
        }
        Jdbc.list(c, "SELECT month_end, municipality, fw, COUNT(*) FROM (SELECT d.month_end, s.municipality,"
                + " COALESCE((SELECT f.to_framework FROM case_framework_change f WHERE f.case_id = s.case_id"
                + " AND f.changed_on <= d.month_end ORDER BY f.seq_no DESC LIMIT 1),"
                + " (SELECT f.from_framework FROM case_framework_change f WHERE f.case_id = s.case_id"
                + " ORDER BY f.seq_no LIMIT 1)) AS fw"
                + " FROM case_summary s JOIN (VALUES " + values + ") d (month_end) ON s.opened_on <= d.month_end"
                + " AND (s.closed_on IS NULL OR s.closed_on > d.month_end) WHERE s.framework_changes > 0) x"
                + " GROUP BY month_end, municipality, fw", rs -> {
                    counts.merge(List.of(Jdbc.date(rs, "month_end"), rs.getString(2), rs.getString(3)), rs.getLong(4),
                            Long::sum);
                    return null;
                }, sorted.toArray());
        List<FrameworkCount> out = new ArrayList<>();
        counts.forEach((key, cases) -> {
            if (cases != 0) {
                out.add(new FrameworkCount((LocalDate) key.get(0), (String) key.get(1), (String) key.get(2), cases));
            }
        });
        // by day, municipality and framework
        out.sort(Comparator.comparing(FrameworkCount::day).thenComparing(FrameworkCount::municipality)
                .thenComparing(FrameworkCount::framework));
        return out;
    }

    @Override
    public int compactTally(Connection c, LocalDate today) throws SQLException {
        return MonitorTally.compact(c, today);
    }

    @Override
    public List<Bucket> careWaits(Connection c) throws SQLException {
        boolean postgres = Jdbc.postgres(c);
        String requested = "CAST(requested_at AT TIME ZONE 'Europe/Amsterdam' AS DATE)";
        String allocated = "CAST(allocated_at AT TIME ZONE 'Europe/Amsterdam' AS DATE)";
        String days = postgres ? "(" + allocated + " - " + requested + ")"
                : "DATEDIFF(DAY, " + requested + ", " + allocated + ")";
        return Jdbc.list(c, "SELECT municipality, v, COUNT(*) FROM (SELECT municipality, CASE WHEN allocated_at IS NULL"
                + " THEN -1 WHEN " + days + " < 0 THEN 0 ELSE " + days + " END AS v FROM care_request"
                + " WHERE state NOT IN ('FALLBACK', 'REJECTED', 'UNSUPPORTED')) x GROUP BY municipality, v",
                rs -> new Bucket(rs.getString(1), rs.getInt(2), rs.getLong(3)));
    }
}
