package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.FamilySystem;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.RelationshipInput;
import nl.proeftuin.core.api.dto.RelationshipType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.ChildMeasureInput;
import nl.proeftuin.core.api.living.MeasureChoice;
import nl.proeftuin.core.api.living.MeasureCycle;
import nl.proeftuin.core.api.living.MeasureEvaluationInput;
import nl.proeftuin.core.api.living.MembershipEndInput;
import nl.proeftuin.core.api.living.MunicipalityMove;
import nl.proeftuin.core.api.living.MunicipalityMoveInput;
import nl.proeftuin.core.api.living.RaadConclusion;
import nl.proeftuin.core.api.living.RaadInvestigation;
import nl.proeftuin.core.api.living.RaadInvestigationInput;
import nl.proeftuin.core.api.living.RaadReportInput;
import nl.proeftuin.core.api.living.ActiveProfessional;
import nl.proeftuin.core.api.living.FeedbackChannel;
import nl.proeftuin.core.api.living.FeedbackOutcome;
import nl.proeftuin.core.api.living.ProfessionalsNotice;
import nl.proeftuin.core.api.living.Reporter;
import nl.proeftuin.core.api.living.ReporterFeedbackInput;
import nl.proeftuin.core.api.living.ReporterInput;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcLivingStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalDecisionStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The living case's moves, ends and cycles (issue 14 parts 2 and 6, decision 0038) on the real stores, H2 and
 * PostgreSQL.
 */
class LivingCycleTest {

    abstract static class Contract extends CareFinderTest.Contract {
        TransactionalLivingService living;
        final JdbcMunicipalDecisionStore municipal = new JdbcMunicipalDecisionStore();

        @BeforeEach
        void living() {
            Domain domain = new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(), new JdbcPlanStore(), clock);
            living = new TransactionalLivingService(domain, new JdbcLivingStore(), municipalityStore, alertStore,
                    municipal, TransactionalLivingService.Terms.DEFAULT, 0, null);
        }

        List<StoredAlert> alertsFor(String userId, String caseId, String kind) throws Exception {
            return database.inTransaction(c -> municipal.addressedAlerts(c, userId, java.util.Set.of(), 1000)).stream()
                    .filter(a -> a.caseId().equals(caseId) && a.kind().equals(kind)).toList();
        }

        // --- the family moves ----------------------------------------------------------------------------

        @Test
        void theFamilyMovesAndTheCaseItsBindingsAndUndecidedRequestsFollow() {
            CareFinderTest.TestConnector connector = new CareFinderTest.TestConnector();
            Family f = bound(connector);
            String id = f.kase().id();
            String from = f.kase().municipality();
            String to = registered(unique("Ede"));
            bindProcurement(to, "inkoop-test");
            MaatwerkView before = finder.requestMaatwerk(ANS, id, maatwerkFor(f.child().id()));
            assertEquals(from, connector.maatwerk.getLast().municipality());

            assertInvalid("municipality", () -> living.moveMunicipality(ANS, id, null,
                    new MunicipalityMoveInput("Nergenshuizen", TODAY, "verhuisd")));
            assertInvalid("reason", () -> living.moveMunicipality(ANS, id, null, new MunicipalityMoveInput(to, TODAY,
                    " ")));
            assertInvalid("movedOn", () -> living.moveMunicipality(ANS, id, null, new MunicipalityMoveInput(to,
                    TODAY.plusDays(1), "verhuisd")));
            assertRule("same-municipality", () -> living.moveMunicipality(ANS, id, null, new MunicipalityMoveInput(from,
                    TODAY, "verhuisd")));

            CaseView moved = living.moveMunicipality(ANS, id, f.kase().version(), new MunicipalityMoveInput(
                    to.toUpperCase(), TODAY.minusDays(2), "Moeder en kinderen verhuisd naar Ede (BRP)"));
            assertEquals(to, moved.municipality(), "the register's spelling");
            assertEquals(f.kase().version() + 1, moved.version());
            assertEquals(to, cases.get(id).municipality());
            // the undecided request is the new municipality's now; a new one goes through the new binding
            assertEquals(to, finder.maatwerk(id).stream().filter(m -> m.id().equals(before.id())).findFirst()
                    .orElseThrow().municipality());
            finder.requestMaatwerk(ANS, id, maatwerkFor(f.parent().id()));
            assertEquals(to, connector.maatwerk.getLast().municipality());
            // kept: when, why, who; in the history too
            List<MunicipalityMove> moves = living.municipalityMoves(id);
            assertEquals(1, moves.size());
            MunicipalityMove m = moves.get(0);
            assertEquals(List.of(from, to, TODAY.minusDays(2), "Moeder en kinderen verhuisd naar Ede (BRP)", 1, "ans"),
                    List.of(m.fromMunicipality(), m.toMunicipality(), m.movedOn(), m.reason(), m.requestsMoved(),
                            m.recordedBy()));
            assertTrue(cases.history(id).stream().anyMatch(e -> e.type().equals("MUNICIPALITY_MOVED")
                    && "Moeder en kinderen verhuisd naar Ede (BRP)".equals(e.reason())));
            // the search scope follows
            assertEquals(1, cases.search(new nl.proeftuin.core.api.dto.CaseQuery(null, to, null, null, 0, 10)).total());
            assertEquals(0, cases.search(new nl.proeftuin.core.api.dto.CaseQuery(null, from, null, null, 0, 10)).total());
        }

