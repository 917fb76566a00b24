package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.municipal.DecisionInput;
import nl.proeftuin.core.api.municipal.DecisionTerm;
import nl.proeftuin.core.api.municipal.DecisionTermInput;
import nl.proeftuin.core.api.municipal.DecisionTimes;
import nl.proeftuin.core.api.municipal.InboxItem;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalDecisionStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.core.store.internal.JdbcProcurementStore;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The municipality decides in the platform (issue 14 part 4): inbox, decision rules, term, overdue alerts. */
class MunicipalDecisionsTest {

    static final Actor MIA = new Actor("mia.gemeente", "Mia van de Gemeente");

    abstract static class Contract extends CareFinderTest.Contract {
        MunicipalDecisions municipal;
        final JdbcMunicipalDecisionStore store = new JdbcMunicipalDecisionStore();

        @BeforeEach
        void municipal() throws Exception {
            database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM care_request_deadline"));
            Domain domain = new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(), new JdbcPlanStore(), clock);
            finder = new BoundCareFinder(domain, new JdbcProcurementStore(), alertStore, bindingStore,
                    new BoundCall(registry, calls, null), nationalIds, 56, 0, null, store);
            finder.accessLog = new HashChainedAccessLog(database,
                    new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "test-node");
            municipal = new MunicipalDecisions(domain, store, new JdbcProcurementStore(), municipalityStore);
        }

        /** A bound family whose case has a fixed professional ("fp-...") and an RVT colleague. */
        Family withTeam(CareFinderTest.TestConnector connector) {
            Family f = bound(connector);
            CaseView k = cases.assign(ANS, f.kase().id(), null, pro("fp-" + f.kase().id(),
                    ProfessionalRole.FIXED_PROFESSIONAL, true));
            cases.assign(ANS, k.id(), null, pro("rvt-" + k.id(), ProfessionalRole.RVT_PROFESSIONAL, false));
            return f;
        }

