package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.OpenCaseExistsException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcLivingStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One family, one case (issue 14 part 2) decided in the transaction that opens the case
 * ({@code CaseService.open(actor, signal, separateCaseReason)}, what {@code POST /cases} calls): a refusal
 * stores nothing, a reason is recorded with the case, and two signals about one family at the same moment
 * open one case. Before, the REST layer read the open cases, opened the case and recorded the reason in
 * three steps: both of two simultaneous signals found no open case, and a case could stand without the
 * reason it was opened beside another one with.
 */
class OneFamilyOneCaseTest {

    abstract static class Contract extends EngineTestBase {

        @Test
        void aPersonInAnOpenCaseRefusesASecondCaseWithoutAReasonAndStoresNothing() {
            Person sanne = person("Sanne");
            String town = unique("Arnhem");
            CaseView first = cases.open(ANS, signal(town, sanne), null);
            Person milan = person("Milan");
            OpenCaseExistsException refused = assertThrows(OpenCaseExistsException.class,
                    () -> cases.open(ANS, signal(town, milan, sanne), " "));
            assertEquals("open-case-exists", refused.rule());
            assertEquals(List.of(first.id()), refused.caseIds());
            assertEquals(1, casesIn(town), "nothing stored");
            // a reason too long is refused before anything is written
            assertInstanceOf(InvalidInputException.class, assertThrows(RuntimeException.class,
                    () -> cases.open(ANS, signal(town, sanne), "x".repeat(10_001))));
            assertEquals(1, casesIn(town));
            // the engine's own open (plugins, imports) is not one family, one case: as before
            cases.open(ANS, signal(town, sanne));
            assertEquals(2, casesIn(town));
        }

        @Test
        void withAReasonTheSeparateCaseIsRecordedInTheSameTransaction() throws Exception {
            Person sanne = person("Sanne");
            String town = unique("Arnhem");
            CaseView first = cases.open(ANS, signal(town, sanne), "no case yet: the reason is not needed");
            assertEquals(Optional.empty(), database.read(c -> new JdbcLivingStore().separateCaseReason(c, first.id())));
            CaseView second = cases.open(ANS, signal(town, sanne), "  Andere ouder, ander gezag: eigen plan nodig  ");
            assertEquals(Optional.of("Andere ouder, ander gezag: eigen plan nodig"),
                    database.read(c -> new JdbcLivingStore().separateCaseReason(c, second.id())));
            assertTrue(cases.history(second.id()).stream().anyMatch(e -> e.type().equals("OPENED_BESIDE_OPEN_CASES")
                    && "Andere ouder, ander gezag: eigen plan nodig".equals(e.reason())), "in the case's history");
        }

        /**
         * A person in 300 open cases (binding-flip's clients opened case after case for one child): the history's
         * payload held every id and overflowed at about 250 (a 500 after the case was built). The history now
         * names ten and counts the rest; the separate-case record names all 300. Beside 1,001 it is refused.
         */
        @Test
        void aSeparateCaseBesideHundredsOfOpenCasesIsRecordedWithTheirCountAndPastAThousandRefused()
                throws Exception {
            Person sanne = person("Sanne");
            String town = unique("Arnhem");
            for (int i = 0; i < 300; i++) {
                cases.open(ANS, signal(town, sanne)); // the engine's own open: no rule, as imports do
            }
            CaseView beside = cases.open(ANS, signal(town, sanne), "Elk kind een eigen zaak");
            var opened = cases.history(beside.id()).stream()
                    .filter(e -> e.type().equals("OPENED_BESIDE_OPEN_CASES")).findFirst().orElseThrow();
            assertTrue(opened.detail().endsWith(" and 290 more"), opened.detail());
            assertTrue(opened.detail().length() < 500, opened.detail());
            String payload = text("SELECT payload FROM case_event WHERE case_id = ?"
                    + " AND event_type = 'OPENED_BESIDE_OPEN_CASES'", beside.id());
            CaseEvents.OpenedBesideOpenCases read = CaseEvents.read(payload, CaseEvents.OpenedBesideOpenCases.class);
            assertEquals(300, read.openCaseCount());
            assertEquals(10, read.openCases().size());
            String all = text("SELECT existing_cases FROM separate_case WHERE case_id = ?", beside.id());
            assertEquals(300, all.split(",").length, "the separate-case record names them all");
            // the refusal without a reason names ten in its sentence and all 301 in its ids
            OpenCaseExistsException refused = assertThrows(OpenCaseExistsException.class,
                    () -> cases.open(ANS, signal(town, sanne), null));
            assertEquals(301, refused.caseIds().size());
            assertTrue(refused.getMessage().contains(" and 291 more: "), refused.getMessage());
            // past 1,000 open cases a separate case is refused, and nothing is written
            for (int i = 301; i <= OneFamilyOneCase.MOST_OPEN_CASES_BESIDE; i++) {
                cases.open(ANS, signal(town, sanne));
            }
            long before = casesIn(town);
            RuleViolationException tooMany = assertThrows(RuleViolationException.class,
                    () -> cases.open(ANS, signal(town, sanne), "Nog een eigen zaak"));
            assertEquals("too-many-open-cases", tooMany.rule());
            assertEquals(before, casesIn(town), "nothing stored");
        }