        // --- relationships and household periods end ----------------------------------------------------

        @Test
        void anEndedRelationshipOrHouseholdPeriodIsKeptButLeavesTheFamilySystem() {
            Family f = family(unique("Arnhem"));
            var rel = family.relate(ANS, new RelationshipInput(f.parent().id(), f.child().id(), RelationshipType.PARENT_OF,
                    LocalDate.of(2016, 5, 1), null, null));
            var home = family.createHousehold(ANS, new HouseholdInput("Markt 1", null, "Arnhem"));
            family.addMember(ANS, home.id(), new MembershipInput(f.parent().id(), TODAY.minusYears(3), null));
            family.addMember(ANS, home.id(), new MembershipInput(f.child().id(), TODAY.minusYears(3), null));
            assertEquals(1, cases.familySystem(f.kase().id()).relationships().size());

            assertInvalid("until", () -> living.endRelationship(ANS, rel.id(), new MembershipEndInput(TODAY.plusDays(1),
                    "x")));
            assertInvalid("until", () -> living.endRelationship(ANS, rel.id(), new MembershipEndInput(
                    LocalDate.of(2015, 1, 1), "x")));
            var ended = living.endRelationship(ANS, rel.id(), new MembershipEndInput(TODAY, "Gezag en omgang beëindigd"));
            assertEquals(TODAY, ended.until());
            assertRule("relationship-ended", () -> living.endRelationship(ANS, rel.id(), new MembershipEndInput(TODAY,
                    "x")));
            assertEquals(TODAY, family.relationships(f.child().id()).get(0).until(), "the history keeps it");

            var after = living.endHouseholdMembership(ANS, home.id(), f.parent().id(), new MembershipEndInput(TODAY,
                    "Vader verhuisd"));
            assertEquals(TODAY, after.members().stream().filter(m -> m.personId().equals(f.parent().id())).findFirst()
                    .orElseThrow().until());
            assertRule("household-membership-ended", () -> living.endHouseholdMembership(ANS, home.id(),
                    f.parent().id(), new MembershipEndInput(TODAY, "x")));

            FamilySystem fs = cases.familySystem(f.kase().id());
            assertEquals(List.of(), fs.relationships(), "the graph shows current relationships");
            assertEquals(1, fs.households().size());
            assertEquals(List.of(f.child().id()), fs.households().get(0).members().stream().map(m -> m.personId())
                    .toList(), "and current household periods");
            living.endHouseholdMembership(ANS, home.id(), f.child().id(), new MembershipEndInput(TODAY, "uit huis"));
            assertEquals(List.of(), cases.familySystem(f.kase().id()).households());
            assertEquals(2, family.household(home.id()).members().size(), "the household keeps its history");
        }

