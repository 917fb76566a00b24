package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.proeftuin.core.store.cohorts.CohortStore;
import org.osgi.service.component.annotations.Component;

/**
 * The comparison's aggregations over the per-case summary rows ({@code case_summary}, V26, kept up to
 * date by {@link CaseSummaries} in the transaction of each change): one GROUP BY per figure on one
 * narrow indexed table. Care waiting times (per request) and family experience (per member's newest
 * score) come from the row too (V32); only a case with two or more allocated care requests joins
 * care_request on its case index. Calendar days are Dutch days.
 */
@Component(service = CohortStore.class)
public class JdbcCohortStore implements CohortStore {

    private static final String BASE = " FROM case_summary s";

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
    }

    private static Dialect dialect(Connection c) throws SQLException {
        return new Dialect(Jdbc.postgres(c));
    }

    /** The cohort's WHERE clause; its parameters are added to {@code params}. */
    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (f.from() != null) {
            sql.append(" AND s.signal_received_on >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND s.signal_received_on <= ?");
            params.add(f.to());
        }
        if (f.municipalities() != null) {
            if (f.municipalities().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND s.municipality IN (").append(Jdbc.placeholders(f.municipalities().size())).append(')');
                params.addAll(f.municipalities());
            }
        }
        if (f.pluginId() != null) {
            sql.append(" AND s.triage_plugin = ?");
            params.add(f.pluginId());
        }
        if (f.configurationHash() != null) {
            sql.append(" AND s.triage_configuration_hash = ?");
            params.add(f.configurationHash());
        }
        if (f.bindingRevision() != null) {
            sql.append(" AND s.triage_binding_revision = ?");
            params.add(f.bindingRevision());
        }
        if (f.openingPoint() != null) {
            variant(sql, params, "OPENING", f.openingPoint(), f.openingPluginId(), f.openingConfigurationHash());
        }
        if (f.decisionPoint() != null) {
            // a later decision is recorded under its extension point's name (TRIAGE, CARE_PATH, PROCUREMENT, LOCAL_TEAM)
            variant(sql, params, f.decisionPoint(), f.decisionPoint(), f.decisionPluginId(), f.decisionConfigurationHash());
        }
        return sql.toString();
    }

    /** The cases with a recorded variant of the decision (case_variant's index on decision, point, plugin, hash). */
    private static void variant(StringBuilder sql, List<Object> params, String decision, String point, String pluginId,
            String configurationHash) {
        sql.append(" AND s.case_id IN (SELECT v.case_id FROM case_variant v WHERE v.decision = ? AND v.extension_point = ?");
        params.add(decision);
        params.add(point);
        if (pluginId != null) {
            sql.append(" AND v.plugin_id = ?");
            params.add(pluginId);
        } else {
            sql.append(" AND v.plugin_id IS NULL");
        }
        if (configurationHash != null) {
            sql.append(" AND v.configuration_hash = ?");
            params.add(configurationHash);
        }
        sql.append(')');
    }

    /** The sums of V32's experience_1..5 (members whose newest score in the case is k). */
    private static final String EXPERIENCE_SUMS = " SUM(s.experience_1), SUM(s.experience_2), SUM(s.experience_3),"
            + " SUM(s.experience_4), SUM(s.experience_5)";

    @Override
    public SortedMap<Integer, Long> histogram(Connection c, Filter filter, Measure measure) throws SQLException {
        Dialect d = dialect(c);
        List<Object> params = new ArrayList<>();
        SortedMap<Integer, Long> out = new TreeMap<>();
        if (measure == Measure.CARE_WAITING_DAYS) {
            return careWaiting(c, d, filter, params);
        }
        if (measure == Measure.FAMILY_EXPERIENCE) {
            // each member's newest score: the summary row counts them per score (V32)
            Jdbc.list(c, "SELECT" + EXPERIENCE_SUMS + BASE + where(filter, params), rs -> {
                experience(rs, 1, out);
                return null;
            }, params.toArray());
            return out;
        }
        String inner = switch (measure) {
            case LEAD_TIME_DAYS -> "SELECT s.lead_days AS v" + BASE + where(filter, params) + " AND s.lead_days IS NOT NULL";
            case PROFESSIONALS -> "SELECT s.professionals AS v" + BASE + where(filter, params);
            case HANDOVERS -> "SELECT s.handovers AS v" + BASE + where(filter, params);
            case CARE_WAITING_DAYS, FAMILY_EXPERIENCE -> throw new IllegalStateException("read above: " + measure);
        };
        for (long[] row : Jdbc.list(c, "SELECT v, COUNT(*) AS n FROM (" + inner + ") y GROUP BY v",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, params.toArray())) {
            out.put((int) row[0], row[1]);
        }
        return out;
    }

    /** The waiting days of every allocated care request of the cohort's cases (V32: mostly from the summary row). */
    private static SortedMap<Integer, Long> careWaiting(Connection c, Dialect d, Filter filter, List<Object> params)
            throws SQLException {
        // a case with one allocated request carries its waiting days (V32): one pass over the cohort's
        // covering index, the cases with two or more counted under -1 (never a waiting time) ...
        SortedMap<Integer, Long> out = new TreeMap<>();
        for (long[] row : Jdbc.list(c, "SELECT CASE WHEN s.care_waits = 1 THEN s.care_wait_days ELSE -1 END AS v,"
                + " COUNT(*)" + BASE + where(filter, params) + " AND s.care_waits > 0"
                + " GROUP BY CASE WHEN s.care_waits = 1 THEN s.care_wait_days ELSE -1 END",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, params.toArray())) {
            out.put((int) row[0], row[1]);
        }
        if (out.remove(-1) == null) {
            return out;
        }
        // ... and only when there are such cases, their requests from care_request (rare)
        String days = d.days(d.day("r.requested_at"), d.day("r.allocated_at"));
        List<Object> more = new ArrayList<>();
        String sql = "SELECT v, COUNT(*) FROM (SELECT CASE WHEN " + days + " < 0 THEN 0 ELSE " + days + " END AS v"
                + BASE + " JOIN care_request r ON r.case_id = s.case_id AND r.allocated_at IS NOT NULL"
                + where(filter, more) + " AND s.care_waits > 1) y GROUP BY v";
        for (long[] row : Jdbc.list(c, sql, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, more.toArray())) {
            out.merge((int) row[0], row[1], Long::sum);
        }
        return out;
    }

    /** Adds the five score sums from column {@code first} on to the histogram (scores without members left out). */
    private static void experience(java.sql.ResultSet rs, int first, SortedMap<Integer, Long> out) throws SQLException {
        for (int score = 1; score <= 5; score++) {
            long n = rs.getLong(first + score - 1);
            if (n > 0) {
                out.merge(score, n, Long::sum);
            }
        }
    }

    /** The ten {@link Counts} of a cohort, in their order: cases, then the yes/no figures summed. */
    private static final String COUNTS = "COUNT(*),"
            + " SUM(CASE WHEN s.outcome IS NOT NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.outcome IS NOT NULL AND s.outcome <> 'UNKNOWN' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.framework = 'COMPULSORY' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.raad_requests > 0 THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.measure_type IS NOT NULL OR s.outcome = 'COURT_MEASURE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.outcome = 'OUT_OF_HOME_PLACED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.outcome = 'OUT_OF_HOME_PREVENTED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN s.outcome IS NOT NULL THEN s.repeat_signal ELSE 0 END),"
            + " SUM(CASE WHEN s.status = 'OPEN' AND s.first_help_on IS NULL THEN 1 ELSE 0 END)";

    @Override
    public Counts counts(Connection c, Filter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COUNTS + BASE + where(filter, params);
        return Jdbc.one(c, sql, rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                params.toArray()).orElseThrow();
    }

    @Override
    public CaseFigures caseFigures(Connection c, Filter filter) throws SQLException {
        // one GROUP BY over the three per-case measures (at most a few thousand groups), the yes/no counts
        // summed per group: the histograms and the counts are its margins (decision 0042)
        List<Object> params = new ArrayList<>();
        String sql = "SELECT s.lead_days, s.professionals, s.handovers, " + COUNTS + ","
                + EXPERIENCE_SUMS + BASE + where(filter, params) + " GROUP BY s.lead_days, s.professionals, s.handovers";
        long[] counts = new long[10];
        SortedMap<Integer, Long> lead = new TreeMap<>();
        SortedMap<Integer, Long> professionals = new TreeMap<>();
        SortedMap<Integer, Long> handovers = new TreeMap<>();
        SortedMap<Integer, Long> experience = new TreeMap<>();
        Jdbc.list(c, sql, rs -> {
            int leadDays = rs.getInt(1);
            boolean noLead = rs.wasNull();
            long n = rs.getLong(4);
            if (!noLead) {
                lead.merge(leadDays, n, Long::sum);
            }
            professionals.merge(rs.getInt(2), n, Long::sum);
            handovers.merge(rs.getInt(3), n, Long::sum);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += rs.getLong(4 + i);
            }
            experience(rs, 4 + counts.length, experience);
            return null;
        }, params.toArray());
        return new CaseFigures(new Counts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                counts[7], counts[8], counts[9]), lead, professionals, handovers, experience);
    }

    @Override
    public List<CaseRow> rows(Connection c, Filter filter, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT s.*" + BASE + where(filter, params) + " ORDER BY s.signal_received_on, s.case_id LIMIT ?";
        params.add(limit);
        return Jdbc.list(c, sql, rs -> {
            long revision = rs.getLong("triage_binding_revision");
            Long rev = rs.wasNull() ? null : revision;
            int lead = rs.getInt("lead_days");
            Integer leadDays = rs.wasNull() ? null : lead;
            return new CaseRow(rs.getString("case_id"), rs.getString("municipality"), date(rs, "signal_received_on"),
                    rs.getString("framework"), rs.getString("triage_plugin"), rs.getString("triage_configuration_hash"),
                    rev, leadDays, rs.getInt("professionals"), rs.getInt("handovers"), rs.getInt("raad_requests"),
                    rs.getString("measure_type"), rs.getString("outcome"), date(rs, "closed_on"),
                    rs.getString("outcome") != null && rs.getInt("repeat_signal") == 1);
        }, params.toArray());
    }

    @Override
    public void recordVariant(Connection c, String caseId, String decision, String point, String pluginId,
            String configurationHash, long bindingRevision, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_variant (case_id, decision, extension_point, plugin_id, configuration_hash,"
                + " binding_revision, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", caseId, decision, point, pluginId,
                configurationHash, bindingRevision, Jdbc.instant(at));
    }

    @Override
    public List<Variant> variants(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT decision, extension_point, plugin_id, configuration_hash, binding_revision, recorded_at"
                + " FROM case_variant WHERE case_id = ? ORDER BY id", rs -> new Variant(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), Jdbc.instant(rs, "recorded_at")), caseId);
    }
}
