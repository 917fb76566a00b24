package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.proeftuin.core.store.cohorts.CohortStore;
import org.osgi.service.component.annotations.Component;

/**
 * The comparison's aggregations: one SQL statement per figure, the grouping done by the database.
 * Calendar days are Dutch days (an instant is dated in Europe/Amsterdam, as the monitor does); the
 * two date functions that differ between H2 and PostgreSQL are chosen per connection.
 */
@Component(service = CohortStore.class)
public class JdbcCohortStore implements CohortStore {

    /** The case's first triage outcome: the variant it was triaged under (its provenance). */
    private static final String BASE = " FROM family_case k"
            + " LEFT JOIN triage_outcome t ON t.case_id = k.id"
            + " AND t.seq_no = (SELECT MIN(t2.seq_no) FROM triage_outcome t2 WHERE t2.case_id = k.id)"
            + " LEFT JOIN case_outcome o ON o.case_id = k.id";

    private static final String FIRST_HELP_JOINS =
            " LEFT JOIN (SELECT case_id, MIN(created_at) AS first_at FROM plan_version GROUP BY case_id) fp"
            + " ON fp.case_id = k.id"
            + " LEFT JOIN (SELECT case_id, MIN(requested_at) AS first_at FROM care_request GROUP BY case_id) fc"
            + " ON fc.case_id = k.id";

    private static final String TEAM_JOINS =
            " LEFT JOIN (SELECT case_id, COUNT(DISTINCT professional_id) AS n FROM assignment GROUP BY case_id) pa"
            + " ON pa.case_id = k.id"
            + " LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM handover GROUP BY case_id) ho ON ho.case_id = k.id"
            + " LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM court_request GROUP BY case_id) cr ON cr.case_id = k.id";

    /** SQL that differs between the two databases. */
    private record Dialect(boolean postgres) {
        /** The Dutch calendar day of an instant column. */
        String day(String instant) {
            return "CAST((" + instant + ") AT TIME ZONE 'Europe/Amsterdam' AS DATE)";
        }

        /** Whole days from date a to date b. */
        String days(String a, String b) {
            return postgres ? "((" + b + ") - (" + a + "))" : "DATEDIFF(DAY, " + a + ", " + b + ")";
        }

        String plusTwelveMonths(String d) {
            return postgres ? "CAST((" + d + ") + INTERVAL '12 months' AS DATE)" : "DATEADD(MONTH, 12, " + d + ")";
        }

        /** Whether the closed case {@code k}/{@code o} has a repeat signal: a later case sharing a member within 12 months. */
        String repeat() {
            return "EXISTS (SELECT 1 FROM case_member m1 JOIN case_member m2 ON m2.person_id = m1.person_id"
                    + " AND m2.case_id <> m1.case_id JOIN family_case k2 ON k2.id = m2.case_id"
                    + " WHERE m1.case_id = k.id AND k2.signal_received_on >= o.closed_on"
                    + " AND k2.signal_received_on <= " + plusTwelveMonths("o.closed_on") + ")";
        }

        String leadDays() {
            String first = "LEAST(COALESCE(fp.first_at, fc.first_at), COALESCE(fc.first_at, fp.first_at))";
            String days = days("k.signal_received_on", day(first));
            return "CASE WHEN " + days + " < 0 THEN 0 ELSE " + days + " END";
        }
    }

