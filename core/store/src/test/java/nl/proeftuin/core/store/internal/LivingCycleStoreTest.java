package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipType;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.api.living.ActiveProfessional;
import nl.proeftuin.core.api.living.FeedbackChannel;
import nl.proeftuin.core.api.living.FeedbackOutcome;
import nl.proeftuin.core.api.living.MunicipalityMove;
import nl.proeftuin.core.api.living.RaadConclusion;
import nl.proeftuin.core.api.living.RaadInvestigation;
import nl.proeftuin.core.api.living.Reporter;
import nl.proeftuin.core.store.care.StoredMaatwerk;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.cases.StoredPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The living case's moves, ends and cycles (V27, decision 0038) on H2 and PostgreSQL. */
class LivingCycleStoreTest {

    static final Instant T0 = Instant.parse("2027-03-12T10:15:30Z");
    static final LocalDate D0 = LocalDate.of(2027, 3, 12);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        JdbcDatabase db;
        final JdbcFamilyStore family = new JdbcFamilyStore();
        final JdbcCaseStore cases = new JdbcCaseStore();
        final JdbcProcurementStore procurement = new JdbcProcurementStore();
        final JdbcLivingStore living = new JdbcLivingStore();

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

        static String id() {
            return UUID.randomUUID().toString();
        }

        StoredPerson person() throws SQLException {
            StoredPerson p = new StoredPerson(id(), "Sanne", "Visser", LocalDate.of(2015, 6, 1), null, T0, "u1");
            db.inTransaction(c -> {
                family.insertPerson(c, p, null);
                return null;
            });
            return p;
        }

        StoredCase kase(String municipality, StoredPerson member, String... professionals) throws SQLException {
            StoredCase k = new StoredCase(id(), 1, municipality, CaseStatus.OPEN, null,
                    new Signal(SignalKind.SIGNAL, SignalSource.SCHOOL, "zorgen", D0), Phase.ACUTE_SAFETY,
                    Framework.VOLUNTARY, null, T0, "u1");
            db.inTransaction(c -> {
                cases.insertCase(c, k);
                cases.insertMember(c, k.id(), member.id(), EnumSet.of(FamilyRole.CHILD), 0);
                for (String p : professionals) {
                    cases.insertAssignment(c, k.id(), new Assignment(id(), p, "Naam " + p, "Org " + p,
                            ProfessionalRole.RVT_PROFESSIONAL, false, D0, null, null));
                }
                return null;
            });
            return k;
        }

        /** A person in many open cases (found by the load bench: 55 ids overflowed the column, a 500). */
        @Test
        void aSeparateCaseNamesEveryOpenCaseHoweverMany() throws Exception {
            StoredCase k = kase("Arnhem", person());
            String existing = String.join(",", java.util.stream.Stream.generate(Contract::id).limit(200).toList());
            db.inTransaction(c -> {
                living.insertSeparateCase(c, k.id(), existing, "andere kinderen", T0, "anna");
                return null;
            });
            assertEquals(java.util.Optional.of("andere kinderen"), db.read(c -> living.separateCaseReason(c, k.id())));
        }

        @Test
        void aMoveTakesTheUndecidedRequestsAndOpenWaitsAndIsKept() throws Exception {
            StoredPerson child = person();
            StoredCase k = kase("Arnhem", child);
            StoredMaatwerk open = new StoredMaatwerk(id(), k.id(), child.id(), "Arnhem", "Zorg BV", "nodig", D0,
                    "SUBMITTED", null, "p", T0, "anna", null, null, false);
            StoredMaatwerk granted = new StoredMaatwerk(id(), k.id(), child.id(), "Arnhem", "Zorg BV", "nodig", D0,
                    "GRANTED", null, "p", T0, "anna", null, null, false);
            db.inTransaction(c -> {
                procurement.insertMaatwerk(c, open);
                procurement.insertMaatwerk(c, granted);
                return null;
            });
            assertEquals(1, (int) db.inTransaction(c -> living.moveUndecidedRequests(c, k.id(), "Nijmegen")));
            assertEquals(0, (int) db.inTransaction(c -> living.moveUndecidedRequests(c, k.id(), "Nijmegen")), "moved once");
            assertEquals(List.of("Nijmegen", "Arnhem"), db.read(c -> procurement.maatwerk(c, k.id())).stream()
                    .map(StoredMaatwerk::municipality).toList());
            db.inTransaction(c -> {
                living.moveCase(c, k.id(), "Nijmegen");
                return null;
            });
            assertEquals("Nijmegen", db.read(c -> cases.find(c, k.id())).orElseThrow().municipality());
            MunicipalityMove m = new MunicipalityMove(id(), k.id(), "Arnhem", "Nijmegen", D0, "verhuisd", 1, 0, T0, "anna");
            db.inTransaction(c -> {
                living.insertMove(c, m);
                return null;
            });
            assertEquals(List.of(m), db.read(c -> living.moves(c, k.id())));
        }

