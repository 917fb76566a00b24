package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two writers on one case at the same moment: exactly one wins, the other gets a 412 or 409, and the
 * team invariant holds afterwards. On both databases, because row locking is where they could differ.
 */
class ConcurrencyTest {

    abstract static class Contract extends EngineTestBase {

        /** Runs both calls as simultaneously as possible; returns what each threw (null = succeeded). */
        List<Throwable> race(Callable<?> a, Callable<?> b) throws Exception {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Throwable>> results = new ArrayList<>();
                for (Callable<?> call : List.of(a, b)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            call.call();
                            return null;
                        } catch (Throwable t) {
                            return t;
                        }
                    }));
                }
                List<Throwable> out = new ArrayList<>();
                for (Future<Throwable> f : results) {
                    out.add(f.get(30, TimeUnit.SECONDS));
                }
                return out;
            } finally {
                pool.shutdownNow();
            }
        }

        static void exactlyOneWins(List<Throwable> outcomes, Class<?>... allowedLoserTypes) {
            long winners = outcomes.stream().filter(t -> t == null).count();
            assertEquals(1, winners, () -> "outcomes: " + outcomes);
            Throwable loser = outcomes.stream().filter(t -> t != null).findFirst().orElseThrow();
            assertTrue(List.of(allowedLoserTypes).contains(loser.getClass()), () -> "loser threw " + loser);
        }

        @RepeatedTest(5)
        void twoFixedProfessionalsAssignedAtOnceLeaveExactlyOne() throws Exception {
            CaseView k = openCase(person("Sanne"));
            List<Throwable> outcomes = race(
                    () -> cases.assign(ANS, k.id(), null, pro("a", ProfessionalRole.FIXED_PROFESSIONAL, true)),
                    () -> cases.assign(ANS, k.id(), null, pro("b", ProfessionalRole.FIXED_PROFESSIONAL, true)));
            exactlyOneWins(outcomes, RuleViolationException.class);
            CaseView after = cases.get(k.id());
            assertEquals(1, after.team().stream().filter(x -> x.role() == ProfessionalRole.FIXED_PROFESSIONAL).count());
            assertEquals(1, after.team().stream().filter(Assignment::casusregie).count());
            assertEquals(2, after.version());
        }

        @RepeatedTest(5)
        void twoChangesOnTheSameVersionLeaveOneWinnerAndA412() throws Exception {
            CaseView k = openCase(person("Sanne"));
            List<Throwable> outcomes = race(
                    () -> cases.assign(ANS, k.id(), 1L, pro("a", ProfessionalRole.GI, false)),
                    () -> cases.assign(ANS, k.id(), 1L, pro("b", ProfessionalRole.RVT_PROFESSIONAL, false)));
            exactlyOneWins(outcomes, StaleVersionException.class);
            assertEquals(1, cases.get(k.id()).team().size());
        }

        @RepeatedTest(5)
        void twoPlanVersionsOnTheSameBaseLeaveOneVersion2() throws Exception {
            CaseView k = caseWithTeam();
            firstPlan(k);
            List<Throwable> outcomes = race(
                    () -> plans.newVersion(ANS, k.id(), 1, plan(null)),
                    () -> plans.newVersion(ANS, k.id(), 1, plan(null)));
            exactlyOneWins(outcomes, StaleVersionException.class);
            assertEquals(2, plans.versions(k.id()).size());
        }

        @RepeatedTest(5)
        void endingTheFixedProfessionalRacingTheFirstPlanNeverLeavesAPlanWithoutOne() throws Exception {
            CaseView k = caseWithTeam();
            Assignment fp = k.team().stream().filter(a -> a.role() == ProfessionalRole.FIXED_PROFESSIONAL)
                    .findFirst().orElseThrow();
            race(() -> plans.newVersion(ANS, k.id(), null, plan(null)),
                    () -> cases.endAssignment(ANS, k.id(), null, fp.id(),
                            new nl.proeftuin.core.api.dto.EndAssignmentInput("weg")));
            CaseView after = cases.get(k.id());
            long fixed = after.team().stream().filter(a -> a.role() == ProfessionalRole.FIXED_PROFESSIONAL).count();
            if (after.planVersion() > 0) {
                assertEquals(1, fixed, "a plan exists, so the fixed professional must still be there");
            } else {
                assertEquals(0, fixed);
            }
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
