package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.store.care.StoredCareRequest;
import nl.proeftuin.core.store.care.StoredMaatwerk;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.cases.StoredPerson;
import nl.proeftuin.core.store.municipal.DecisionTimeRow;
import nl.proeftuin.core.store.municipal.InboxRow;
import nl.proeftuin.core.store.municipal.StoredDecision;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.region.StoredMunicipality;
import nl.proeftuin.core.store.waits.StoredWait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The municipality's decisions, terms, addressed alerts and decision times (V23) on H2 and PostgreSQL. */
class MunicipalDecisionStoreTest {

    static final Instant T0 = Instant.parse("2027-03-12T10:15:30Z");
    static final LocalDate D0 = LocalDate.of(2027, 3, 12);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        JdbcDatabase db;
        final JdbcFamilyStore family = new JdbcFamilyStore();
        final JdbcCaseStore cases = new JdbcCaseStore();
        final JdbcProcurementStore procurement = new JdbcProcurementStore();
        final JdbcAlertStore alerts = new JdbcAlertStore();
        final JdbcMunicipalityStore register = new JdbcMunicipalityStore();
        final JdbcMunicipalDecisionStore store = new JdbcMunicipalDecisionStore();
        final JdbcErasureStore erasure = new JdbcErasureStore();
        String town;
        String other;
        String code;

        abstract JdbcDatabase start() throws Exception;

        abstract void stop() throws Exception;