        @Test
        void theMunicipalityDecidesWithReasonsDeciderTimeAndObjectionTerm() {
            Family f = withTeam(new CareFinderTest.TestConnector());
            String town = f.kase().municipality();
            MaatwerkView m = finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()));
            CareRequestView care = finder.requestCare(ANS, f.kase().id(), careFor(f.child().id(), "12345678"));

            List<InboxItem> inbox = municipal.inbox(Set.of(town), true);
            assertEquals(Set.of(m.id(), care.id()), Set.of(inbox.get(0).id(), inbox.get(1).id()));
            InboxItem careItem = inbox.stream().filter(i -> i.kind().equals("CARE")).findFirst().orElseThrow();
            assertEquals(TODAY.plusDays(56), careItem.deadline(), "the Awb's eight weeks by default");
            assertEquals("Sanne de Vries", careItem.personName());
            assertEquals(List.of(), municipal.inbox(Set.of(unique("Elders")), true), "another municipality's inbox");

            assertInvalid("outcome", () -> municipal.decide(MIA, m.id(), new DecisionInput("MAYBE", "?")));
            assertInvalid("reasons", () -> municipal.decide(MIA, m.id(), new DecisionInput("GRANTED", " ")));
            assertRule("requester-cannot-decide", () -> municipal.decide(ANS, m.id(),
                    new DecisionInput("GRANTED", "ik vroeg het zelf")));
            assertThrows(NotFoundException.class, () -> municipal.decide(MIA, "no-such", new DecisionInput("GRANTED", "x")));

            clock.advance(Duration.ofDays(3));
            InboxItem decided = municipal.decide(MIA, m.id(), new DecisionInput("partly", "Zes maanden in plaats van twaalf"));
            assertEquals("PARTLY", decided.decision().outcome());
            assertEquals("Zes maanden in plaats van twaalf", decided.decision().reasons());
            assertEquals("mia.gemeente", decided.decision().decidedBy());
            assertEquals("Mia van de Gemeente", decided.decision().decidedByName());
            assertEquals(clock.instant(), decided.decision().decidedAt());
            assertEquals(TODAY.plusDays(3 + 42), decided.decision().objectionUntil(), "six weeks of objection term");
            assertEquals("PARTLY", finder.maatwerk(f.kase().id()).get(0).state(), "the case sees the decision");
            assertRule("already-decided", () -> municipal.decide(MIA, m.id(), new DecisionInput("REFUSED", "toch niet")));

            InboxItem careDecided = municipal.decide(MIA, care.id(), new DecisionInput("REFUSED", "Niet nodig"));
            assertEquals("REFUSED", careDecided.decision().outcome());
            assertEquals(List.of(), municipal.inbox(Set.of(town), true));
            assertEquals(2, municipal.inbox(Set.of(town), false).size());
            List<String> events = cases.history(f.kase().id()).stream().map(CaseEvent::type).toList();
            assertTrue(events.contains("MAATWERK_DECIDED") && events.contains("CARE_DECIDED"), events.toString());

            DecisionTimes times = municipal.decisionTimes().stream().filter(t -> t.municipality().equals(town))
                    .findFirst().orElseThrow();
            assertEquals(new DecisionTimes(town, 2, 2, 0, 0, 3.0, 3.0), times);
        }

        /**
         * The municipality the caller was authorised for decides only while the request is addressed to it:
         * after the family moved (the move readdresses the undecided requests), Arnhem's official granted a
         * request that was Ede's to decide, with its objection term.
         */
        @Test
        void aRequestReaddressedByAMoveIsNotDecidedByTheMunicipalityItLeft() throws Exception {
            Family f = withTeam(new CareFinderTest.TestConnector());
            String town = f.kase().municipality();
            MaatwerkView m = finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()));
            String elsewhere = registered(unique("Ede"));
            database.inTransaction(c -> c.createStatement().executeUpdate("UPDATE maatwerk_request SET municipality = '"
                    + elsewhere + "' WHERE id = '" + m.id() + "'"));
            assertRule("request-moved", () -> municipal.decide(MIA, m.id(), new DecisionInput("GRANTED", "ja"), town));
            assertEquals(null, municipal.request(m.id()).decision(), "nothing recorded");
            assertEquals("GRANTED", municipal.decide(MIA, m.id(), new DecisionInput("GRANTED", "ja"), elsewhere.toUpperCase())
                    .decision().outcome(), "the municipality it is addressed to decides");
        }

        /**
         * Reading a request (GET /municipal/requests/{id}) is a read: it does not wait while a decision on
         * it is being made, and it takes no row lock (it took one, SELECT ... FOR UPDATE, and waited).
         */
        @Test
        void readingARequestDoesNotWaitForADecisionBeingMade() throws Exception {
            Family f = withTeam(new CareFinderTest.TestConnector());
            MaatwerkView m = finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()));
            java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread decider = new Thread(() -> {
                try {
                    database.inTransaction(c -> {
                        store.lock(c, m.id()).orElseThrow();
                        locked.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new java.sql.SQLException(e);
                        }
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "deciding");
            decider.start();
            try {
                assertTrue(locked.await(30, java.util.concurrent.TimeUnit.SECONDS), "the decider holds the lock");
                InboxItem read = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> municipal.request(m.id()), "the read waited for the decider's lock");
                assertEquals(m.id(), read.id());
            } finally {
                release.countDown();
                decider.join();
            }
        }

        @Test
        void theDeadlineFollowsTheMunicipalitysOwnTerm() {
            CareFinderTest.TestConnector connector = new CareFinderTest.TestConnector();
            connector.deadline = TODAY.plusDays(90);
            Family f = withTeam(connector);
            String town = f.kase().municipality();
            assertEquals(TODAY.plusDays(90), finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()))
                    .deadline(), "without a term of its own, the connector's deadline");
            DecisionTerm def = municipal.term(town);
            assertEquals(56, def.days());
            assertFalse(def.own());
            assertInvalid("days", () -> municipal.setTerm(COORDINATOR, def.code(), new DecisionTermInput(0)));
            assertThrows(NotFoundException.class, () -> municipal.term("GM0000"));
            DecisionTerm own = municipal.setTerm(COORDINATOR, def.code(), new DecisionTermInput(28));
            assertEquals(new DecisionTerm(def.code(), town, 28, true), own);
            assertEquals(own, municipal.term(town.toUpperCase()), "by name as well as by code");

            MaatwerkView m = finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()));
            assertEquals(TODAY.plusDays(28), m.deadline(), "the municipality's own term rules");
            CareRequestView care = finder.requestCare(ANS, f.kase().id(), careFor(f.child().id(), "12345678"));
            assertEquals(TODAY.plusDays(28), municipal.request(care.id()).deadline());
            assertEquals(56, municipal.setTerm(COORDINATOR, def.code(), new DecisionTermInput(null)).days());
        }

        @Test
        void anOverdueRequestAlertsTheMunicipalityAndTheFixedProfessionalOnce() {
            Family f = withTeam(new CareFinderTest.TestConnector());
            String town = f.kase().municipality();
            String fixed = "fp-" + f.kase().id();
            finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()));
            CareRequestView care = finder.requestCare(ANS, f.kase().id(), careFor(f.child().id(), "12345678"));

            clock.advance(Duration.ofDays(56));
            assertEquals(0, finder.checkDeadlines(), "the deadline day itself is not past");
            clock.advance(Duration.ofDays(1));
            assertTrue(municipal.request(care.id()).overdue());
            assertEquals(2, finder.checkDeadlines());
            assertEquals(0, finder.checkDeadlines(), "once per request");

            List<Alert> forMunicipality = municipal.alerts(null, Set.of(town), 50);
            assertEquals(Set.of(BoundCareFinder.OVERDUE, BoundCareFinder.CARE_OVERDUE),
                    Set.copyOf(forMunicipality.stream().map(Alert::kind).toList()));
            List<Alert> forFixed = municipal.alerts(fixed, Set.of(), 50);
            assertEquals(2, forFixed.size());
            assertTrue(forFixed.stream().allMatch(a -> f.kase().id().equals(a.caseId())));
            assertEquals(List.of(), municipal.alerts("rvt-" + f.kase().id(), Set.of(), 50), "only the fixed professional");
            assertEquals(List.of(), municipal.alerts(null, Set.of(unique("Elders")), 50));

            DecisionTimes times = municipal.decisionTimes().stream().filter(t -> t.municipality().equals(town))
                    .findFirst().orElseThrow();
            assertEquals(2, times.open());
            assertEquals(2, times.overdue());
            assertNull(times.averageDays());
        }

        @Test
        void aMaatwerkRequestTheConnectorDecidedIsNotTheMunicipalitysToDecideAgain() {
            CareFinderTest.TestConnector connector = new CareFinderTest.TestConnector() {
                @Override
                public nl.proeftuin.core.spi.MaatwerkStatus requestMaatwerk(nl.proeftuin.core.spi.MaatwerkRequest request,
                        java.util.Map<String, String> configuration) {
                    return new nl.proeftuin.core.spi.MaatwerkStatus(request.requestId(), "GRANTED", null, "toegekend");
                }
            };
            Family f = withTeam(connector);
            MaatwerkView m = finder.requestMaatwerk(ANS, f.kase().id(), maatwerkFor(f.child().id()));
            assertEquals("GRANTED", m.state());
            assertRule("already-decided", () -> municipal.decide(MIA, m.id(), new DecisionInput("REFUSED", "nee")));
            assertNotNull(municipal.request(m.id()));
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
