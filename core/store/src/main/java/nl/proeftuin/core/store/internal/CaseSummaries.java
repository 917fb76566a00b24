package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The per-case summary rows ({@code case_summary}, V26, decision 0037) the comparison and the monitor
 * read instead of the case tables: every store write that changes a figure of a case marks the case
 * ({@link #touch}); {@link JdbcDatabase} refreshes the marked cases' rows just before the transaction
 * commits ({@link #flush}), so a row is never older than the committed data and a rolled-back change
 * leaves it as it was ({@link JdbcDatabase#read} refreshes after its work too, for a write with
 * auto-commit). A connection that is not the platform's {@link JdbcDatabase} (a bulk load, a test on an
 * older schema) is not refreshed: such a writer calls {@link #refresh} itself.
 *
 * <p>A refresh recomputes the whole row of the case from the case tables with index probes on the
 * case's key (the same SELECT as V26's backfill), and marks the earlier closed cases of the case's
 * members as followed by a repeat signal when this case's signal falls within twelve months of their
 * closing.
 */
public final class CaseSummaries {

    /** The marked cases of each open transaction, by connection (identity; weak: a forgotten one goes). */
    private static final Map<Connection, Set<String>> DIRTY = Collections.synchronizedMap(new WeakHashMap<>());

    static final String COLUMNS = "case_id, municipality, signal_received_on, status, framework, measure_type,"
            + " opened_on, first_help_on, lead_days, professionals, active_professionals, handovers, raad_requests,"
            + " outcome, closed_on, repeat_signal, triage_plugin, triage_configuration_hash, triage_binding_revision,"
            + " framework_changes, experience_1, experience_2, experience_3, experience_4, experience_5, care_waits,"
            + " care_wait_days";

    /** The summary row of every case of {@code family_case k} that the WHERE clause appended selects (V26's backfill). */
    static final String SELECT = "SELECT y.id, y.municipality, y.signal_received_on, y.status, y.framework,"
            + " y.measure_type, y.opened_on, y.first_help_on,"
            + " CASE WHEN y.first_help_on IS NULL THEN NULL WHEN y.first_help_on < y.signal_received_on THEN 0"
            + " ELSE CAST(y.first_help_on - y.signal_received_on AS INTEGER) END,"
            + " y.professionals, y.active_professionals, y.handovers, y.raad_requests, y.outcome, y.closed_on,"
            + " y.repeat_signal, y.triage_plugin, y.triage_configuration_hash, y.triage_binding_revision,"
            + " y.framework_changes, y.experience_1, y.experience_2, y.experience_3, y.experience_4, y.experience_5,"
            + " y.care_waits, CASE WHEN y.care_waits <> 1 THEN NULL WHEN y.care_wait < 0 THEN 0 ELSE y.care_wait END"
            + " FROM (SELECT x.*, CAST(LEAST(COALESCE(x.fp, x.fc), COALESCE(x.fc, x.fp)) AT TIME ZONE"
            + " 'Europe/Amsterdam' AS DATE) AS first_help_on"
            + " FROM (SELECT k.id, k.municipality, k.signal_received_on, k.status, k.framework, k.measure_type,"
            + " CAST(k.opened_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) AS opened_on,"
            + " (SELECT MIN(p.created_at) FROM plan_version p WHERE p.case_id = k.id) AS fp,"
            + " (SELECT MIN(r.requested_at) FROM care_request r WHERE r.case_id = k.id) AS fc,"
            + " (SELECT COUNT(DISTINCT a.professional_id) FROM assignment a WHERE a.case_id = k.id) AS professionals,"
            + " (SELECT COUNT(DISTINCT a.professional_id) FROM assignment a WHERE a.case_id = k.id"
            + " AND a.until_date IS NULL) AS active_professionals,"
            + " (SELECT COUNT(*) FROM handover h WHERE h.case_id = k.id) AS handovers,"
            + " (SELECT COUNT(*) FROM court_request q WHERE q.case_id = k.id) AS raad_requests,"
            + " o.outcome, o.closed_on,"
            + " CASE WHEN o.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM case_member m1"
            + " JOIN case_member m2 ON m2.person_id = m1.person_id AND m2.case_id <> m1.case_id"
            + " JOIN family_case k2 ON k2.id = m2.case_id"
            + " WHERE m1.case_id = k.id AND k2.signal_received_on >= o.closed_on"
            + " AND k2.signal_received_on <= CAST(o.closed_on + INTERVAL '12' MONTH AS DATE))"
            + " THEN 1 ELSE 0 END AS repeat_signal,"
            + " t.plugin_id AS triage_plugin, t.configuration_hash AS triage_configuration_hash,"
            + " t.binding_revision AS triage_binding_revision,"
            + " (SELECT COUNT(*) FROM case_framework_change f WHERE f.case_id = k.id) AS framework_changes,"
            + newest(1) + newest(2) + newest(3) + newest(4) + newest(5)
            + " (SELECT COUNT(*) FROM care_request r WHERE r.case_id = k.id AND r.allocated_at IS NOT NULL) AS care_waits,"
            + " (SELECT MIN(CAST(CAST(r.allocated_at AT TIME ZONE 'Europe/Amsterdam' AS DATE)"
            + " - CAST(r.requested_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) AS INTEGER)) FROM care_request r"
            + " WHERE r.case_id = k.id AND r.allocated_at IS NOT NULL) AS care_wait"
            + " FROM family_case k"
            + " LEFT JOIN triage_outcome t ON t.case_id = k.id"
            + " AND t.seq_no = (SELECT MIN(t2.seq_no) FROM triage_outcome t2 WHERE t2.case_id = k.id)"
            + " LEFT JOIN case_outcome o ON o.case_id = k.id";
    private static final String END = ") x) y";

    /**
     * How many members of case {@code k} have {@code score} as their newest family-experience score in it
     * (V32: the family-experience figure sums these per score).
     */
    private static String newest(int score) {
        return " (SELECT COUNT(*) FROM family_experience e WHERE e.case_id = k.id AND e.score = " + score
                + " AND NOT EXISTS (SELECT 1 FROM family_experience e2 WHERE e2.case_id = e.case_id"
                + " AND e2.person_id = e.person_id AND e2.seq_no > e.seq_no)) AS experience_" + score + ",";
    }

    /** The framework change of one FRAMEWORK_CHANGED event (V26's backfill of case_framework_change). */
    static final String FRAMEWORK_CHANGE = "INSERT INTO case_framework_change (event_id, case_id, changed_on,"
            + " from_framework, to_framework, seq_no) SELECT e.id, e.case_id,"
            + " CAST(e.occurred_at AT TIME ZONE 'Europe/Amsterdam' AS DATE),"
            + " CASE WHEN e.payload LIKE '%\"from\":\"COMPULSORY\"%' THEN 'COMPULSORY'"
            + " WHEN e.payload LIKE '%\"from\":\"CONDITIONAL\"%' THEN 'CONDITIONAL' ELSE 'VOLUNTARY' END,"
            + " CASE WHEN e.payload LIKE '%\"to\":\"COMPULSORY\"%' THEN 'COMPULSORY'"
            + " WHEN e.payload LIKE '%\"to\":\"CONDITIONAL\"%' THEN 'CONDITIONAL' ELSE 'VOLUNTARY' END,"
            + " e.seq_no FROM case_event e WHERE e.id = ? AND e.event_type = 'FRAMEWORK_CHANGED' AND e.payload IS NOT NULL";

    private CaseSummaries() {
    }

    /**
     * Marks a case whose figures a write changed: refreshed before this transaction commits.
     *
     * @param c      the connection the write ran on
     * @param caseId the case, or null (nothing to do)
     */
    public static void touch(Connection c, String caseId) throws SQLException {
        if (caseId == null) {
            return;
        }
        DIRTY.computeIfAbsent(c, k -> Collections.synchronizedSet(new LinkedHashSet<>())).add(caseId);
    }

    /** Refreshes the rows of the cases marked on this connection; called by the transaction just before its commit. */
    static void flush(Connection c) throws SQLException {
        Set<String> marked = DIRTY.remove(c);
        if (marked != null && !marked.isEmpty()) {
            List<String> ids;
            synchronized (marked) {
                ids = new ArrayList<>(marked);
            }
            refresh(c, ids);
        }
    }

    /** Forgets the marks of a transaction that rolled back. */
    static void forget(Connection c) {
        DIRTY.remove(c);
    }

    /**
     * Recomputes the summary rows of the cases (a case that no longer exists loses its row) and the
     * repeat-signal mark of the earlier cases of their members.
     *
     * <p>Locks, in this order: the cases' rows ({@code family_case}, ids in order), then the rows of
     * their members ({@code person}, ids in order; PostgreSQL {@code FOR NO KEY UPDATE}, so adding a
     * member elsewhere is not held up). The person lock makes a refresh of a case and the repeat mark
     * another transaction sets on it through a shared member take turns (decision 0042): without it,
     * a refresh that rewrote an earlier case's row (no repeat signal yet: the later case was not
     * committed) and the later case's mark on the row it replaced could both commit, and the mark was
     * lost; and a mark could miss an earlier case whose closing was not committed yet. Each statement
     * after the locks reads what the other transaction committed.
     */
    public static void refresh(Connection c, List<String> caseIds) throws SQLException {
        if (c.getAutoCommit()) {
            // a write with auto-commit (JdbcDatabase#read): the refresh in a transaction of its own, under the
            // same locks, so that a row and its tally counts (V33) change together and once
            c.setAutoCommit(false);
            try {
                refresh(c, caseIds);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return;
        }
        List<String> sorted = caseIds.stream().distinct().sorted().toList();
        for (int from = 0; from < sorted.size(); from += 500) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + 500));
            Object[] ids = chunk.toArray();
            String in = " IN (" + Jdbc.placeholders(chunk.size()) + ")";
            // one refresh of a case at a time (two transactions would both insert its row): the case's lock
            Jdbc.list(c, "SELECT id FROM family_case WHERE id" + in + " ORDER BY id FOR UPDATE", rs -> rs.getString(1), ids);
            lockMembers(c, in, ids);
            // the monitor's tally (V33): the rows' old contributions out, their new ones in
            Map<MonitorTally.Key, Long> difference = new java.util.HashMap<>();
            MonitorTally.contributions(c, in, ids, -1, difference);
            Jdbc.update(c, "DELETE FROM case_summary WHERE case_id" + in, ids);
            Jdbc.update(c, "INSERT INTO case_summary (" + COLUMNS + ") " + SELECT + " WHERE k.id" + in + END, ids);
            MonitorTally.contributions(c, in, ids, 1, difference);
            MonitorTally.change(c, difference);
            mark(c, in, ids);
        }
    }

    /**
     * Locks the members of the cases (persons, ids in order): a refresh of a case and a repeat mark on it
     * through a shared member take turns (see {@link #refresh}).
     */
    private static void lockMembers(Connection c, String in, Object[] ids) throws SQLException {
        Jdbc.list(c, "SELECT p.id FROM person p WHERE p.id IN (SELECT m.person_id FROM case_member m WHERE m.case_id" + in
                + ") ORDER BY p.id" + personLock(c), rs -> rs.getString(1), ids);
    }

    /**
     * The lock every transaction takes on {@code person} rows it must hold still (ids in order): PostgreSQL
     * {@code FOR NO KEY UPDATE}, so that a member row elsewhere can still reference the person; H2 {@code FOR
     * UPDATE}. One mode for all takers (this refresh, an opening under one family, one case), so they take turns.
     */
    static String personLock(Connection c) throws SQLException {
        return Jdbc.postgres(c) ? " FOR NO KEY UPDATE" : " FOR UPDATE";
    }

    /** Marks the earlier closed cases of these cases' members whose repeat signal one of these cases is. */
    private static void mark(Connection c, String in, Object[] ids) throws SQLException {
        Jdbc.update(c, "UPDATE case_summary SET repeat_signal = 1 WHERE case_id IN (SELECT e1.case_id FROM case_member e2"
                + " JOIN case_member e1 ON e1.person_id = e2.person_id AND e1.case_id <> e2.case_id WHERE e2.case_id" + in
                + ") AND repeat_signal = 0 AND closed_on IS NOT NULL AND EXISTS (SELECT 1 FROM case_member m1 JOIN case_member m2 ON m2.person_id = m1.person_id"
                + " AND m2.case_id <> m1.case_id JOIN family_case k2 ON k2.id = m2.case_id"
                + " WHERE m1.case_id = case_summary.case_id AND m2.case_id" + in
                + " AND k2.signal_received_on >= case_summary.closed_on"
                + " AND k2.signal_received_on <= CAST(case_summary.closed_on + INTERVAL '12' MONTH AS DATE))",
                concat(ids, ids));
    }

    /**
     * The repeat-signal marks of bulk-written cases (SyntheticCases writes their rows from known values):
     * theirs, and those of the earlier cases of their members. Index probes per case, as a refresh does;
     * under the members' locks when in a transaction, as a refresh.
     */
    static void markRepeats(Connection c, List<String> caseIds) throws SQLException {
        for (int from = 0; from < caseIds.size(); from += 500) {
            List<String> chunk = caseIds.subList(from, Math.min(caseIds.size(), from + 500));
            Object[] ids = chunk.toArray();
            String in = " IN (" + Jdbc.placeholders(chunk.size()) + ")";
            if (!c.getAutoCommit()) {
                lockMembers(c, in, ids);
            }
            // any later case, not only these: a bulk-written case can be an earlier one of a case written before
            Jdbc.update(c, "UPDATE case_summary SET repeat_signal = 1 WHERE case_id IN (SELECT e1.case_id FROM case_member e2"
                    + " JOIN case_member e1 ON e1.person_id = e2.person_id AND e1.case_id <> e2.case_id WHERE e2.case_id" + in
                    + ") AND repeat_signal = 0 AND closed_on IS NOT NULL AND EXISTS (SELECT 1 FROM case_member m1"
                    + " JOIN case_member m2 ON m2.person_id = m1.person_id AND m2.case_id <> m1.case_id"
                    + " JOIN family_case k2 ON k2.id = m2.case_id WHERE m1.case_id = case_summary.case_id"
                    + " AND k2.signal_received_on >= case_summary.closed_on"
                    + " AND k2.signal_received_on <= CAST(case_summary.closed_on + INTERVAL '12' MONTH AS DATE))", ids);
        }
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Rebuilds every row (as V26's backfill does), and the monitor's tally: for bulk loads that bypass the stores. */
    public static int rebuildAll(Connection c) throws SQLException {
        Jdbc.update(c, "DELETE FROM case_summary");
        int rows = Jdbc.update(c, "INSERT INTO case_summary (" + COLUMNS + ") " + SELECT + END);
        MonitorTally.rebuild(c);
        return rows;
    }
}
