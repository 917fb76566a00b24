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

    /**
     * Per case, each figure by a correlated subquery on its case index (plan_version's key,
     * care_request_case_ix, assignment_case_ix, handover_case_ix, court_request_case_ix): an index
     * probe per case of the cohort, never a join with a whole-table aggregate (which H2 evaluates per
     * outer row).
     */
    private static final String PER_CASE = "(SELECT MIN(p.created_at) FROM plan_version p WHERE p.case_id = k.id) AS fp,"
            + " (SELECT MIN(r.requested_at) FROM care_request r WHERE r.case_id = k.id) AS fc";
    private static final String TEAM = "(SELECT COUNT(DISTINCT a.professional_id) FROM assignment a WHERE a.case_id = k.id)"
            + " AS professionals, (SELECT COUNT(*) FROM handover h WHERE h.case_id = k.id) AS handovers,"
            + " (SELECT COUNT(*) FROM court_request q WHERE q.case_id = k.id) AS raad";

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

        /** 1 when the closed case has a repeat signal, else 0: computed per case inside the cohort's query. */
        String repeatFlag() {
            return "CASE WHEN o.case_id IS NOT NULL AND " + repeat() + " THEN 1 ELSE 0 END";
        }

        String leadDays() {
            String first = "LEAST(COALESCE(x.fp, x.fc), COALESCE(x.fc, x.fp))";
            String days = days("x.signal_received_on", day(first));
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
            case LEAD_TIME_DAYS -> "SELECT " + d.leadDays() + " AS v FROM (SELECT k.signal_received_on, " + PER_CASE + BASE
                    + where(filter, params) + ") x WHERE x.fp IS NOT NULL OR x.fc IS NOT NULL";
            case PROFESSIONALS -> "SELECT (SELECT COUNT(DISTINCT a.professional_id) FROM assignment a WHERE a.case_id = k.id)"
                    + " AS v" + BASE + where(filter, params);
            case HANDOVERS -> "SELECT (SELECT COUNT(*) FROM handover h WHERE h.case_id = k.id) AS v" + BASE
                    + where(filter, params);
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
        for (long[] row : Jdbc.list(c, "SELECT v, COUNT(*) AS n FROM (" + inner + ") y GROUP BY v",
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
                + " SUM(CASE WHEN x.outcome IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.outcome IS NOT NULL AND x.outcome <> 'UNKNOWN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.framework = 'COMPULSORY' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.raad > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.measure_type IS NOT NULL OR x.outcome = 'COURT_MEASURE' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.outcome = 'OUT_OF_HOME_PLACED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.outcome = 'OUT_OF_HOME_PREVENTED' THEN 1 ELSE 0 END),"
                + " SUM(x.repeat_signal),"
                + " SUM(CASE WHEN x.status = 'OPEN' AND x.fp IS NULL AND x.fc IS NULL THEN 1 ELSE 0 END)"
                + " FROM (SELECT k.status, k.framework, k.measure_type, o.outcome, " + d.repeatFlag() + " AS repeat_signal,"
                + " (SELECT COUNT(*) FROM court_request q WHERE q.case_id = k.id) AS raad, " + PER_CASE + BASE
                + where(filter, params) + ") x";
        return Jdbc.one(c, sql, rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                params.toArray()).orElseThrow();
    }

    @Override
    public List<CaseRow> rows(Connection c, Filter filter, int limit) throws SQLException {
        Dialect d = dialect(c);
        List<Object> params = new ArrayList<>();
        String sql = "SELECT x.*, CASE WHEN x.fp IS NULL AND x.fc IS NULL THEN NULL ELSE " + d.leadDays() + " END AS lead"
                + " FROM (SELECT k.id, k.municipality, k.signal_received_on, k.framework, k.measure_type,"
                + " t.plugin_id, t.configuration_hash, t.binding_revision, o.outcome, o.closed_on, "
                + d.repeatFlag() + " AS repeat_signal, " + TEAM + ", " + PER_CASE + BASE + where(filter, params)
                + " ORDER BY k.signal_received_on, k.id LIMIT ?) x ORDER BY x.signal_received_on, x.id";
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