        // --- the measure's cycle -------------------------------------------------------------------------

        @Test
        void anOtsIsRemindedBeforeItsEvaluationIsDueAndAlertedWhenOverdueOnceEach() throws Exception {
            Family f = family(unique("Arnhem"));
            String id = f.kase().id();
            String fp = "fp-" + id;
            cases.assign(ANS, id, null, pro(fp, ProfessionalRole.FIXED_PROFESSIONAL, true));
            LocalDate end = TODAY.plusWeeks(8).plusDays(20);
            ChildMeasure ots = living.addMeasure(ANS, id, new ChildMeasureInput(f.child().id(), MeasureType.OTS,
                    TODAY.minusMonths(10), end, "C/05/1 JE RK 27-1"));
            MeasureCycle cycle = living.measureCycles(id).get(0);
            assertEquals(TODAY.plusDays(20), cycle.evaluationDue(), "8 weeks before the end");
            assertFalse(cycle.overdue());

            living.checkCycles();
            assertEquals(0, alertsFor(fp, id, TransactionalLivingService.EVALUATION_DUE).size(), "not yet: 20 days");
            clock.advance(Duration.ofDays(7));
            living.checkCycles();
            living.checkCycles();
            assertEquals(1, alertsFor(fp, id, TransactionalLivingService.EVALUATION_DUE).size(),
                    "reminded 14 days before it is due, once");
            clock.advance(Duration.ofDays(14));
            assertTrue(living.measureCycles(id).get(0).overdue());
            living.checkCycles();
            living.checkCycles();
            assertEquals(1, alertsFor(fp, id, TransactionalLivingService.EVALUATION_OVERDUE).size(), "overdue, once");

            assertInvalid("reasons", () -> living.evaluateMeasure(ANS, id, ots.id(), new MeasureEvaluationInput(
                    TODAY.plusDays(21), MeasureChoice.REQUEST_EXTENSION, " ")));
            assertInvalid("choice", () -> living.evaluateMeasure(ANS, id, ots.id(), new MeasureEvaluationInput(
                    TODAY.plusDays(21), null, "x")));
            MeasureCycle evaluated = living.evaluateMeasure(ANS, id, ots.id(), new MeasureEvaluationInput(
                    TODAY.plusDays(21), MeasureChoice.REQUEST_EXTENSION, "Veiligheid nog niet duurzaam"));
            assertEquals(MeasureChoice.REQUEST_EXTENSION, evaluated.choice());
            assertFalse(evaluated.overdue());
            assertRule("measure-already-evaluated", () -> living.evaluateMeasure(ANS, id, ots.id(),
                    new MeasureEvaluationInput(TODAY.plusDays(21), MeasureChoice.END, "x")));
            assertTrue(cases.history(id).stream().anyMatch(e -> e.type().equals("MEASURE_EVALUATED")
                    && e.detail().contains("late")));

            ChildMeasure voogdij = living.addMeasure(ANS, id, new ChildMeasureInput(f.child().id(),
                    MeasureType.GUARDIANSHIP, TODAY, null, "C/05/2"));
            assertNull(living.measureCycles(id).get(1).evaluationDue());
            assertRule("measure-without-end", () -> living.evaluateMeasure(ANS, id, voogdij.id(),
                    new MeasureEvaluationInput(TODAY.plusDays(21), MeasureChoice.END, "x")));
        }