        @Test
        void relationshipsAndHouseholdPeriodsEndOnce() throws Exception {
            StoredPerson a = person();
            StoredPerson b = person();
            Relationship r = new Relationship(id(), a.id(), b.id(), RelationshipType.PARTNER_OF, D0.minusYears(5), null,
                    null);
            db.inTransaction(c -> {
                family.insertRelationship(c, r, T0, "u1");
                return null;
            });
            assertEquals(r, db.read(c -> living.relationship(c, r.id())).orElseThrow());
            assertEquals(Boolean.TRUE, db.inTransaction(c -> living.endRelationship(c, r.id(), D0, "uit elkaar", "anna")));
            assertEquals(Boolean.FALSE, db.inTransaction(c -> living.endRelationship(c, r.id(), D0, "again", "anna")));
            assertEquals(D0, db.read(c -> living.relationship(c, r.id())).orElseThrow().until());
        }

        @Test
        void cycleDeadlinesAreFoundWhenPastAndMarkedOnce() throws Exception {
            StoredPerson child = person();
            StoredCase k = kase("Arnhem", child);
            RaadInvestigation raad = new RaadInvestigation(id(), k.id(), child.id(), "OTS?", D0, D0.plusMonths(3), false,
                    null, null, null, T0, "anna");
            Reporter reporter = new Reporter(id(), k.id(), null, "School", "juf", D0, D0.plusDays(10), false, null, null,
                    null, null, null, T0, "anna");
            db.inTransaction(c -> {
                living.insertRaadInvestigation(c, raad);
                living.insertReporter(c, reporter);
                return null;
            });
            assertEquals(List.of(), db.read(c -> living.raadOverdue(c, D0.plusMonths(3))).stream()
                    .filter(x -> x.id().equals(raad.id())).toList());
            assertEquals(List.of(raad), db.read(c -> living.raadOverdue(c, D0.plusMonths(3).plusDays(1))).stream()
                    .filter(x -> x.id().equals(raad.id())).toList());
            assertEquals(Boolean.TRUE, db.inTransaction(c -> living.reportRaad(c, raad.id(), D0.plusMonths(4), RaadConclusion.NO_MEASURE,
                    "geen", T0, "anna")));
            assertEquals(Boolean.FALSE, db.inTransaction(c -> living.reportRaad(c, raad.id(), D0.plusMonths(4),
                    RaadConclusion.NO_MEASURE, "again", T0, "anna")));
            assertEquals(List.of(), db.read(c -> living.raadOverdue(c, D0.plusYears(1))).stream()
                    .filter(x -> x.id().equals(raad.id())).toList());

            assertEquals(1, db.read(c -> living.reportersOverdue(c, D0.plusDays(11))).stream()
                    .filter(x -> x.id().equals(reporter.id())).count());
            assertEquals(Boolean.TRUE, db.inTransaction(c -> living.tellReporter(c, reporter.id(), D0.plusDays(11),
                    FeedbackOutcome.FOLLOW_UP_STARTED, FeedbackChannel.PHONE, T0, "anna")));
            assertEquals(Boolean.FALSE, db.inTransaction(c -> living.tellReporter(c, reporter.id(), D0.plusDays(11),
                    FeedbackOutcome.NO_FOLLOW_UP, FeedbackChannel.PHONE, T0, "anna")));
            assertEquals(0, db.read(c -> living.reportersOverdue(c, D0.plusDays(30))).stream()
                    .filter(x -> x.id().equals(reporter.id())).count());
            assertEquals(FeedbackOutcome.FOLLOW_UP_STARTED, db.read(c -> living.reporters(c, k.id())).get(0).outcome());

            assertEquals(Boolean.TRUE, db.inTransaction(c -> living.markCycleAlert(c, raad.id(), "RAAD_REPORT_OVERDUE", T0)));
            assertEquals(Boolean.FALSE, db.inTransaction(c -> living.markCycleAlert(c, raad.id(), "RAAD_REPORT_OVERDUE", T0)));
            assertEquals(Boolean.TRUE, db.inTransaction(c -> living.markCycleAlert(c, raad.id(), "OTHER", T0)));
        }

        @Test
        void professionalsAroundAFamilyAreCountedOverTheOpenCasesSharingAMember() throws Exception {
            StoredPerson child = person();
            String tag = id().substring(0, 8);
            StoredCase a = kase("Arnhem", child, "p1" + tag, "p2" + tag, "p3" + tag);
            StoredCase b = kase("Nijmegen", child, "p3" + tag, "p4" + tag);
            StoredCase elsewhere = kase("Ede", person(), "p5" + tag);
            assertTrue(db.read(c -> living.crowdedCases(c, 3)).containsAll(List.of(a.id(), b.id())));
            assertFalse(db.read(c -> living.crowdedCases(c, 4)).contains(a.id()), "four distinct, not more than four");
            assertFalse(db.read(c -> living.crowdedCases(c, 0)).isEmpty());
            assertFalse(db.read(c -> living.crowdedCases(c, 1)).contains(elsewhere.id()));
            List<ActiveProfessional> around = db.read(c -> living.professionalsAround(c, a.id()));
            assertEquals(List.of("p1" + tag, "p2" + tag, "p3" + tag, "p4" + tag),
                    around.stream().map(ActiveProfessional::professionalId).toList());
            // the membership ends: the other case is no longer around this family
            db.inTransaction(c -> living.endMembership(c, b.id(), child.id(), D0, "verhuisd"));
            assertFalse(db.read(c -> living.crowdedCases(c, 3)).contains(a.id()));
        }
    }

    @Nested
    class OnH2 extends Contract {
        final StoreEngines.H2 engine = new StoreEngines.H2("livingcyclestoretest-h2");

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