    private static Dialect dialect(Connection c) throws SQLException {
        return new Dialect(c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
    }

    /** The cohort's WHERE clause; its parameters are added to {@code params}. */
    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (f.from() != null) {
            sql.append(" AND k.signal_received_on >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND k.signal_received_on <= ?");
            params.add(f.to());
        }
        if (f.municipalities() != null) {
            if (f.municipalities().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND k.municipality IN (").append(Jdbc.placeholders(f.municipalities().size())).append(')');
                params.addAll(f.municipalities());
            }
        }
        if (f.pluginId() != null) {
            sql.append(" AND t.plugin_id = ?");
            params.add(f.pluginId());
        }
        if (f.configurationHash() != null) {
            sql.append(" AND t.configuration_hash = ?");
            params.add(f.configurationHash());
        }
        if (f.bindingRevision() != null) {
            sql.append(" AND t.binding_revision = ?");
            params.add(f.bindingRevision());
        }
        return sql.toString();
    }

    @Override
    public SortedMap<Integer, Long> histogram(Connection c, Filter filter, Measure measure) throws SQLException {
        Dialect d = dialect(c);
        List<Object> params = new ArrayList<>();
        String inner = switch (measure) {
            case LEAD_TIME_DAYS -> "SELECT " + d.leadDays() + " AS v" + BASE + FIRST_HELP_JOINS + where(filter, params)
                    + " AND (fp.first_at IS NOT NULL OR fc.first_at IS NOT NULL)";
            case PROFESSIONALS -> "SELECT COALESCE(pa.n, 0) AS v" + BASE + TEAM_JOINS + where(filter, params);
            case HANDOVERS -> "SELECT COALESCE(ho.n, 0) AS v" + BASE + TEAM_JOINS + where(filter, params);
            case CARE_WAITING_DAYS -> {
                String days = d.days(d.day("r.requested_at"), d.day("r.allocated_at"));
                yield "SELECT CASE WHEN " + days + " < 0 THEN 0 ELSE " + days + " END AS v" + BASE
                        + " JOIN care_request r ON r.case_id = k.id AND r.allocated_at IS NOT NULL" + where(filter, params);
            }
            case FAMILY_EXPERIENCE -> "SELECT e.score AS v" + BASE + " JOIN family_experience e ON e.case_id = k.id"
                    + " AND e.seq_no = (SELECT MAX(e2.seq_no) FROM family_experience e2"
                    + " WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id)" + where(filter, params);
        };
        SortedMap<Integer, Long> out = new TreeMap<>();
        for (long[] row : Jdbc.list(c, "SELECT v, COUNT(*) AS n FROM (" + inner + ") x GROUP BY v",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, params.toArray())) {
            out.put((int) row[0], row[1]);
        }
        return out;
    }

    @Override
    public Counts counts(Connection c, Filter filter) throws SQLException {
        Dialect d = dialect(c);
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*),"
                + " SUM(CASE WHEN o.case_id IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN o.outcome IS NOT NULL AND o.outcome <> 'UNKNOWN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN k.framework = 'COMPULSORY' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN cr.n IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN k.measure_type IS NOT NULL OR o.outcome = 'COURT_MEASURE' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN o.outcome = 'OUT_OF_HOME_PLACED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN o.outcome = 'OUT_OF_HOME_PREVENTED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN o.case_id IS NOT NULL AND " + d.repeat() + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN k.status = 'OPEN' AND fp.first_at IS NULL AND fc.first_at IS NULL THEN 1 ELSE 0 END)"
                + BASE + FIRST_HELP_JOINS
                + " LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM court_request GROUP BY case_id) cr ON cr.case_id = k.id"
                + where(filter, params);
        return Jdbc.one(c, sql, rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                params.toArray()).orElseThrow();
    }

    @Override
    public List<CaseRow> rows(Connection c, Filter filter, int limit) throws SQLException {
        Dialect d = dialect(c);
        List<Object> params = new ArrayList<>();
        String sql = "SELECT k.id, k.municipality, k.signal_received_on, k.framework, k.measure_type,"
                + " t.plugin_id, t.configuration_hash, t.binding_revision,"
                + " CASE WHEN fp.first_at IS NULL AND fc.first_at IS NULL THEN NULL ELSE " + d.leadDays() + " END AS lead,"
                + " COALESCE(pa.n, 0) AS professionals, COALESCE(ho.n, 0) AS handovers, COALESCE(cr.n, 0) AS raad,"
                + " o.outcome, o.closed_on,"
                + " CASE WHEN o.case_id IS NOT NULL AND " + d.repeat() + " THEN 1 ELSE 0 END AS repeat_signal"
                + BASE + FIRST_HELP_JOINS + TEAM_JOINS + where(filter, params)
                + " ORDER BY k.signal_received_on, k.id LIMIT ?";
        params.add(limit);
        return Jdbc.list(c, sql, rs -> {
            long revision = rs.getLong("binding_revision");
            Long rev = rs.wasNull() ? null : revision;
            int lead = rs.getInt("lead");
            Integer leadDays = rs.wasNull() ? null : lead;
            return new CaseRow(rs.getString("id"), rs.getString("municipality"), date(rs, "signal_received_on"),
                    rs.getString("framework"), rs.getString("plugin_id"), rs.getString("configuration_hash"), rev,
                    leadDays, rs.getInt("professionals"), rs.getInt("handovers"), rs.getInt("raad"),
                    rs.getString("measure_type"), rs.getString("outcome"), date(rs, "closed_on"),
                    rs.getInt("repeat_signal") == 1);
        }, params.toArray());
    }
}