        @Test
        void theRaadReportIsDueThreeMonthsAfterTheRequestAndAlertedOnceWhenLate() throws Exception {
            Family f = family(unique("Arnhem"));
            String id = f.kase().id();
            String fp = "fp-" + id;
            cases.assign(ANS, id, null, pro(fp, ProfessionalRole.FIXED_PROFESSIONAL, true));
            assertRule("raad-child-not-in-case", () -> living.requestRaadInvestigation(ANS, id,
                    new RaadInvestigationInput(f.parent().id(), "Is een OTS nodig?", TODAY)));
            RaadInvestigation r = living.requestRaadInvestigation(ANS, id, new RaadInvestigationInput(f.child().id(),
                    "Is een OTS nodig?", TODAY.minusDays(1)));
            assertEquals(TODAY.minusDays(1).plusMonths(3), r.reportDue());
            assertRule("raad-investigation-running", () -> living.requestRaadInvestigation(ANS, id,
                    new RaadInvestigationInput(f.child().id(), "nog een", TODAY)));
            living.checkCycles();
            assertEquals(0, alertsFor(fp, id, TransactionalLivingService.RAAD_OVERDUE).size());
            clock.advance(Duration.ofDays(95));
            assertTrue(living.raadInvestigations(id).get(0).overdue());
            living.checkCycles();
            living.checkCycles();
            assertEquals(1, alertsFor(fp, id, TransactionalLivingService.RAAD_OVERDUE).size());
            RaadInvestigation reported = living.recordRaadReport(ANS, id, r.id(), new RaadReportInput(
                    TODAY.plusDays(95), RaadConclusion.MEASURE_REQUESTED, "Verzoek OTS ingediend"));
            assertEquals(RaadConclusion.MEASURE_REQUESTED, reported.conclusion());
            assertFalse(reported.overdue());
            assertRule("raad-reported", () -> living.recordRaadReport(ANS, id, r.id(), new RaadReportInput(
                    TODAY.plusDays(95), RaadConclusion.NO_MEASURE, "x")));
        }
        // --- feedback to the reporter ----------------------------------------------------------------------

        @Test
        void theReporterIsToldThatThereIsFollowUpInTimeOrTheFixedProfessionalIsAlerted() throws Exception {
            Family f = family(unique("Arnhem"));
            String id = f.kase().id();
            String fp = "fp-" + id;
            cases.assign(ANS, id, null, pro(fp, ProfessionalRole.FIXED_PROFESSIONAL, true));
            assertInvalid("organisation", () -> living.recordReporter(ANS, id, new ReporterInput(null, " ", "x")));
            assertRule("reporter-signal-not-in-case", () -> living.recordReporter(ANS, id, new ReporterInput("nope",
                    "OBS De Linde", "juf Ans, 026-1234567")));
            Reporter school = living.recordReporter(ANS, id, new ReporterInput(null, "OBS De Linde",
                    "juf Ans, 026-1234567"));
            assertEquals(TODAY.plusDays(10), school.feedbackDue(), "ten days after the signal");
            assertFalse(school.overdue());
            living.checkCycles();
            assertEquals(0, alertsFor(fp, id, TransactionalLivingService.REPORTER_OVERDUE).size());
            clock.advance(Duration.ofDays(11));
            assertTrue(living.reporters(id).get(0).overdue());
            living.checkCycles();
            living.checkCycles();
            List<StoredAlert> alerted = alertsFor(fp, id, TransactionalLivingService.REPORTER_OVERDUE);
            assertEquals(1, alerted.size(), "once");
            assertFalse(alerted.get(0).message().contains("de Vries"), "no family data in the alert");

            Reporter told = living.recordFeedback(ANS, id, school.id(), new ReporterFeedbackInput(
                    FeedbackOutcome.FOLLOW_UP_STARTED, FeedbackChannel.PHONE, TODAY.plusDays(11)));
            assertEquals(TODAY.plusDays(11), told.toldOn());
            assertEquals(Reporter.message(FeedbackOutcome.FOLLOW_UP_STARTED), told.message());
            assertFalse(told.overdue());
            assertRule("reporter-told", () -> living.recordFeedback(ANS, id, school.id(), new ReporterFeedbackInput(
                    FeedbackOutcome.NO_FOLLOW_UP, FeedbackChannel.EMAIL, TODAY.plusDays(11))));
            assertTrue(cases.history(id).stream().anyMatch(e -> e.type().equals("REPORTER_TOLD")
                    && e.detail().contains("(late)")));
            // who reported is protected even from those who may read the history (an invited reviewer may not
            // read /reporters): the history names no reporter, also not in lines recorded before 0.5.0
            assertTrue(cases.history(id).stream().noneMatch(e -> e.detail() != null && e.detail().contains("De Linde")),
                    cases.history(id).toString());
            assertTrue(cases.history(id).stream().anyMatch(e -> e.type().equals("REPORTER_RECORDED")
                    && e.detail().equals("a reporter is recorded, to be told what happens next by " + TODAY.plusDays(10))));
            database.inTransaction(c -> c.createStatement().executeUpdate("UPDATE case_event SET detail = 'the reporter"
                    + " (OBS De Linde (Arnhem)) was told on 2026-03-12 by PHONE' WHERE case_id = '" + id
                    + "' AND event_type = 'REPORTER_TOLD'"));
            assertEquals(List.of("the reporter was told on 2026-03-12 by PHONE"), cases.history(id).stream()
                    .filter(e -> e.type().equals("REPORTER_TOLD")).map(nl.proeftuin.core.api.dto.CaseEvent::detail).toList());
        }

