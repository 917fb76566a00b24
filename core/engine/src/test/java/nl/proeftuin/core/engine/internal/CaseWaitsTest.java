package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.EndAssignmentInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.waits.WaitEndInput;
import nl.proeftuin.core.api.waits.WaitFigures;
import nl.proeftuin.core.api.waits.WaitFor;
import nl.proeftuin.core.api.waits.WaitInput;
import nl.proeftuin.core.api.waits.WaitListItem;
import nl.proeftuin.core.api.waits.WaitView;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.core.store.internal.JdbcProcurementStore;
import nl.proeftuin.core.store.internal.JdbcWaitStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Waiting is explicit (issue 14 part 5): who is responsible meanwhile, since when, the age, the lists. */
class CaseWaitsTest {

    abstract static class Contract extends CareFinderTest.Contract {
        CaseWaits waits;

        @BeforeEach
        void waits() {
            Domain domain = new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(), new JdbcPlanStore(), clock);
            waits = new CaseWaits(domain, new JdbcWaitStore(), new JdbcProcurementStore());
        }

        /** A family with a fixed professional "fp-<case>" and an RVT colleague "rvt-<case>". */
        Family withTeam(CareFinderTest.TestConnector connector) {
            Family f = bound(connector);
            CaseView k = cases.assign(ANS, f.kase().id(), null, pro("fp-" + f.kase().id(),
                    ProfessionalRole.FIXED_PROFESSIONAL, true));
            cases.assign(ANS, k.id(), null, pro("rvt-" + k.id(), ProfessionalRole.RVT_PROFESSIONAL, false));
            return f;
        }

        static WaitInput forGi(String responsible) {
            return new WaitInput(WaitFor.GI_WORKER, "GI Jeugdbescherming Gelderland", null, responsible,
                    TODAY.minusDays(3), TODAY.plusDays(14), "OTS uitgesproken, nog geen jeugdbeschermer");
        }

        @Test
        void aWaitNamesWhoIsResponsibleMeanwhileAndShowsItsAge() {
            Family f = withTeam(new CareFinderTest.TestConnector());
            String id = f.kase().id();
            assertRule("no-interim-responsible", () -> waits.start(ANS, id, forGi("someone-else")));
            assertRule("no-interim-responsible", () -> waits.start(ANS, id, forGi("ans")));
            assertInvalid("since", () -> waits.start(ANS, id, new WaitInput(WaitFor.GI_WORKER, "GI", null, "fp-" + id,
                    TODAY.plusDays(1), null, null)));
            assertInvalid("expected", () -> waits.start(ANS, id, new WaitInput(WaitFor.GI_WORKER, "GI", null, "fp-" + id,
                    TODAY, TODAY.minusDays(1), null)));
            assertInvalid("waitFor", () -> waits.start(ANS, id, new WaitInput(null, "GI", null, "fp-" + id, null, null,
                    null)));

            WaitView w = waits.start(ANS, id, forGi("fp-" + id));
            assertEquals("Pro fp-" + id, w.responsibleName());
            assertTrue(w.responsibleActive());
            assertEquals(3, w.ageDays());
            clock.advance(Duration.ofDays(20));
            WaitView later = waits.ofCase(id).get(0);
            assertEquals(23, later.ageDays());
            assertTrue(later.pastExpected());

            List<WaitListItem> list = waits.waitingList(Set.of(f.kase().municipality()), "gi jeugdbescherming gelderland");
            assertEquals(1, list.size());
            assertEquals(23, list.get(0).ageDays());
            assertEquals(List.of(), waits.waitingList(Set.of(f.kase().municipality()), "Raad"));
            assertEquals(List.of(), waits.waitingList(Set.of(unique("Elders")), null));
            WaitFigures figures = waits.figures().stream().filter(x -> x.municipality().equals(f.kase().municipality()))
                    .findFirst().orElseThrow();
            assertEquals(new WaitFigures(f.kase().municipality(), WaitFor.GI_WORKER, 1, 23.0, 23, 1), figures);

            assertInvalid("on", () -> waits.end(ANS, id, w.id(), new WaitEndInput(TODAY.minusDays(10), "te vroeg")));
            assertThrows(NotFoundException.class, () -> waits.end(ANS, id, "no-such-wait", new WaitEndInput(null, "x")));
            WaitView ended = waits.end(ANS, id, w.id(), new WaitEndInput(null, "Jeugdbeschermer Kim is begonnen"));
            assertEquals(23, ended.ageDays());
            assertEquals(TODAY.plusDays(20), ended.endedOn());
            assertRule("wait-ended", () -> waits.end(ANS, id, w.id(), new WaitEndInput(null, "nog eens")));
            assertEquals(List.of(), waits.waitingList(null, "GI Jeugdbescherming Gelderland").stream()
                    .filter(x -> x.caseId().equals(id)).toList());
            List<String> events = cases.history(id).stream().map(CaseEvent::type).toList();
            assertTrue(events.contains("WAIT_STARTED") && events.contains("WAIT_ENDED"), events.toString());
        }

        @Test
        void theResponsibleWhoLeavesTheTeamShowsOnTheWait() {
            Family f = withTeam(new CareFinderTest.TestConnector());
            String id = f.kase().id();
            waits.start(ANS, id, forGi("rvt-" + id));
            CaseView k = cases.get(id);
            String assignment = k.team().stream().filter(a -> a.professionalId().equals("rvt-" + id)).findFirst()
                    .orElseThrow().id();
            cases.endAssignment(ANS, id, null, assignment, new EndAssignmentInput("andere baan"));
            assertFalse(waits.ofCase(id).get(0).responsibleActive());
        }

        @Test
        void aCareRequestThatCouldNotBeSentIsNotWaitedOn() {
            Family sent = withTeam(new CareFinderTest.TestConnector());
            CareRequestView request = finder.requestCare(ANS, sent.kase().id(), careFor(sent.child().id(), "12345678"));
            String id = sent.kase().id();
            assertInvalid("careRequestId", () -> waits.start(ANS, id, new WaitInput(WaitFor.CARE, "Karakter", null,
                    "fp-" + id, null, null, null)));
            WaitView w = waits.start(ANS, id, new WaitInput(WaitFor.CARE, "Karakter", request.id(), "fp-" + id, null,
                    null, null));
            assertEquals(request.id(), w.careRequestId());

            Family unbound = family(unique("Zutphen"));
            String other = unbound.kase().id();
            cases.assign(ANS, other, null, pro("fp-" + other, ProfessionalRole.FIXED_PROFESSIONAL, true));
            CareRequestView notSent = finder.requestCare(ANS, other, careFor(unbound.child().id(), "12345678"));
            assertEquals("FALLBACK", notSent.state());
            assertRule("care-request-not-sent", () -> waits.start(ANS, other, new WaitInput(WaitFor.CARE, "Karakter",
                    notSent.id(), "fp-" + other, null, null, null)));
            assertThrows(NotFoundException.class, () -> waits.start(ANS, other, new WaitInput(WaitFor.CARE, "Karakter",
                    request.id(), "fp-" + other, null, null, null)), "a care request of another case");
        }

        @Test
        void aClosedCaseTakesNoWait() {
            Family f = withTeam(new CareFinderTest.TestConnector());
            cases.close(ANS, f.kase().id(), null, new CloseInput("verhuisd"));
            assertRule("case-closed", () -> waits.start(ANS, f.kase().id(), forGi("fp-" + f.kase().id())));
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