        @BeforeAll
        void open() throws Exception {
            db = start();
            code = "GM" + (1000 + (int) (Math.random() * 8000));
            town = "Stad" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
            other = "Dorp" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
            db.inTransaction(c -> {
                register.insert(c, new StoredMunicipality(code, town, null, T0, "t"));
                return null;
            });
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

        static String id() {
            return UUID.randomUUID().toString();
        }

        record Family(StoredCase kase, StoredPerson child) {
        }

        Family family(String municipality, String fixed) throws SQLException {
            StoredPerson child = new StoredPerson(id(), "Sanne", "Visser", LocalDate.of(2015, 6, 1), null, T0, "u1");
            StoredCase k = new StoredCase(id(), 1, municipality, CaseStatus.OPEN, null,
                    new Signal(SignalKind.SIGNAL, SignalSource.SCHOOL, "zorgen", D0), Phase.ACUTE_SAFETY,
                    Framework.VOLUNTARY, null, T0, "u1");
            db.inTransaction(c -> {
                family.insertPerson(c, child, null);
                cases.insertCase(c, k);
                cases.insertMember(c, k.id(), child.id(), EnumSet.of(FamilyRole.CHILD), 0);
                if (fixed != null) {
                    cases.insertAssignment(c, k.id(), new Assignment(id(), fixed, "F", "Wijkteam",
                            ProfessionalRole.FIXED_PROFESSIONAL, true, D0, null, null));
                    cases.insertAssignment(c, k.id(), new Assignment(id(), "rvt", "R", "RVT",
                            ProfessionalRole.RVT_PROFESSIONAL, false, D0, null, null));
                }
                return null;
            });
            return new Family(k, child);
        }

        StoredMaatwerk maatwerk(Family f, LocalDate deadline, Instant at) throws SQLException {
            StoredMaatwerk m = new StoredMaatwerk(id(), f.kase().id(), f.child().id(), f.kase().municipality(), "Zorg BV",
                    "past niet in het contract", deadline, "SUBMITTED", null, "p", at, "anna", null, null, false);
            db.inTransaction(c -> {
                procurement.insertMaatwerk(c, m);
                return null;
            });
            return m;
        }

        StoredCareRequest care(Family f, String state, LocalDate deadline, Instant at) throws SQLException {
            StoredCareRequest r = new StoredCareRequest(id(), f.kase().id(), f.child().id(), f.kase().municipality(),
                    "12345678", "45", null, D0, null, null, null, "nodig", state, null, "p", null, at, "anna", null, null,
                    null);
            db.inTransaction(c -> {
                procurement.insertCareRequest(c, r);
                if (deadline != null) {
                    store.insertCareDeadline(c, r.id(), deadline);
                }
                return null;
            });
            return r;
        }

        @Test
        void aMunicipalitySetsAndRemovesItsDecisionTerm() throws SQLException {
            assertEquals(Optional.empty(), db.read(c -> store.decisionTermDays(c, town)));
            assertTrue((boolean) db.inTransaction(c -> store.setDecisionTerm(c, code, 42, T0, "rik")));
            assertEquals(Optional.of(42), db.read(c -> store.decisionTermDays(c, town)));
            assertTrue((boolean) db.inTransaction(c -> store.setDecisionTerm(c, code, 70, T0, "rik")));
            assertEquals(Optional.of(70), db.read(c -> store.decisionTermDays(c, town)));
            assertFalse((boolean) db.inTransaction(c -> store.setDecisionTerm(c, "GM9999", 42, T0, "rik")));
            assertThrows(SQLException.class, () -> db.inTransaction(c -> store.setDecisionTerm(c, code, 0, T0, "rik")),
                    "the term is at least a day");
            assertTrue((boolean) db.inTransaction(c -> store.setDecisionTerm(c, code, null, T0, "rik")));
            assertEquals(Optional.empty(), db.read(c -> store.decisionTermDays(c, town)));
        }

        @Test
        void theInboxHoldsTheMunicipalitysOpenRequestsByDeadline() throws SQLException {
            Family f = family(town, "anna");
            Family g = family(other, "bert");
            StoredMaatwerk late = maatwerk(f, D0.plusDays(50), T0);
            StoredCareRequest soon = care(f, "SUBMITTED", D0.plusDays(10), T0.plusSeconds(1));
            care(f, "REJECTED", D0.plusDays(5), T0.plusSeconds(2)); // refused by the connector: nothing to decide
            StoredCareRequest unsent = care(f, "FALLBACK", D0.plusDays(20), T0.plusSeconds(3));
            maatwerk(g, D0.plusDays(1), T0);

            List<InboxRow> inbox = db.read(c -> store.inbox(c, List.of(town), true, 100));
            assertEquals(List.of(soon.id(), unsent.id(), late.id()), inbox.stream().map(InboxRow::id).toList());
            InboxRow first = inbox.get(0);
            assertEquals("CARE", first.kind());
            assertEquals("Visser", first.familyName());
            assertEquals("45", first.product());
            assertEquals(D0.plusDays(10), first.deadline());
            assertEquals("MAATWERK", inbox.get(2).kind());
            assertEquals(List.of(), db.read(c -> store.inbox(c, List.of(), true, 100)), "no municipalities, nothing");
            assertTrue(db.read(c -> store.inbox(c, null, true, 1000)).size() >= 4, "null: every municipality");

            StoredDecision decision = new StoredDecision(soon.id(), "CARE", f.kase().id(), town, "PARTLY",
                    "de helft van de uren", T0.plusSeconds(3600), "mia", "Mia Gemeente", D0.plusDays(42));
            db.inTransaction(c -> {
                assertEquals(soon.id(), store.lock(c, soon.id()).orElseThrow().id());
                store.insertDecision(c, decision);
                return null;
            });
            assertThrows(SQLException.class, () -> db.inTransaction(c -> {
                store.insertDecision(c, decision);
                return null;
            }), "one decision per request");
            assertEquals(List.of(unsent.id(), late.id()),
                    db.read(c -> store.inbox(c, List.of(town), true, 100)).stream().map(InboxRow::id).toList());
            InboxRow decided = db.read(c -> store.lock(c, soon.id())).orElseThrow();
            assertEquals(decision, decided.decision());
            assertEquals(3, db.read(c -> store.inbox(c, List.of(town), false, 100)).size());
            assertEquals(Optional.empty(), db.read(c -> store.lock(c, "no-such-request")));
            assertNull(db.read(c -> store.lock(c, late.id())).orElseThrow().decision());
        }

        @Test
        void overdueCareRequestsAreFoundOnceAndAlertsAreAddressed() throws SQLException {
            Family f = family(town, "fixed-" + id());
            StoredCareRequest overdue = care(f, "SUBMITTED", D0.minusDays(1), T0);
            care(f, "SUBMITTED", D0, T0); // the deadline day itself is not past
            List<InboxRow> found = db.read(c -> store.overdueCareUnalerted(c, D0)).stream()
                    .filter(r -> r.caseId().equals(f.kase().id())).toList();
            assertEquals(List.of(overdue.id()), found.stream().map(InboxRow::id).toList());
            assertTrue((boolean) db.inTransaction(c -> store.markCareOverdueAlerted(c, overdue.id())));
            assertFalse((boolean) db.inTransaction(c -> store.markCareOverdueAlerted(c, overdue.id())), "once");
            assertTrue(db.read(c -> store.overdueCareUnalerted(c, D0)).stream().noneMatch(r -> r.id().equals(overdue.id())));

            String fixed = db.read(c -> store.fixedProfessionals(c, f.kase().id())).get(0);
            assertTrue(fixed.startsWith("fixed-"));
            StoredAlert toMunicipality = new StoredAlert(id(), "CARE_DECISION_OVERDUE", "PROCUREMENT", town, "p",
                    f.kase().id(), "te laat", T0);
            StoredAlert toFixed = new StoredAlert(id(), "CARE_DECISION_OVERDUE", "PROCUREMENT", town, "p",
                    f.kase().id(), "te laat", T0);
            StoredAlert coordinatorOnly = new StoredAlert(id(), "PLUGIN_ABSENT", "PROCUREMENT", town, "p", null, "x", T0);
            db.inTransaction(c -> {
                alerts.insert(c, toMunicipality);
                store.address(c, toMunicipality.id(), "municipality");
                alerts.insert(c, toFixed);
                store.address(c, toFixed.id(), "user:" + fixed);
                alerts.insert(c, coordinatorOnly);
                return null;
            });
            assertEquals(List.of(toFixed.id()), db.read(c -> store.addressedAlerts(c, fixed, List.of(), 10)).stream()
                    .map(StoredAlert::id).toList());
            assertEquals(List.of(toMunicipality.id()), db.read(c -> store.addressedAlerts(c, null, List.of(town), 10))
                    .stream().map(StoredAlert::id).toList());
            assertEquals(List.of(), db.read(c -> store.addressedAlerts(c, "someone", List.of(other), 10)));
            assertEquals(List.of(), db.read(c -> store.addressedAlerts(c, null, List.of(), 10)));

            // the case's erasure removes the addressed alerts, deadlines and decisions with it
            db.inTransaction(c -> {
                store.insertDecision(c, new StoredDecision(overdue.id(), "CARE", f.kase().id(), town, "GRANTED", "ja",
                        T0, "mia", "Mia", D0.plusDays(42)));
                erasure.removeCase(c, f.kase().id());
                return null;
            });
            assertEquals(List.of(), db.read(c -> store.addressedAlerts(c, fixed, List.of(), 10)));
            assertEquals(Optional.empty(), db.read(c -> store.lock(c, overdue.id())));
        }

        @Test
        void decisionTimesAreAggregatedPerMunicipality() throws SQLException {
            String place = "Oord" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
            Family f = family(place, null);
            StoredMaatwerk m = maatwerk(f, D0.plusDays(56), T0);
            maatwerk(f, D0.minusDays(1), T0); // open and overdue
            StoredCareRequest r = care(f, "SUBMITTED", D0.plusDays(56), T0);
            care(f, "FALLBACK", D0.plusDays(56), T0); // open, not overdue
            care(f, "SUBMITTED", null, T0); // from before V23: no deadline, not counted
            db.inTransaction(c -> {
                procurement.decideMaatwerk(c, m.id(), "GRANTED", "ja", T0.plusSeconds(10 * 86400), "mia");
                store.insertDecision(c, new StoredDecision(r.id(), "CARE", f.kase().id(), place, "REFUSED", "nee",
                        T0.plusSeconds(20 * 86400), "mia", "Mia", D0.plusDays(62)));
                return null;
            });
            DecisionTimeRow row = db.read(c -> store.decisionTimes(c, D0)).stream()
                    .filter(x -> x.municipality().equals(place)).findFirst().orElseThrow();
            assertEquals(new DecisionTimeRow(place, 4, 2, 2, 1, 30.0, 20.0), row);
        }
        // --- part 5: waits ------------------------------------------------------------------------------

        final JdbcWaitStore waits = new JdbcWaitStore();

        StoredWait wait(Family f, String careRequestId, String kind, String on, LocalDate since, LocalDate expected) {
            return new StoredWait(id(), f.kase().id(), careRequestId, kind, on, f.kase().municipality(), "anna", "Anna",
                    "Wijkteam", since, expected, null, T0, "anna", null, null, null, null);
        }

        @Test
        void waitsAreKeptEndedAndCountedWithTheirAge() throws SQLException {
            String place = "Wacht" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
            Family f = family(place, "anna");
            StoredCareRequest r = care(f, "SUBMITTED", D0.plusDays(56), T0);
            care(f, "FALLBACK", D0.plusDays(56), T0);
            care(f, "REJECTED", D0.plusDays(56), T0);
            assertEquals(1, db.read(c -> new JdbcMonitorStore().careRequests(c)).stream()
                    .filter(x -> x.municipality().equals(place)).count(),
                    "a care request that could not be sent, or was refused, does not count as waiting for care");
            StoredWait gi = wait(f, null, "GI_WORKER", "GI Gelderland", D0.minusDays(30), D0.minusDays(1));
            StoredWait forCare = wait(f, r.id(), "CARE", "Karakter", D0.minusDays(10), null);
            StoredWait ended = wait(f, null, "RAAD_INVESTIGATION", "Raad", D0.minusDays(5), null);
            db.inTransaction(c -> {
                waits.insert(c, gi);
                waits.insert(c, forCare);
                waits.insert(c, ended);
                waits.end(c, ended.id(), D0, "onderzoek begonnen", T0, "anna");
                return null;
            });
            assertEquals(List.of(gi, forCare, db.read(c -> waits.lock(c, ended.id())).orElseThrow()),
                    db.read(c -> waits.ofCase(c, f.kase().id())));
            assertEquals("onderzoek begonnen", db.read(c -> waits.lock(c, ended.id())).orElseThrow().endReason());
            assertEquals(List.of(gi.id(), forCare.id()), db.read(c -> waits.open(c, List.of(place), null, 100)).stream()
                    .map(StoredWait::id).toList());
            assertEquals(List.of(gi.id()), db.read(c -> waits.open(c, List.of(place), "gi gelderland", 100)).stream()
                    .map(StoredWait::id).toList());
            assertEquals(List.of(), db.read(c -> waits.open(c, List.of(), null, 100)));
            assertEquals(List.of("anna", "rvt"), db.read(c -> waits.activeTeam(c, f.kase().id())).stream().sorted().toList());

            List<nl.proeftuin.core.store.waits.WaitAgeRow> ages = db.read(c -> waits.ages(c, D0)).stream()
                    .filter(a -> a.municipality().equals(place)).toList();
            assertEquals(List.of(new nl.proeftuin.core.store.waits.WaitAgeRow(place, "CARE", 1, 10, 10, 0),
                    new nl.proeftuin.core.store.waits.WaitAgeRow(place, "GI_WORKER", 1, 30, 30, 1)), ages);

            db.inTransaction(c -> {
                erasure.removeCase(c, f.kase().id());
                return null;
            });
            assertEquals(List.of(), db.read(c -> waits.ofCase(c, f.kase().id())));
        }
    }

    @Nested
    class OnH2 extends Contract {
        final StoreEngines.H2 engine = new StoreEngines.H2("municipaldecisionstoretest-h2");

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
