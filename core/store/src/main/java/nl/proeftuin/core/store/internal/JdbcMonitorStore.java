package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    // --- cohorts (V26): aggregated by the database from case_summary

    @Override
    public List<CaseCounts> caseCounts(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT municipality, COUNT(*), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'OPEN' AND first_help_on IS NULL THEN 1 ELSE 0 END)"
                + " FROM case_summary GROUP BY municipality", rs -> new CaseCounts(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)));
    }

    @Override
    public List<Bucket> histogram(Connection c, Figure figure) throws SQLException {
        String value = switch (figure) {
            case LEAD_TIME_DAYS -> "lead_days FROM case_summary WHERE lead_days IS NOT NULL";
            case ACTIVE_PROFESSIONALS -> "active_professionals FROM case_summary WHERE status = 'OPEN'";
            case HANDOVERS -> "handovers FROM case_summary";
        };
        return Jdbc.list(c, "SELECT municipality, v, COUNT(*) FROM (SELECT municipality, " + value.replaceFirst(" FROM",
                " AS v FROM") + ") x GROUP BY municipality, v", rs -> new Bucket(rs.getString(1), rs.getInt(2),
                        rs.getLong(3)));
    }

    @Override
    public List<FrameworkCount> frameworks(Connection c, List<java.time.LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return List.of();
        }
        List<java.time.LocalDate> sorted = days.stream().distinct().sorted().toList();
        int n = sorted.size();
        // decision 0042: one pass over the summary rows for every month end, not one per month end.
        // A case without framework changes was in its framework all along: it is open at month end i when
        // it opened on or before it (i >= o: o the first month end on or after its opening) and was not
        // closed by then (i < k: k the first month end on or after its closing; n when open), so the
        // database groups those cases by (municipality, framework, o, k) and the counts per month end are
        // summed here.
        StringBuilder o = new StringBuilder("CASE");
        StringBuilder k = new StringBuilder("CASE WHEN s.closed_on IS NULL THEN " + n);
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            o.append(" WHEN s.opened_on <= ? THEN ").append(i);
            params.add(sorted.get(i));
        }
        for (int i = 0; i < n; i++) {
            k.append(" WHEN s.closed_on <= ? THEN ").append(i);
            params.add(sorted.get(i));
        }
        o.append(" ELSE ").append(n).append(" END");
        k.append(" ELSE ").append(n).append(" END");
        java.util.Map<List<Object>, Long> counts = new java.util.LinkedHashMap<>();
        Jdbc.list(c, "SELECT municipality, framework, o, k, COUNT(*) FROM (SELECT s.municipality, s.framework, " + o
                + " AS o, " + k + " AS k FROM case_summary s WHERE s.framework_changes = 0) x"
                + " GROUP BY municipality, framework, o, k", rs -> {
                    String municipality = rs.getString(1);
                    String framework = rs.getString(2);
                    int from = rs.getInt(3);
                    int until = rs.getInt(4);
                    long cases = rs.getLong(5);
                    for (int i = from; i < until; i++) {
                        counts.merge(List.of(sorted.get(i), municipality, framework), cases, Long::sum);
                    }
                    return null;
                }, params.toArray());
        // the few cases with framework changes: the last change by the day, or before the first change the
        // framework that change started from
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
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
        List<FrameworkCount> out = new java.util.ArrayList<>();
        counts.forEach((key, cases) -> out.add(new FrameworkCount((java.time.LocalDate) key.get(0), (String) key.get(1),
                (String) key.get(2), cases)));
        // by day, as the passes per month end gave them before (decision 0042 made them one pass)
        out.sort(java.util.Comparator.comparing(FrameworkCount::day)
                .thenComparing(FrameworkCount::municipality, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(FrameworkCount::framework, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return out;
    }

    @Override
    public List<Bucket> careWaits(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
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