        // --- more professionals than the threshold around one family --------------------------------------

        @Test
        void moreProfessionalsThanTheThresholdAroundOneFamilyNoticeTheFixedProfessionalsOnce() throws Exception {
            Family f = family(unique("Arnhem"));
            String id = f.kase().id();
            String fp = "fp-" + id;
            cases.assign(ANS, id, null, pro(fp, ProfessionalRole.FIXED_PROFESSIONAL, true));
            for (int i = 1; i <= 3; i++) {
                cases.assign(ANS, id, null, pro("p" + i + "-" + id, ProfessionalRole.CARE_PROVIDER, false));
            }
            // a second open case with the same child, two more professionals: six around the family
            CaseView other = cases.open(ANS, new nl.proeftuin.core.api.dto.SignalInput(
                    nl.proeftuin.core.api.dto.SignalKind.SIGNAL, nl.proeftuin.core.api.dto.SignalSource.POLICE,
                    "Tweede melding", TODAY, f.kase().municipality(), List.of(new nl.proeftuin.core.api.dto.CaseMemberInput(
                            f.child().id(), java.util.Set.of(nl.proeftuin.core.api.dto.FamilyRole.CHILD)))));
            String otherFp = "fp2-" + id;
            cases.assign(ANS, other.id(), null, pro(otherFp, ProfessionalRole.FIXED_PROFESSIONAL, true));
            living.checkCycles();
            assertEquals(List.of(), living.professionalsNotices(fp), "five is not more than five");
            cases.assign(ANS, other.id(), null, pro("p4-" + id, ProfessionalRole.GI, false));
            living.checkCycles();
            living.checkCycles();
            List<ProfessionalsNotice> mine = living.professionalsNotices(fp);
            assertEquals(1, mine.size(), "once");
            assertEquals(6, mine.get(0).count());
            assertEquals(5, mine.get(0).threshold());
            assertEquals(java.util.Set.of(fp, otherFp, "p1-" + id, "p2-" + id, "p3-" + id, "p4-" + id),
                    mine.get(0).professionals().stream().map(ActiveProfessional::professionalId)
                            .collect(java.util.stream.Collectors.toSet()));
            assertEquals(id, mine.get(0).caseId());
            List<ProfessionalsNotice> theirs = living.professionalsNotices(otherFp);
            assertEquals(1, theirs.size());
            assertEquals(other.id(), theirs.get(0).caseId());
            assertEquals(List.of(), living.professionalsNotices("p1-" + id), "only the fixed professionals");
        }

