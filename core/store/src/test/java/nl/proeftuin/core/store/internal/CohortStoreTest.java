package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.cohorts.CohortStore.Filter;
import nl.proeftuin.core.store.cohorts.CohortStore.Measure;
import nl.proeftuin.core.store.cohorts.MunicipalityGroupStore;
import nl.proeftuin.core.store.internal.SyntheticCases.Spec;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.osgi.PGDataSourceFactory;

/** The cohort aggregations (issue 15), on H2 and PostgreSQL, over synthetic cases with known values. */
class CohortStoreTest {
    static final LocalDate D = LocalDate.of(2026, 1, 5);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        JdbcDatabase db;
        final JdbcCohortStore store = new JdbcCohortStore();
        final JdbcOutcomeStore outcomes = new JdbcOutcomeStore();
        List<String> ids;

        abstract JdbcDatabase start() throws Exception;

        abstract void stop() throws Exception;

        @BeforeAll
        void open() throws Exception {
            db = start();
            List<Spec> specs = new ArrayList<>();
            // Arnhem on variant X (threeway, hash a, revision 1): lead times 3, 5, 8; one open without help
            specs.add(new Spec("Arnhem", "f1", D, "threeway", "a", 1, 3, 2, 1, false, false, "GOALS_REACHED", 30, 4, 10));
            specs.add(new Spec("Arnhem", "f2", D.plusDays(1), "threeway", "a", 1, 5, 1, 0, true, true, "COURT_MEASURE",
                    60, 2, null));
            specs.add(new Spec("Arnhem", "f3", D.plusDays(2), "threeway", "a", 1, 8, 3, 2, false, false, null, 0, null, 4));
            specs.add(new Spec("Arnhem", "f4", D.plusDays(3), "threeway", "a", 1, null, 0, 0, false, false, null, 0, null,
                    null));
            // Ede on variant Y: lead 20, 40; one placement, one prevented
            specs.add(new Spec("Ede", "f5", D, "veiligheidshuis", "b", 2, 20, 1, 0, false, false, "OUT_OF_HOME_PLACED", 90,
                    5, null));
            specs.add(new Spec("Ede", "f6", D.plusMonths(2), "veiligheidshuis", "b", 2, 40, 1, 0, false, false,
                    "OUT_OF_HOME_PREVENTED", 90, null, null));
            // repeat: f1 was closed at D+30; a new signal for f1 at D+100 (within 12 months), f2's at D+500 (not)
            specs.add(new Spec("Arnhem", "f1", D.plusDays(100), "threeway", "a", 1, 1, 1, 0, false, false, null, 0, null,
                    null));
            specs.add(new Spec("Arnhem", "f2", D.plusDays(500), "threeway", "a", 1, 1, 1, 0, false, false, null, 0, null,
                    null));
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

        Filter first(String municipality) {
            return new Filter(D, D.plusDays(10), municipality == null ? null : List.of(municipality), null, null, null);
        }

        /** cohorts (V26): the rows SyntheticCases writes from known values are what a refresh from the case tables gives. */
        @Test
        void syntheticSummaryRowsAreWhatARefreshComputes() throws Exception {
            String sql = "SELECT * FROM case_summary ORDER BY case_id";
            List<List<String>> written = db.read(c -> table(c, sql));
            db.inTransaction(c -> {
                CaseSummaries.refresh(c, ids);
                return null;
            });
            assertEquals(written, db.read(c -> table(c, sql)));
            assertEquals(ids.size(), written.size());
        }

        static List<List<String>> table(java.sql.Connection c, String sql) throws java.sql.SQLException {
            List<List<String>> out = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }

        @Test
        void theOnePassFiguresAreTheCountsAndHistogramsOfEachFigure() throws Exception {
            // decision 0042: the comparison reads lead time, professionals, handovers and the counts in one pass
            for (Filter f : List.of(first(null), first("Arnhem"), first("Ede"), new Filter(null, null, null, null, null,
                    null), new Filter(D, D.plusDays(600), List.of("Arnhem"), "threeway", "a", 1L),
                    new Filter(D, D, List.of("Nergens"), null, null, null))) {
                CohortStore.CaseFigures one = db.read(c -> store.caseFigures(c, f));
                assertEquals(db.read(c -> store.counts(c, f)), one.counts(), f.toString());
                assertEquals(db.read(c -> store.histogram(c, f, Measure.LEAD_TIME_DAYS)), one.leadTimeDays(), f.toString());
                assertEquals(db.read(c -> store.histogram(c, f, Measure.PROFESSIONALS)), one.professionals(), f.toString());
                assertEquals(db.read(c -> store.histogram(c, f, Measure.HANDOVERS)), one.handovers(), f.toString());
            }
            assertEquals(8, db.read(c -> store.caseFigures(c, new Filter(null, null, null, null, null, null))).counts()
                    .cases());
        }

        @Test
        void familyExperienceCountsTheNewestScoreOfEachMember() throws Exception {
            // V32: the summary row counts each member's newest score; recording a score marks the case, so a
            // newer score of the same member moves its count at the commit (and a newer 4 moves it back)
            Filter arnhem = first("Arnhem");
            SortedMapHolder before = new SortedMapHolder();
            before.map = db.read(c -> store.histogram(c, arnhem, Measure.FAMILY_EXPERIENCE));
            String caseId = ids.get(0);
            String person = java.util.UUID.nameUUIDFromBytes("family:f1".getBytes()).toString();
            JdbcOutcomeStore outcomes = new JdbcOutcomeStore();
            db.inTransaction(c -> {
                outcomes.insertExperience(c, new nl.proeftuin.core.store.outcomes.OutcomeStore.StoredExperience(
                        java.util.UUID.randomUUID().toString(), caseId, person, 1, null, "FAMILY", java.time.Instant.now(), "t"));
                return null;
            });
            java.util.SortedMap<Integer, Long> expected = new TreeMap<>(before.map);
            expected.merge(4, -1L, Long::sum);
            expected.remove(4, 0L);
            expected.merge(1, 1L, Long::sum);
            assertEquals(expected, db.read(c -> store.histogram(c, arnhem, Measure.FAMILY_EXPERIENCE)),
                    "the newest score (1) replaces the member's earlier 4");
            assertEquals(expected, db.read(c -> store.caseFigures(c, arnhem)).familyExperience(), "the one pass likewise");
            db.inTransaction(c -> {
                outcomes.insertExperience(c, new nl.proeftuin.core.store.outcomes.OutcomeStore.StoredExperience(
                        java.util.UUID.randomUUID().toString(), caseId, person, 4, null, "FAMILY", java.time.Instant.now(), "t"));
                return null;
            });
            assertEquals(before.map, db.read(c -> store.histogram(c, arnhem, Measure.FAMILY_EXPERIENCE)),
                    "a newer 4 again");
            // what the summary row counts is what the scores give (the query the figure ran before V32)
            assertEquals(before.map, newestScores(arnhem));
        }

        /**
         * V32: a case with one allocated care request carries its waiting days in the summary row; one with
         * two is read from care_request. Either way the figure is every allocated request's waiting days.
         */
        @Test
        void careWaitingCountsEveryAllocatedRequestOfACaseWithTwo() throws Exception {
            String caseId = ids.get(2); // Arnhem f3: one request, 4 days
            String person = java.util.UUID.nameUUIDFromBytes("family:f3".getBytes()).toString();
            String request = java.util.UUID.randomUUID().toString();
            java.time.ZoneId zone = java.time.ZoneId.of("Europe/Amsterdam");
            db.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO care_request (id, case_id, person_id, municipality, provider, product_category,"
                        + " start_on, motivation, state, plugin_id, requested_at, requested_by, allocated_at, allocated_by)"
                        + " VALUES (?, ?, ?, 'Arnhem', 'p', '45', ?, 'second', 'ALLOCATED', 't', ?, 't', ?, 't')", request,
                        caseId, person, D, D.plusDays(11).atTime(12, 0).atZone(zone).toInstant(),
                        D.plusDays(18).atTime(12, 0).atZone(zone).toInstant());
                CaseSummaries.touch(c, caseId);
                return null;
            });
            try {
                // requested at noon on day 11, allocated at noon on day 18: 7 days
                assertEquals(new TreeMap<>(Map.of(4, 1L, 7, 1L, 10, 1L)),
                        db.read(c -> store.histogram(c, first("Arnhem"), Measure.CARE_WAITING_DAYS)));
                assertEquals("2|null", db.read(c -> Jdbc.one(c, "SELECT care_waits, care_wait_days FROM case_summary"
                        + " WHERE case_id = ?", rs -> rs.getInt(1) + "|" + rs.getObject(2), caseId)).orElseThrow());
            } finally {
                db.inTransaction(c -> {
                    Jdbc.update(c, "DELETE FROM care_request WHERE id = ?", request);
                    CaseSummaries.touch(c, caseId);
                    return null;
                });
            }
            assertEquals(new TreeMap<>(Map.of(4, 1L, 10, 1L)),
                    db.read(c -> store.histogram(c, first("Arnhem"), Measure.CARE_WAITING_DAYS)));
        }

        /** The histogram of each member's newest score read from family_experience itself (before V32). */
        private java.util.SortedMap<Integer, Long> newestScores(Filter f) throws Exception {
            java.util.SortedMap<Integer, Long> out = new TreeMap<>();
            db.read(c -> Jdbc.list(c, "SELECT e.score, COUNT(*) FROM family_experience e JOIN case_summary s"
                    + " ON s.case_id = e.case_id WHERE s.municipality IN ('Arnhem') AND s.signal_received_on >= ?"
                    + " AND s.signal_received_on <= ? AND NOT EXISTS (SELECT 1 FROM family_experience e2"
                    + " WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id AND e2.seq_no > e.seq_no)"
                    + " GROUP BY e.score", rs -> out.put(rs.getInt(1), rs.getLong(2)), f.from(), f.to()));
            return out;
        }

        /** A holder for a histogram read in a lambda. */
        static final class SortedMapHolder {
            java.util.SortedMap<Integer, Long> map;
        }

        @Test
        void leadTimesPerVariantAreDaysFromSignalToFirstHelp() throws Exception {
            assertEquals(new TreeMap<>(Map.of(3, 1L, 5, 1L, 8, 1L)), db.read(c -> store.histogram(c,
                    new Filter(D, D.plusDays(10), null, "threeway", "a", null), Measure.LEAD_TIME_DAYS)));
            assertEquals(new TreeMap<>(Map.of(20, 1L, 40, 1L)), db.read(c -> store.histogram(c,
                    new Filter(null, null, null, null, null, 2L), Measure.LEAD_TIME_DAYS)));
            // by municipality and period: the Ede case of March falls outside January's
            assertEquals(new TreeMap<>(Map.of(20, 1L)), db.read(c -> store.histogram(c,
                    new Filter(D, D.plusDays(20), List.of("Ede"), null, null, null), Measure.LEAD_TIME_DAYS)));
            assertEquals(new TreeMap<>(), db.read(c -> store.histogram(c,
                    new Filter(D, D.plusDays(20), List.of(), null, null, null), Measure.LEAD_TIME_DAYS)));
        }

        @Test
        void teamsHandoversCareAndExperience() throws Exception {
            assertEquals(new TreeMap<>(Map.of(0, 1L, 1, 1L, 2, 1L, 3, 1L)),
                    db.read(c -> store.histogram(c, first("Arnhem"), Measure.PROFESSIONALS)));
            assertEquals(new TreeMap<>(Map.of(0, 2L, 1, 1L, 2, 1L)),
                    db.read(c -> store.histogram(c, first("Arnhem"), Measure.HANDOVERS)));
            assertEquals(new TreeMap<>(Map.of(4, 1L, 10, 1L)),
                    db.read(c -> store.histogram(c, first("Arnhem"), Measure.CARE_WAITING_DAYS)));
            assertEquals(new TreeMap<>(Map.of(2, 1L, 4, 1L, 5, 1L)),
                    db.read(c -> store.histogram(c, first(null), Measure.FAMILY_EXPERIENCE)));
        }

        @Test
        void countsOutcomesRaadRequestsAndRepeatSignals() throws Exception {
            CohortStore.Counts arnhem = db.read(c -> store.counts(c, first("Arnhem")));
            assertEquals(new CohortStore.Counts(4, 2, 2, 1, 1, 1, 0, 0, 1, 1), arnhem);
            CohortStore.Counts ede = db.read(c -> store.counts(c, new Filter(null, null, List.of("Ede"), null, null, null)));
            assertEquals(new CohortStore.Counts(2, 2, 2, 0, 0, 0, 1, 1, 0, 0), ede);
            assertEquals(List.of(ids.get(6)), db.read(c -> outcomes.repeatSignals(c, ids.get(0))));
            assertEquals(List.of(), db.read(c -> outcomes.repeatSignals(c, ids.get(1))));
        }

        @Test
        void caseRowsCarryTheVariantAndNoPersonalData() throws Exception {
            List<CohortStore.CaseRow> rows = db.read(c -> store.rows(c, first("Arnhem"), 10));
            assertEquals(4, rows.size());
            CohortStore.CaseRow r = rows.get(0);
            assertEquals(new CohortStore.CaseRow(ids.get(0), "Arnhem", D, "VOLUNTARY", "threeway", "a", 1L, 3, 2, 1, 0,
                    null, "GOALS_REACHED", D.plusDays(30), true), r);
            assertEquals(null, rows.get(3).leadTimeDays());
            assertEquals(2, db.read(c -> store.rows(c, first("Arnhem"), 2)).size());
        }

        @Test
        void groupsKeepTheirMembers() throws Exception {
            JdbcMunicipalityGroupStore groups = new JdbcMunicipalityGroupStore();
            db.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO municipality (code, name, name_key, changed_at, changed_by) VALUES"
                        + " ('GM0202', 'Arnhem', 'arnhem', ?, 't'), ('GM0228', 'Ede', 'ede', ?, 't')",
                        java.time.Instant.now(), java.time.Instant.now());
                groups.put(c, new MunicipalityGroupStore.StoredGroup("Pilot", "pilot", "d", List.of("GM0202", "GM0228"),
                        java.time.Instant.now(), "t"));
                groups.put(c, new MunicipalityGroupStore.StoredGroup("Pilot", "pilot", "e", List.of("GM0228"),
                        java.time.Instant.now(), "t"));
                return null;
            });
            assertEquals(List.of("GM0228"), db.read(c -> groups.byKey(c, "pilot")).orElseThrow().municipalityCodes());
            assertEquals(1, db.read(groups::all).size());
            assertEquals(true, db.inTransaction(c -> groups.delete(c, "pilot")));
            assertEquals(0, db.read(groups::all).size());
        }
    }

    @Nested
    class OnH2 extends Contract {
        Path dir;

        @Override
        JdbcDatabase start() throws Exception {
            dir = Files.createTempDirectory("cohortstoretest-h2");
            return new JdbcDatabase(ShippedConfig.h2Settings(dir), new OsgiDataSourceFactory(new org.h2.Driver()));
        }

        @Override
        void stop() throws Exception {
            if (dir != null) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Nested
    class OnPostgres extends Contract {
        EmbeddedPostgres postgres;

        @Override
        JdbcDatabase start() throws Exception {
            postgres = EmbeddedPostgres.builder().start();
            return new JdbcDatabase(new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    4, 5_000), new PGDataSourceFactory());
        }

        @Override
        void stop() throws Exception {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
