package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import nl.proeftuin.core.store.internal.SyntheticCases.Spec;
import nl.proeftuin.core.store.monitor.MonitorStore;
import nl.proeftuin.core.store.monitor.MonitorStore.Bucket;
import nl.proeftuin.core.store.monitor.MonitorStore.CaseCounts;
import nl.proeftuin.core.store.monitor.MonitorStore.Figure;
import nl.proeftuin.core.store.monitor.MonitorStore.FrameworkCount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The monitor's tally (V33, decision 0045) on H2 and PostgreSQL: what the monitor reads from it is what
 * the summary rows give when counted one by one (the definition, computed here in Java), after cases are
 * written, changed through their tables, erased, and after the tally is folded, rebuilt or backfilled by
 * V33. Without the tally's maintenance in the summary refresh or the erasure, the figures go stale and
 * these tests fail.
 */
class MonitorTallyTest {
    static final LocalDate D = LocalDate.of(2026, 1, 5);
    /** The days the monitor asks for: month ends and a day inside a month. */
    /** The days the folding takes for today: one within the cases' first months, one a year later. */
    static final LocalDate EARLY = LocalDate.of(2026, 2, 20);
    static final LocalDate LATE = LocalDate.of(2027, 4, 10);
    /** The days the monitor asks for: month ends, and a today after every case's opening and closing. */
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31),
            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2027, 6, 15),
            LocalDate.of(2027, 12, 31));

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        JdbcDatabase db;
        final MonitorStore store = new JdbcMonitorStore();
        List<String> ids;

        abstract JdbcDatabase start() throws Exception;

        abstract void stop() throws Exception;

        @BeforeAll
        void open() throws Exception {
            db = start();
            List<Spec> specs = new ArrayList<>();
            String[] municipalities = {"Arnhem", "Ede", "Zutphen"};
            for (int i = 0; i < 30; i++) {
                boolean closed = i % 3 == 0;
                specs.add(new Spec(municipalities[i % 3], "f" + (i % 11), D.plusDays(i * 7L), "threeway", "a", 1,
                        i % 4 == 0 ? null : i % 17, i % 4, i % 3, i % 5 == 0, false, closed ? "GOALS_REACHED" : null,
                        10 + i * 3, null, null));
            }
            ids = db.inTransaction(c -> SyntheticCases.insert(c, specs));
        }

        @AfterAll
        void close() throws Exception {
            try {
                if (db != null) {
                    db.close();
                }
            } finally {
                stop();
            }
        }

        @Test
        void theTallyGivesWhatTheSummaryRowsGiveThroughChangesErasureAndFolding() throws Exception {
            assertAgree("synthetic cases");

            // changes through the case tables, then the refresh a store's write runs before its commit
            String open = ids.get(1);
            String withoutHelp = ids.get(4);
            String staffed = ids.get(7);
            String changing = ids.get(10);
            db.inTransaction(c -> {
                Jdbc.update(c, "UPDATE family_case SET status = 'CLOSED' WHERE id = ?", open);
                Jdbc.update(c, "INSERT INTO case_outcome (case_id, outcome, reasons, closed_on, closed_at, recorded_by)"
                        + " VALUES (?, 'GOALS_REACHED', 'test', ?, ?, 't')", open, LocalDate.of(2026, 2, 14),
                        java.time.Instant.parse("2026-02-14T10:00:00Z"));
                Jdbc.update(c, "INSERT INTO plan_version (case_id, version_no, content, created_at, created_by)"
                        + " VALUES (?, 9, '{}', ?, 't')", withoutHelp, java.time.Instant.parse("2026-03-01T10:00:00Z"));
                Jdbc.update(c, "UPDATE assignment SET until_date = ? WHERE case_id = ?", LocalDate.of(2026, 3, 1),
                        staffed);
                String event = UUID.randomUUID().toString();
                Jdbc.update(c, "INSERT INTO case_event (id, case_id, event_type, detail, occurred_at, recorded_by)"
                        + " VALUES (?, ?, 'FRAMEWORK_CHANGED', 'test', ?, 't')", event, changing,
                        java.time.Instant.parse("2026-02-20T10:00:00Z"));
                Jdbc.update(c, "INSERT INTO case_framework_change (event_id, case_id, changed_on, from_framework,"
                        + " to_framework, seq_no) VALUES (?, ?, ?, 'VOLUNTARY', 'COMPULSORY', 1)", event, changing,
                        LocalDate.of(2026, 2, 20));
                CaseSummaries.refresh(c, List.of(open, withoutHelp, staffed, changing));
                return null;
            });
            assertAgree("after a closing, a first plan, ended assignments and a framework change");
            assertTrue(deltas() > 0, "the changes are appended");

            // a rolled-back change leaves the tally as it was
            try {
                db.inTransaction(c -> {
                    Jdbc.update(c, "UPDATE family_case SET status = 'CLOSED' WHERE id = ?", ids.get(2));
                    CaseSummaries.refresh(c, List.of(ids.get(2)));
                    throw new SQLException("rolled back");
                });
            } catch (SQLException expected) {
                // the test's own
            }
            assertAgree("after a rollback");

            // an erased case no longer counts
            JdbcErasureStore erasure = new JdbcErasureStore();
            db.inTransaction(c -> {
                erasure.removeCase(c, ids.get(5));
                erasure.removeCase(c, ids.get(9));
                return null;
            });
            assertAgree("after erasure");

            // folding: no delta rows left, the same figures; folding again folds nothing
            Map<String, Long> before = sums();
            int folded = db.inTransaction(c -> store.compactTally(c, EARLY));
            assertTrue(folded > 0);
            assertEquals(0, deltas());
            assertEquals(before, sums());
            assertEquals(0, (int) db.inTransaction(c -> store.compactTally(c, EARLY)));
            assertAgree("after folding");

            // a change after folding, folded into an existing summed row
            db.inTransaction(c -> {
                Jdbc.update(c, "UPDATE family_case SET status = 'CLOSED' WHERE id = ?", ids.get(13));
                Jdbc.update(c, "INSERT INTO case_outcome (case_id, outcome, reasons, closed_on, closed_at, recorded_by)"
                        + " VALUES (?, 'GOALS_REACHED', 'test', ?, ?, 't')", ids.get(13), LocalDate.of(2026, 6, 1),
                        java.time.Instant.parse("2026-06-01T10:00:00Z"));
                CaseSummaries.refresh(c, List.of(ids.get(13)));
                return null;
            });
            db.inTransaction(c -> store.compactTally(c, EARLY));
            assertAgree("after a second folding");
            Map<String, Long> folded2 = sums();

            // a rebuild from the summary rows and V33's backfill give the same counts
            db.inTransaction(c -> {
                MonitorTally.rebuild(c);
                return null;
            });
            assertEquals(folded2, sums(), "rebuilt");
            String v33 = Files.readString(Path.of("src/main/resources/db/migration/V33__monitor_tally.sql"));
            String backfill = v33.substring(v33.indexOf("INSERT INTO monitor_tally")).replaceAll("(?m)^\\s*--.*$", "")
                    .replace(";", "").trim();
            db.inTransaction(c -> {
                Jdbc.update(c, "DELETE FROM monitor_tally");
                Jdbc.update(c, backfill);
                return null;
            });
            assertAgree("after V33's backfill (by day)");
            db.inTransaction(c -> store.compactTally(c, EARLY));
            assertEquals(folded2, sums(), "V33's backfill, folded onto month ends");

            // folding a year later counts the months before the monitor's twelve as one: fewer counts, the
            // same figures at the month ends the monitor asks for then (and after folding again)
            int before2 = db.read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM monitor_tally", rs -> rs.getInt(1))).orElseThrow();
            assertTrue(db.inTransaction(c -> store.compactTally(c, LATE)) > 0);
            int after = db.read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM monitor_tally", rs -> rs.getInt(1))).orElseThrow();
            assertTrue(after < before2, after + " counts after folding a year later, " + before2 + " before");
            LocalDate base = LocalDate.ofEpochDay(MonitorTally.base(LATE));
            List<LocalDate> window = DAYS.stream().filter(d -> !d.isBefore(base)).toList();
            assertEquals(4, window.size());
            assertAgree("after folding a year later", window);
            db.inTransaction(c -> {
                Jdbc.update(c, "UPDATE family_case SET status = 'CLOSED' WHERE id = ?", ids.get(16));
                Jdbc.update(c, "INSERT INTO case_outcome (case_id, outcome, reasons, closed_on, closed_at, recorded_by)"
                        + " VALUES (?, 'GOALS_REACHED', 'test', ?, ?, 't')", ids.get(16), LocalDate.of(2026, 5, 3),
                        java.time.Instant.parse("2026-05-03T10:00:00Z"));
                CaseSummaries.refresh(c, List.of(ids.get(16)));
                return null;
            });
            assertAgree("a closing in an old month after that", window);
            db.inTransaction(c -> store.compactTally(c, LATE));
            assertAgree("after folding it too", window);
            List<Integer> days = db.read(c -> Jdbc.list(c, "SELECT v FROM monitor_tally WHERE measure IN ('FO', 'FC')",
                    rs -> rs.getInt(1)));
            for (int v : days) {
                LocalDate day = LocalDate.ofEpochDay(v);
                assertTrue(day.equals(base) || day.isAfter(base) && day.getDayOfMonth() == day.lengthOfMonth(),
                        "a count on " + day);
            }
        }

        /** The tally's counts by key (municipality, measure, framework, value), zero sums left out. */
        Map<String, Long> sums() throws SQLException {
            return db.read(c -> {
                Map<String, Long> out = new TreeMap<>();
                for (var e : MonitorTally.read(c, MonitorTally.CASES, MonitorTally.OPEN, MonitorTally.WAITING,
                        MonitorTally.LEAD, MonitorTally.ACTIVE, MonitorTally.HANDOVERS, MonitorTally.OPENED,
                        MonitorTally.CLOSED)) {
                    out.put(e.getKey().toString(), e.getValue());
                }
                return out;
            });
        }

        long deltas() throws SQLException {
            return db.read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM monitor_tally WHERE delta", rs -> rs.getLong(1))
                    .orElseThrow());
        }

        void assertAgree(String when) throws SQLException {
            assertAgree(when, DAYS);
        }

        void assertAgree(String when, List<LocalDate> days) throws SQLException {
            db.read(c -> {
                List<Row> rows = Jdbc.list(c, "SELECT s.case_id, s.municipality, s.status, s.first_help_on, s.lead_days,"
                        + " s.active_professionals, s.handovers, s.framework, s.framework_changes, s.opened_on, s.closed_on"
                        + " FROM case_summary s", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4) != null, (Integer) rs.getObject(5), rs.getInt(6), rs.getInt(7),
                                rs.getString(8), rs.getInt(9), Jdbc.date(rs, "opened_on"), Jdbc.date(rs, "closed_on")));
                List<Change> changes = Jdbc.list(c, "SELECT case_id, changed_on, from_framework, to_framework FROM"
                        + " case_framework_change ORDER BY seq_no", rs -> new Change(rs.getString(1),
                                Jdbc.date(rs, "changed_on"), rs.getString(3), rs.getString(4)));
                assertEquals(liveCounts(rows), sorted(store.caseCounts(c), Comparator.comparing(CaseCounts::municipality)),
                        when);
                for (Figure f : Figure.values()) {
                    assertEquals(liveHistogram(rows, f), sorted(store.histogram(c, f), BUCKETS), when + ": " + f);
                }
                assertEquals(liveFrameworks(rows, changes, days), store.frameworks(c, days), when + ": frameworks");
                return null;
            });
        }
    }

    record Row(String caseId, String municipality, String status, boolean helped, Integer lead, int active,
            int handovers, String framework, int frameworkChanges, LocalDate opened, LocalDate closed) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    record Change(String caseId, LocalDate on, String from, String to) {
    }

    static final Comparator<Bucket> BUCKETS = Comparator.comparing(Bucket::municipality).thenComparing(Bucket::value);

    static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return list.stream().sorted(order).toList();
    }

    // --- the definitions, case by case

    static List<CaseCounts> liveCounts(List<Row> rows) {
        Map<String, long[]> by = new TreeMap<>();
        for (Row r : rows) {
            long[] n = by.computeIfAbsent(r.municipality(), m -> new long[3]);
            n[0]++;
            n[1] += r.open() ? 1 : 0;
            n[2] += r.open() && !r.helped() ? 1 : 0;
        }
        List<CaseCounts> out = new ArrayList<>();
        by.forEach((m, n) -> out.add(new CaseCounts(m, n[0], n[1], n[2])));
        return out;
    }

    static List<Bucket> liveHistogram(List<Row> rows, Figure figure) {
        Map<String, Map<Integer, Long>> by = new TreeMap<>();
        for (Row r : rows) {
            Integer v = switch (figure) {
                case LEAD_TIME_DAYS -> r.lead();
                case ACTIVE_PROFESSIONALS -> r.open() ? r.active() : null;
                case HANDOVERS -> r.handovers();
            };
            if (v != null) {
                by.computeIfAbsent(r.municipality(), m -> new TreeMap<>()).merge(v, 1L, Long::sum);
            }
        }
        List<Bucket> out = new ArrayList<>();
        by.forEach((m, values) -> values.forEach((v, n) -> out.add(new Bucket(m, v, n))));
        return out;
    }

    /** Open at the end of the day: opened on or before it, not closed by it; in the framework of that day. */
    static List<FrameworkCount> liveFrameworks(List<Row> rows, List<Change> changes, List<LocalDate> days) {
        Map<List<Object>, Long> counts = new TreeMap<>(Comparator.comparing((List<Object> k) -> (LocalDate) k.get(0))
                .thenComparing(k -> (String) k.get(1)).thenComparing(k -> (String) k.get(2)));
        for (LocalDate day : days) {
            for (Row r : rows) {
                if (r.opened().isAfter(day) || (r.closed() != null && !r.closed().isAfter(day))) {
                    continue;
                }
                String framework = r.framework();
                if (r.frameworkChanges() > 0) {
                    List<Change> mine = changes.stream().filter(x -> x.caseId().equals(r.caseId())).toList();
                    framework = mine.get(0).from();
                    for (Change x : mine) {
                        if (!x.on().isAfter(day)) {
                            framework = x.to();
                        }
                    }
                }
                counts.merge(List.of(day, r.municipality(), framework), 1L, Long::sum);
            }
        }
        List<FrameworkCount> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new FrameworkCount((LocalDate) k.get(0), (String) k.get(1), (String) k.get(2), n)));
        return out;
    }

    @Nested
    class OnH2 extends Contract {
        private final StoreEngines.H2 engine = new StoreEngines.H2("proeftuin-tally");

        @Override
        JdbcDatabase start() throws Exception {
            return engine.start();
        }

        @Override
        void stop() throws Exception {
            engine.stop();
        }
    }

    @Nested
    class OnPostgreSql extends Contract {
        private final StoreEngines.Postgres engine = new StoreEngines.Postgres();

        @Override
        JdbcDatabase start() throws Exception {
            return engine.start();
        }

        @Override
        void stop() throws Exception {
            engine.stop();
        }
    }
}
