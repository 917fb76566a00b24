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
        List<FrameworkCount> out = new java.util.ArrayList<>();
        for (java.time.LocalDate day : days) {
            // a case without framework changes was in its framework all along; otherwise the last change by
            // the day, or before the first change the framework that change started from
            out.addAll(Jdbc.list(c, "SELECT municipality, fw, COUNT(*) FROM (SELECT s.municipality,"
                    + " CASE WHEN s.framework_changes = 0 THEN s.framework ELSE COALESCE("
                    + "(SELECT f.to_framework FROM case_framework_change f WHERE f.case_id = s.case_id"
                    + " AND f.changed_on <= ? ORDER BY f.seq_no DESC LIMIT 1),"
                    + " (SELECT f.from_framework FROM case_framework_change f WHERE f.case_id = s.case_id"
                    + " ORDER BY f.seq_no LIMIT 1)) END AS fw"
                    + " FROM case_summary s WHERE s.opened_on <= ? AND (s.closed_on IS NULL OR s.closed_on > ?)) x"
                    + " GROUP BY municipality, fw", rs -> new FrameworkCount(day, rs.getString(1), rs.getString(2),
                            rs.getLong(3)), day, day, day));
        }
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