        /**
         * One person joining two open cases at the same moment (decision 0047): each addition reads the person's
         * open cases under the person's lock, so the second sees the first and both fixed professionals are told.
         * Read without the lock, each saw none (the other's row not yet committed) and nobody was told.
         */
        @Test
        void aPersonJoiningTwoOpenCasesAtTheSameMomentIsNoticedByBoth() throws Exception {
            Family f = family(unique("Arnhem"));
            Family g = family(unique("Arnhem"));
            String a = f.kase().id();
            String b = g.kase().id();
            cases.assign(ANS, a, null, pro("fpa-" + a, ProfessionalRole.FIXED_PROFESSIONAL, true));
            cases.assign(ANS, b, null, pro("fpb-" + b, ProfessionalRole.FIXED_PROFESSIONAL, true));
            nl.proeftuin.core.api.dto.Person daan = family.createPerson(ANS, new nl.proeftuin.core.api.dto.PersonInput(
                    "Daan", "de Vries", LocalDate.of(2019, 2, 1), null));
            java.util.concurrent.CyclicBarrier bothInside = new java.util.concurrent.CyclicBarrier(2);
            java.util.Set<Thread> met = java.util.concurrent.ConcurrentHashMap.newKeySet();
            nl.proeftuin.core.store.cases.FamilyStore real = new JdbcFamilyStore();
            nl.proeftuin.core.store.cases.FamilyStore meeting = (nl.proeftuin.core.store.cases.FamilyStore)
                    java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {nl.proeftuin.core.store.cases.FamilyStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("persons") && met.add(Thread.currentThread())) {
                            try {
                                // both additions are inside their transactions, past their case's lock (once each)
                                bothInside.await(2, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.BrokenBarrierException e) {
                                // the other is held at a lock: go on alone
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TransactionalLivingService racing = new TransactionalLivingService(new Domain(database, meeting,
                    new JdbcCaseStore(), new JdbcPlanStore(), clock), new JdbcLivingStore(), municipalityStore, alertStore,
                    municipal, TransactionalLivingService.Terms.DEFAULT, 0, null);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<CaseView>> joins = List.of(
                        two.submit(() -> racing.addMember(ANS, a, null, new nl.proeftuin.core.api.living.MemberInput(
                                daan.id(), java.util.Set.of(nl.proeftuin.core.api.dto.FamilyRole.CHILD), TODAY, null))),
                        two.submit(() -> racing.addMember(ANS, b, null, new nl.proeftuin.core.api.living.MemberInput(
                                daan.id(), java.util.Set.of(nl.proeftuin.core.api.dto.FamilyRole.CHILD), TODAY, null))));
                for (java.util.concurrent.Future<CaseView> j : joins) {
                    j.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                two.shutdownNow();
            }
            assertEquals(List.of(b), living.regieNotices("fpa-" + a).stream()
                    .map(nl.proeftuin.core.api.living.RegieNotice::otherCaseId).toList(), "A's professional hears of B");
            assertEquals(List.of(a), living.regieNotices("fpb-" + b).stream()
                    .map(nl.proeftuin.core.api.living.RegieNotice::otherCaseId).toList(), "B's professional hears of A");
        }

        /**
         * The members a case opened with enter its history on the Dutch day it opened: at 00:30 in Amsterdam
         * (23:30 UTC) that is the next day, not the server's UTC day.
         */
        @Test
        void theMembersACaseOpenedWithAreDatedOnTheDutchDay() {
            clock.advance(Duration.between(clock.instant(), java.time.Instant.parse("2027-03-12T23:30:00Z")));
            LocalDate dutchToday = TODAY.plusDays(1);
            Family f = family(unique("Arnhem"));
            nl.proeftuin.core.api.dto.Person brother = family.createPerson(ANS, new nl.proeftuin.core.api.dto.PersonInput(
                    "Daan", "de Vries", LocalDate.of(2019, 2, 1), null));
            living.addMember(ANS, f.kase().id(), f.kase().version(), new nl.proeftuin.core.api.living.MemberInput(
                    brother.id(), java.util.Set.of(nl.proeftuin.core.api.dto.FamilyRole.CHILD), dutchToday, "geboren"));
            List<nl.proeftuin.core.api.living.MemberChange> history = living.memberHistory(f.kase().id());
            assertEquals(3, history.size());
            assertTrue(history.stream().allMatch(m -> m.on().equals(dutchToday)), history.toString());
        }
    }


    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    class OnPostgreSql extends Contract {
        @Override
        boolean onPostgres() {
            return true;
        }
    }
}
