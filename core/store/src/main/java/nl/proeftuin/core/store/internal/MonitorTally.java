package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome monitor's tally ({@code monitor_tally}, V33, issue 13, decision 0045): what the cases
 * contribute to the monitor's per-municipality figures, as signed counts, so that the monitor reads a
 * bounded number of counts instead of every case of the region.
 *
 * <p>A case's summary row contributes one count to each figure it is in:
 * <ul>
 * <li>{@code C}: a case; {@code O}: an open case; {@code W}: an open case without first help;</li>
 * <li>{@code L}, {@code A}, {@code H} with value {@code v}: its lead time in days (when it had first
 * help), its active professionals (when open), its handovers;</li>
 * <li>{@code FO} and {@code FC} with its framework, for a case without framework changes: the last day
 * of the month it opened in and, when closed, of the month it closed in (never before the month it
 * opened; days since 1970-01-01). The cases open at the end of a month under a framework are the
 * {@code FO} counts up to that day minus the {@code FC} counts up to it; so are those open today, up to
 * the end of this month, as no case opens or closes on a later day than today. Folding collapses the
 * months before the monitor's twelve into one count ({@link #compact}). Cases with framework changes
 * are few; the monitor reads those one by one.</li>
 * </ul>
 *
 * <p>Every change to a summary row appends the difference between the row's old and new contributions
 * as delta rows, in the writing transaction ({@link #change}): nothing is updated in place, so two
 * transactions never wait for each other on a count. {@link #compact} folds the delta rows into the
 * summed rows; a reader sums every row, so what it reads does not depend on when that ran.
 */
final class MonitorTally {
    static final String CASES = "C";
    static final String OPEN = "O";
    static final String WAITING = "W";
    static final String LEAD = "L";
    static final String ACTIVE = "A";
    static final String HANDOVERS = "H";
    static final String OPENED = "FO";
    static final String CLOSED = "FC";

    private static final String ROW = "SELECT municipality, status, first_help_on, lead_days, active_professionals,"
            + " handovers, framework, framework_changes, opened_on, closed_on FROM case_summary";
    private static final String INSERT = "INSERT INTO monitor_tally (municipality, measure, framework, v, n, delta)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    /** One count of the tally: a figure of a municipality, with its framework ('' for none) and value. */
    record Key(String municipality, String measure, String framework, int value) {
    }

    private MonitorTally() {
    }

    /** The contributions of the summary rows of these cases, each counted {@code sign} times, added to {@code counts}. */
    static void contributions(Connection c, String in, Object[] ids, int sign, Map<Key, Long> counts) throws SQLException {
        Jdbc.list(c, ROW + " WHERE case_id" + in, rs -> {
            contribute(rs, sign, counts);
            return null;
        }, ids);
    }

    private static void contribute(ResultSet rs, int sign, Map<Key, Long> counts) throws SQLException {
        String m = rs.getString(1);
        boolean open = "OPEN".equals(rs.getString(2));
        add(counts, m, CASES, "", 0, sign);
        if (open) {
            add(counts, m, OPEN, "", 0, sign);
            if (rs.getObject(3) == null) {
                add(counts, m, WAITING, "", 0, sign);
            }
            add(counts, m, ACTIVE, "", rs.getInt(5), sign);
        }
        int lead = rs.getInt(4);
        if (!rs.wasNull()) {
            add(counts, m, LEAD, "", lead, sign);
        }
        add(counts, m, HANDOVERS, "", rs.getInt(6), sign);
        if (rs.getInt(8) == 0) {
            String framework = rs.getString(7);
            LocalDate opened = rs.getObject(9, LocalDate.class);
            LocalDate closed = rs.getObject(10, LocalDate.class);
            add(counts, m, OPENED, framework, (int) monthEnd(opened.toEpochDay()), sign);
            if (closed != null) {
                add(counts, m, CLOSED, framework, (int) monthEnd((closed.isBefore(opened) ? opened : closed).toEpochDay()),
                        sign);
            }
        }
    }

    private static void add(Map<Key, Long> counts, String municipality, String measure, String framework, int value,
            int sign) {
        counts.merge(new Key(municipality, measure, framework, value), (long) sign, Long::sum);
    }

    /**
     * Appends the counts that changed (non-zero) as delta rows: {@code difference} holds the cases' old
     * contributions counted -1 and their new ones +1, so what did not change cancels out.
     */
    static void change(Connection c, Map<Key, Long> difference) throws SQLException {
        write(c, difference, true);
    }

    private static void write(Connection c, Map<Key, Long> counts, boolean delta) throws SQLException {
        List<Map.Entry<Key, Long>> rows = counts.entrySet().stream().filter(e -> e.getValue() != 0).toList();
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map.Entry<Key, Long> e : rows) {
                Key k = e.getKey();
                Jdbc.bindAll(ps, k.municipality(), k.measure(), k.framework(), k.value(), e.getValue(), delta);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Adds the contributions of new summary rows written without a refresh (a bulk writer's). */
    static void added(Connection c, List<String> caseIds) throws SQLException {
        for (int from = 0; from < caseIds.size(); from += 500) {
            List<String> chunk = caseIds.subList(from, Math.min(caseIds.size(), from + 500));
            Map<Key, Long> counts = new HashMap<>();
            contributions(c, " IN (" + Jdbc.placeholders(chunk.size()) + ")", chunk.toArray(), 1, counts);
            change(c, counts);
        }
    }

    /** Rebuilds the whole tally from the summary rows (after {@link CaseSummaries#rebuildAll}, a bulk load). */
    static void rebuild(Connection c) throws SQLException {
        Jdbc.update(c, "DELETE FROM monitor_tally");
        Map<Key, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ROW)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contribute(rs, 1, counts);
                }
            }
        }
        write(c, counts, false);
    }

    /**
     * Folds the delta rows into the summed rows: removes them (exactly the rows this statement removed
     * are summed, so a concurrent writer's or compactor's rows are never lost or counted twice) and adds
     * their sums to a summed row of each count (a new summed row where there is none; a count may have
     * several, as readers sum them all).
     *
     * <p>It also keeps the {@code FO}/{@code FC} counts few: a day that is not its month's last (V33's
     * backfill wrote days) goes onto its month's last day, and the months before the twelve before
     * {@code today}'s month into one count on the last day before them ({@link #base}). Counts up to the
     * end of a month stay exact for that count's month end and every later one.
     *
     * @return how many rows were folded or moved
     */
    static int compact(Connection c, LocalDate today) throws SQLException {
        boolean postgres = Jdbc.postgres(c);
        long base = base(today);
        Map<Key, Long> sums = new HashMap<>();
        int rows = removed(c, postgres, "delta", new Object[0], base, sums);
        // the summed rows on a day that is not where it belongs, by id (the others stay as they are)
        List<Long> moved = new ArrayList<>();
        Jdbc.list(c, "SELECT id, v FROM monitor_tally WHERE measure IN ('" + OPENED + "', '" + CLOSED + "')"
                + " AND NOT delta", rs -> {
                    long v = rs.getLong(2);
                    if (v != day(v, base)) {
                        moved.add(rs.getLong(1));
                    }
                    return null;
                });
        for (int from = 0; from < moved.size(); from += 500) {
            List<Long> chunk = moved.subList(from, Math.min(moved.size(), from + 500));
            rows += removed(c, postgres, "id IN (" + Jdbc.placeholders(chunk.size()) + ")", chunk.toArray(), base, sums);
        }
        Map<Key, Long> fresh = new HashMap<>();
        for (Map.Entry<Key, Long> e : sums.entrySet()) {
            Key k = e.getKey();
            if (e.getValue() != 0 && Jdbc.update(c, "UPDATE monitor_tally SET n = n + ? WHERE id = (SELECT MIN(id)"
                    + " FROM monitor_tally WHERE measure = ? AND municipality = ? AND framework = ? AND v = ?"
                    + " AND NOT delta)", e.getValue(), k.measure(), k.municipality(), k.framework(), k.value()) == 0) {
                fresh.put(k, e.getValue());
            }
        }
        write(c, fresh, false);
        Jdbc.update(c, "DELETE FROM monitor_tally WHERE n = 0 AND NOT delta");
        return rows;
    }

    /**
     * The day the months before the twelve before {@code today}'s month are counted on: the last day of the
     * thirteenth month before it. The monitor's first month end is eleven months before today's.
     */
    static long base(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(12).minusDays(1).toEpochDay();
    }

    /** Where an {@code FO}/{@code FC} count of day {@code v} belongs: its month's last day, or the base before it. */
    private static long day(long v, long base) {
        return v <= base ? base : monthEnd(v);
    }

    /**
     * Removes the rows {@code where} selects and adds their counts to {@code sums}, the {@code FO}/{@code FC}
     * counts on the day they belong on.
     *
     * @return how many rows were removed
     */
    private static int removed(Connection c, boolean postgres, String where, Object[] params, long base,
            Map<Key, Long> sums) throws SQLException {
        String sql = postgres
                ? "DELETE FROM monitor_tally WHERE " + where + " RETURNING municipality, measure, framework, v, n"
                : "SELECT municipality, measure, framework, v, n FROM OLD TABLE (DELETE FROM monitor_tally WHERE " + where + ")";
        return Jdbc.list(c, sql, rs -> {
            String measure = rs.getString(2);
            long v = rs.getLong(4);
            if (OPENED.equals(measure) || CLOSED.equals(measure)) {
                v = day(v, base);
            }
            sums.merge(new Key(rs.getString(1), measure, rs.getString(3), (int) v), rs.getLong(5), Long::sum);
            return null;
        }, params).size();
    }

    /** The last day of the month of a day (days since 1970-01-01). */
    static long monthEnd(long epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        return day.withDayOfMonth(day.lengthOfMonth()).toEpochDay();
    }

    /** The summed counts of some measures: every row of theirs, delta and summed, added up (zero sums left out). */
    static List<Map.Entry<Key, Long>> read(Connection c, String... measures) throws SQLException {
        List<Map.Entry<Key, Long>> out = new ArrayList<>();
        Jdbc.list(c, "SELECT municipality, measure, framework, v, SUM(n) FROM monitor_tally WHERE measure IN ("
                + Jdbc.placeholders(measures.length) + ") GROUP BY municipality, measure, framework, v"
                + " HAVING SUM(n) <> 0", rs -> out.add(Map.entry(new Key(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4)), rs.getLong(5))), (Object[]) measures);
        return out;
    }
}