        String text(String sql, String id) throws Exception {
            return database.read(c -> {
                try (var s = c.prepareStatement(sql)) {
                    s.setString(1, id);
                    try (var rs = s.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        }

        /**
         * Two signals about one family at the same moment: the first opening holds the persons' locks from its
         * check to its commit, so the second finds the first case. Both openings meet at a barrier after their
         * checks; without the locks both pass it and two cases open.
         */
        @Test
        void twoSignalsAboutOneFamilyAtTheSameMomentOpenOneCase() throws Exception {
            Person sanne = person("Sanne");
            String town = unique("Arnhem");
            SignalInput signal = signal(town, sanne);
            CyclicBarrier bothChecked = new CyclicBarrier(2);
            FamilyStore real = new JdbcFamilyStore();
            FamilyStore meeting = (FamilyStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FamilyStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("persons")) {
                            try {
                                // the opening reads the persons right after its check; wait there for the other
                                bothChecked.await(300, TimeUnit.MILLISECONDS);
                            } catch (java.util.concurrent.TimeoutException
                                    | java.util.concurrent.BrokenBarrierException e) {
                                // the other is held at the lock (or done): go on alone
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TransactionalCaseService racing = new TransactionalCaseService(database, meeting, new JdbcCaseStore(),
                    new JdbcPlanStore(), municipalityStore, new nl.proeftuin.core.store.internal.JdbcOutcomeStore(),
                    new nl.proeftuin.core.store.internal.JdbcBindingStore(),
                    new nl.proeftuin.core.store.internal.JdbcCohortStore(), new JdbcLivingStore(), clock);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<CaseView>> openings = List.of(two.submit(() -> racing.open(ANS, signal, null)),
                        two.submit(() -> racing.open(ANS, signal, null)));
                int opened = 0;
                int refused = 0;
                for (Future<CaseView> f : openings) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        opened++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(OpenCaseExistsException.class, e.getCause());
                        refused++;
                    }
                }
                assertEquals(List.of(1, 1), List.of(opened, refused), "one opened, the other refused");
                assertEquals(1, casesIn(town));
            } finally {
                two.shutdownNow();
            }
        }

        long casesIn(String town) {
            return cases.search(new nl.proeftuin.core.api.dto.CaseQuery(null, town, null, null, 0, 10)).total();
        }
    }

    /** More than 1,000 open cases: the signal belongs in one of them (checked before anything is written). */
    @Test
    void aSeparateCaseBesideMoreThanAThousandOpenCasesIsRefused() {
        List<String> many = java.util.Collections.nCopies(OneFamilyOneCase.MOST_OPEN_CASES_BESIDE + 1, "k");
        RuleViolationException refused = assertThrows(RuleViolationException.class,
                () -> OneFamilyOneCase.checkSeparate(many));
        assertEquals("too-many-open-cases", refused.rule());
        OneFamilyOneCase.checkSeparate(many.subList(0, OneFamilyOneCase.MOST_OPEN_CASES_BESIDE)); // 1,000 may
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
