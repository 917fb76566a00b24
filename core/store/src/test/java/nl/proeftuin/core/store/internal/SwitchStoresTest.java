package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.plugins.StoredSwitch;
import nl.proeftuin.core.store.triage.StoredTriageOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Planned binding switches and the replay cohort's query (switches, issue 15 parts 4 and 5), on H2 and
 * PostgreSQL.
 */
class SwitchStoresTest {

    static final Instant T0 = Instant.parse("2027-03-12T10:15:30.123Z");

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        JdbcDatabase db;
        final JdbcBindingStore bindings = new JdbcBindingStore();
        final JdbcCaseStore cases = new JdbcCaseStore();
        final JdbcTriageStore triages = new JdbcTriageStore();

        abstract JdbcDatabase start() throws Exception;

        abstract void stop() throws Exception;

        @BeforeAll
        void open() throws Exception {
            db = start();
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

        StoredSwitch planned(String point, String municipality, String plugin, Instant at) throws SQLException {
            return db.inTransaction(c -> {
                long id = bindings.nextChange(c);
                StoredSwitch s = new StoredSwitch(id, point, municipality, plugin, plugin == null ? null : "{}",
                        plugin == null ? null : "h", at, StoredSwitch.PLANNED, T0, "coord", "volgend kwartaal", null,
                        null, null);
                bindings.insertSwitch(c, s);
                return s;
            });
        }

        @Test
        void dueSwitchesAreThosePlannedUpToNowForTheScopeAndTheRegion() throws Exception {
            String point = "P" + UUID.randomUUID().toString().substring(0, 8);
            StoredSwitch region = planned(point, null, "a-plugin", T0.plusSeconds(10));
            StoredSwitch town = planned(point, "Ede", null, T0.plusSeconds(5));
            StoredSwitch other = planned(point, "Arnhem", "b-plugin", T0.plusSeconds(1));
            StoredSwitch later = planned(point, "Ede", "c-plugin", T0.plusSeconds(60));

            assertEquals(List.of(), db.read(c -> bindings.dueFor(c, point, "Ede", T0.plusSeconds(4))));
            assertEquals(List.of(town.id(), region.id()), db.read(c -> bindings.dueFor(c, point, "Ede",
                    T0.plusSeconds(10))).stream().map(StoredSwitch::id).toList(), "oldest first, not Arnhem's");
            assertEquals(List.of(region.id()), db.read(c -> bindings.dueFor(c, point, null, T0.plusSeconds(10)))
                    .stream().map(StoredSwitch::id).toList());
            assertTrue(db.read(c -> bindings.due(c, T0.plusSeconds(10))).stream().map(StoredSwitch::id).toList()
                    .containsAll(List.of(other.id(), town.id(), region.id())));

            boolean first = db.inTransaction(c -> bindings.settleSwitch(c, town.id(), StoredSwitch.CANCELLED,
                    T0.plusSeconds(2), "coord", "toch niet"));
            assertTrue(first);
            boolean second = db.inTransaction(c -> bindings.settleSwitch(c, town.id(), StoredSwitch.APPLIED,
                    T0.plusSeconds(3), "node", null));
            assertFalse(second, "only a planned one settles");
            StoredSwitch cancelled = db.read(c -> bindings.findSwitch(c, town.id())).orElseThrow();
            assertEquals(StoredSwitch.CANCELLED, cancelled.state());
            assertEquals("toch niet", cancelled.settledReason());
            assertEquals(T0.plusSeconds(5), cancelled.effectiveAt());
            assertEquals(null, cancelled.pluginId());
            assertEquals(List.of(region.id()), db.read(c -> bindings.dueFor(c, point, "Ede", T0.plusSeconds(10)))
                    .stream().map(StoredSwitch::id).toList(), "a cancelled one is never due");
            assertEquals(List.of(later.id(), region.id(), town.id(), other.id()), db.read(c -> bindings.switches(c,
                    point)).stream().map(StoredSwitch::id).toList(), "latest effective time first");
            db.inTransaction(c -> {
                bindings.lock(c);
                return null;
            });
        }

        @Test
        void aCohortIsEachCaseLatestTriageInThePeriodOfItsMunicipality() throws Exception {
            String town = "Town-" + UUID.randomUUID();
            StoredCase a = newCase(town);
            StoredCase b = newCase(town);
            StoredCase elsewhere = newCase("Elders-" + UUID.randomUUID());
            StoredTriageOutcome a1 = outcome(a, T0, "ONE");
            StoredTriageOutcome a2 = outcome(a, T0.plusSeconds(60), "TWO");
            outcome(a, T0.plusSeconds(3600), "LATER");
            outcome(b, T0.minusSeconds(60), "BEFORE");
            StoredTriageOutcome b2 = outcome(b, T0.plusSeconds(30), "IN");
            outcome(elsewhere, T0.plusSeconds(30), "ELSEWHERE");

            Instant from = T0;
            Instant to = T0.plusSeconds(3600);
            assertEquals(List.of(a2.id(), b2.id()), db.read(c -> triages.cohort(c, from, to, town, 100)).stream()
                    .map(StoredTriageOutcome::id).toList());
            assertEquals(List.of(a2.id()), db.read(c -> triages.cohort(c, from, to, town, 1)).stream()
                    .map(StoredTriageOutcome::id).toList(), "the limit");
            assertTrue(db.read(c -> triages.cohort(c, from, to, null, 1000)).stream().map(StoredTriageOutcome::caseId)
                    .toList().contains(elsewhere.id()), "every municipality");
            assertFalse(db.read(c -> triages.cohort(c, from, to, town, 100)).stream().map(StoredTriageOutcome::id)
                    .toList().contains(a1.id()));
        }

        // perfs (issue 13, decision 0044): GET /triage/pending filtered by need to know in the database
        @Test
        void pendingTriagesAreThoseOfTheCasesTheProfessionalMaySee() throws Exception {
            String town = "Town-" + UUID.randomUUID();
            String professional = "prof-" + UUID.randomUUID();
            StoredCase assigned = newCase(town);
            StoredCase openedByOther = newCase(town);
            StoredCase decided = newCase(town);
            StoredCase ended = newCase(town);
            db.inTransaction(c -> {
                for (StoredCase k : List.of(assigned, decided)) {
                    cases.insertAssignment(c, k.id(), new Assignment(UUID.randomUUID().toString(), professional, "P",
                            "Wijkteam", ProfessionalRole.FIXED_PROFESSIONAL, true, LocalDate.of(2027, 3, 1), null, null));
                }
                cases.insertAssignment(c, ended.id(), new Assignment(UUID.randomUUID().toString(), professional, "P",
                        "Wijkteam", ProfessionalRole.FIXED_PROFESSIONAL, true, LocalDate.of(2027, 3, 1),
                        LocalDate.of(2027, 3, 2), "done"));
                return null;
            });
            StoredTriageOutcome mine = outcome(assigned, T0, "MINE", true);
            StoredTriageOutcome theirs = outcome(openedByOther, T0, "THEIRS", true);
            outcome(decided, T0, "WAITED", true);
            outcome(decided, T0.plusSeconds(60), "DECIDED", false);
            StoredTriageOutcome endedOne = outcome(ended, T0, "ENDED", true);

            assertEquals(List.of(mine.id()), db.read(c -> triages.pendingVisibleTo(c, professional, null, T0)).stream()
                    .map(StoredTriageOutcome::id).toList(), "assigned: yes; another's, decided, assignment ended: no");
            List<String> opener = db.read(c -> triages.pendingVisibleTo(c, "u1", null, T0)).stream()
                    .map(StoredTriageOutcome::id).toList();
            assertTrue(opener.contains(theirs.id()) && opener.contains(endedOne.id()), "the opener of an unassigned case");
            assertFalse(opener.contains(mine.id()), "not the opener's once someone is assigned");
            List<String> all = db.read(triages::pending).stream().map(StoredTriageOutcome::id).toList();
            assertTrue(all.containsAll(List.of(mine.id(), theirs.id(), endedOne.id())), "the unfiltered list has them all");
            // municipality scope: the opener limited to another town sees none; the assigned one still sees
            // theirs (a team across municipalities); no municipalities, nothing
            assertEquals(List.of(), db.read(c -> triages.pendingVisibleTo(c, "u1", Set.of("Elders"), T0)));
            assertEquals(List.of(mine.id()), db.read(c -> triages.pendingVisibleTo(c, professional, Set.of("Elders"), T0))
                    .stream().map(StoredTriageOutcome::id).toList());
            assertTrue(db.read(c -> triages.pendingVisibleTo(c, "u1", Set.of(town.toUpperCase(java.util.Locale.ROOT)), T0))
                    .stream().map(StoredTriageOutcome::id).toList().contains(theirs.id()), "scope compares without case");
            assertEquals(List.of(), db.read(c -> triages.pendingVisibleTo(c, professional, Set.of(), T0)));
        }

        StoredTriageOutcome outcome(StoredCase k, Instant decidedAt, String classification, boolean pending)
                throws SQLException {
            StoredTriageOutcome o = new StoredTriageOutcome(UUID.randomUUID().toString(), k.id(), k.id(), "{}", "{}",
                    pending, classification, pending ? null : "LOCAL_TEAM", "p", "b", "1.0.0", "h", 1, "i", "o",
                    decidedAt, false, null, decidedAt, "u1");
            db.inTransaction(c -> {
                triages.insertOutcome(c, o);
                return null;
            });
            return o;
        }

        StoredCase newCase(String municipality) throws SQLException {
            StoredCase k = new StoredCase(UUID.randomUUID().toString(), 1, municipality, CaseStatus.OPEN, null,
                    new Signal(SignalKind.SIGNAL, SignalSource.SCHOOL, "zorgen", LocalDate.of(2027, 3, 1)),
                    Phase.ACUTE_SAFETY, Framework.VOLUNTARY, null, T0, "u1");
            db.inTransaction(c -> {
                cases.insertCase(c, k);
                return null;
            });
            return k;
        }

        StoredTriageOutcome outcome(StoredCase k, Instant decidedAt, String classification) throws SQLException {
            StoredTriageOutcome o = new StoredTriageOutcome(UUID.randomUUID().toString(), k.id(), k.id(), "{}", "{}",
                    false, classification, "LOCAL_TEAM", "p", "b", "1.0.0", "h", 1, "i", "o", decidedAt, false, null,
                    decidedAt, "u1");
            db.inTransaction(c -> {
                triages.insertOutcome(c, o);
                return null;
            });
            return o;
        }
    }

    @Nested
    class OnH2 extends Contract {
        final StoreEngines.H2 engine = new StoreEngines.H2("switchstorestest-h2");

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
        final StoreEngines.Postgres engine = new StoreEngines.Postgres();

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
