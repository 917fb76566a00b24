package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.spi.CarePath;
import nl.proeftuin.core.spi.CarePathAdvice;
import nl.proeftuin.core.spi.CarePathDefinition;
import nl.proeftuin.core.spi.CarePathPhase;
import nl.proeftuin.core.spi.CarePathRequest;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.care.CarePathStatus;
import nl.proeftuin.core.api.care.CompletedStep;
import nl.proeftuin.core.api.care.IncidentInput;
import nl.proeftuin.core.api.care.StepInput;
import nl.proeftuin.core.store.internal.JdbcCarePathStore;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A case on the bound care path: the order of the steps the core enforces, incidents, every fallback. */
class CarePathServiceTest {

    /**
     * A small MDA++-like path: acute safety needs a safety plan; risk-driven care needs the analysis
     * before the interventions. It records what it was asked.
     */
    static final class TestPath implements CarePath {
        static final List<String> ORDER = List.of("safety-plan", "analysis", "interventions");
        final ConcurrentLinkedDeque<CarePathRequest> seen = new ConcurrentLinkedDeque<>();

        @Override
        public CarePathDefinition definition(Map<String, String> configuration) {
            return new CarePathDefinition("MDA++ " + configuration.getOrDefault("variant", "standaard"),
                    List.of("meervoudig complex geweld"), List.of("Veilig Thuis", "GGZ"), List.of(
                            new CarePathPhase(Phase.ACUTE_SAFETY, List.of("signaal"), List.of("veiligheidsplan"),
                                    List.of("safety-plan")),
                            new CarePathPhase(Phase.STABILISATION, List.of("veilig genoeg"), List.of("risico's lager"),
                                    List.of("analysis", "interventions"))));
        }

        @Override
        public CarePathAdvice advise(CarePathRequest request) {
            seen.add(request);
            List<String> open = new ArrayList<>(ORDER);
            open.removeAll(request.completedSteps());
            return new CarePathAdvice(true, List.of("incidents: " + request.incidents()),
                    request.completedSteps().contains("safety-plan") ? Phase.STABILISATION : null, open);
        }
    }

    abstract static class Contract extends PluginTestBase {

        static final StepInput NOTE = new StepInput("safety-plan", "Veiligheidsplan met moeder opgesteld");

        BoundCarePathService paths;

        @BeforeEach
        void paths() {
            paths = paths(calls);
        }

        BoundCarePathService paths(TimeBoxedPluginCalls with) {
            Domain domain = new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(), new JdbcPlanStore(), clock);
            return new BoundCarePathService(domain, triageStore, new JdbcCarePathStore(), alertStore, bindingStore,
                    new BoundCall(registry, with, null));
        }

        long installPath(String pluginId, CarePath path) {
            return install(ExtensionPoint.CARE_PATH, pluginId, "1.2.0", 0, path);
        }

        Binding bindPath(String municipality, String pluginId, Map<String, String> configuration) {
            return runtime.bind(COORDINATOR, ExtensionPoint.CARE_PATH, municipality,
                    new BindingInput(pluginId, configuration, "MDA++ pilot"));
        }

        /** A case whose municipality has the test path bound. */
        CaseView onPath(TestPath path) {
            installPath("mda-test", path);
            CaseView k = openCase(person("Sanne"));
            bindPath(k.municipality(), "mda-test", Map.of("variant", "gelderland"));
            return k;
        }

        List<Alert> alerts(String caseId) {
            return runtime.alerts(1000).stream().filter(a -> caseId.equals(a.caseId())).toList();
        }

        List<String> steps(CarePathStatus s) {
            return s.steps().stream().map(CompletedStep::step).toList();
        }

        static StepInput step(String step) {
            return new StepInput(step, "gedaan: " + step);
        }

        @Test
        void theStatusShowsTheBoundPathsDefinitionAdviceAndProvenance() {
            TestPath path = new TestPath();
            installPath("mda-test", path);
            CaseView k = openCase(person("Sanne"));
            Binding binding = bindPath(k.municipality(), "mda-test", Map.of("variant", "gelderland"));

            CarePathStatus s = paths.status(k.id());

            assertFalse(s.fallback());
            assertNull(s.fallbackReason());
            assertEquals(k.id(), s.caseId());
            assertEquals(path.definition(Map.of("variant", "gelderland")), s.definition());
            assertEquals("MDA++ gelderland", s.definition().name());
            assertEquals(TestPath.ORDER, s.advice().openSteps());
            assertEquals(List.of(), s.steps());
            assertEquals(List.of(), s.incidents());
            assertEquals("mda-test", s.provenance().pluginId());
            assertEquals("test.mda-test", s.provenance().bundle());
            assertEquals("1.2.0", s.provenance().bundleVersion());
            assertEquals(binding.configurationHash(), s.provenance().configurationHash());
            assertEquals(binding.revision(), s.provenance().bindingRevision());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(List.of(s.definition(), s.advice()))),
                    s.provenance().outputDigest());
            CarePathRequest seen = path.seen.getLast();
            assertEquals(k.id(), seen.kase().id());
            assertEquals(Map.of("variant", "gelderland"), seen.configuration());
            assertEquals(List.of(), seen.completedSteps());
            assertEquals(0, seen.incidents());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(seen)), s.provenance().inputDigest());
            assertEquals(List.of(), alerts(k.id()));
            assertThrows(NotFoundException.class, () -> paths.status("no-such-case"));
        }

        @Test
        void theCoreKeepsThePathsOrderOfSteps() {
            TestPath path = new TestPath();
            CaseView k = onPath(path);

            RuleViolationException early = assertThrows(RuleViolationException.class,
                    () -> paths.completeStep(ANS, k.id(), step("interventions")));
            assertEquals("step-order", early.rule());
            assertTrue(early.getMessage().contains("safety-plan") && early.getMessage().contains("analysis"),
                    early.getMessage());
            RuleViolationException analysis = assertThrows(RuleViolationException.class,
                    () -> paths.completeStep(ANS, k.id(), step("analysis")));
            assertEquals("step-order", analysis.rule());
            assertTrue(analysis.getMessage().contains("safety-plan"), analysis.getMessage());
            assertEquals(List.of(), steps(paths.status(k.id())), "a refused step is not recorded");

            CarePathStatus s = paths.completeStep(ANS, k.id(), NOTE);
            assertEquals(List.of("safety-plan"), steps(s));
            CompletedStep done = s.steps().get(0);
            assertEquals("Veiligheidsplan met moeder opgesteld", done.note());
            assertEquals(Phase.ACUTE_SAFETY, done.phase());
            assertEquals("mda-test", done.pluginId());
            assertEquals("ans", done.by());
            assertEquals(START, done.at());
            assertEquals(List.of("analysis", "interventions"), s.advice().openSteps(),
                    "the path was asked with the step done");
            assertEquals(List.of("safety-plan"), path.seen.getLast().completedSteps());

            RuleViolationException still = assertThrows(RuleViolationException.class,
                    () -> paths.completeStep(ANS, k.id(), step("interventions")));
            assertEquals("step-order", still.rule());
            assertTrue(still.getMessage().contains("analysis"), still.getMessage());
            assertFalse(still.getMessage().contains("safety-plan"), "a done step is not named as open: "
                    + still.getMessage());

            paths.completeStep(ANS, k.id(), step("analysis"));
            s = paths.completeStep(ANS, k.id(), step("interventions"));
            assertEquals(TestPath.ORDER, steps(s));
            assertEquals(List.of(), s.advice().openSteps());

            assertRule("step-done", () -> paths.completeStep(ANS, k.id(), step("analysis")));
            assertInvalid("step", () -> paths.completeStep(ANS, k.id(), step("family-meeting")));
            assertInvalid("step", () -> paths.completeStep(ANS, k.id(), new StepInput(" ", "x")));
            assertInvalid("note", () -> paths.completeStep(ANS, k.id(), new StepInput("analysis", null)));
            assertInvalid("body", () -> paths.completeStep(ANS, k.id(), null));
            assertInvalid("actor", () -> paths.completeStep(null, k.id(), NOTE));
            assertEquals(3, cases.history(k.id()).stream().map(CaseEvent::type).filter("CARE_PATH_STEP"::equals)
                    .count());
        }

        @Test
        void aStepRecordedTwiceAtOnceIsRecordedOnce() throws Exception {
            CaseView k = onPath(new TestPath());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<CarePathStatus>> both = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    both.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return paths.completeStep(ANS, k.id(), NOTE);
                    }));
                }
                int ok = 0;
                for (Future<CarePathStatus> f : both) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                        ok++;
                    } catch (ExecutionException e) {
                        assertTrue(e.getCause() instanceof RuleViolationException, String.valueOf(e.getCause()));
                        assertEquals("step-done", ((RuleViolationException) e.getCause()).rule());
                    }
                }
                assertEquals(1, ok);
                assertEquals(List.of("safety-plan"), steps(paths.status(k.id())));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void withoutABindingTheCaseFollowsRegularCaseWorkWithoutAnAlert() {
            installPath("mda-test", new TestPath()); // present, but bound nowhere
            CaseView k = openCase(person("Sanne"));

            CarePathStatus s = paths.status(k.id());

            assertTrue(s.fallback());
            assertNull(s.definition());
            assertNull(s.advice());
            assertTrue(s.fallbackReason().contains("no care path is bound"), s.fallbackReason());
            assertEquals(BoundTriageService.FALLBACK_ID, s.provenance().pluginId());
            assertNull(s.provenance().outputDigest());
            assertEquals(List.of(), alerts(k.id()), "an unbound point is the region's choice, not a fault");
            RuleViolationException e = assertThrows(RuleViolationException.class,
                    () -> paths.completeStep(ANS, k.id(), NOTE));
            assertEquals("no-care-path", e.rule());
            assertTrue(e.getMessage().contains("no care path is bound"), e.getMessage());
            assertEquals(List.of(), steps(paths.status(k.id())));
            assertEquals(List.of(), alerts(k.id()));
        }

        @Test
        void anAbsentPathFallsBackWithAnAlert() {
            long service = installPath("mda-test", new TestPath());
            CaseView k = openCase(person("Sanne"));
            Binding binding = bindPath(k.municipality(), "mda-test", Map.of());
            registry.remove(service);

            CarePathStatus s = paths.status(k.id());

            assertTrue(s.fallback());
            assertTrue(s.fallbackReason().contains("'mda-test' is not installed"), s.fallbackReason());
            assertEquals(BoundTriageService.FALLBACK_ID, s.provenance().pluginId());
            assertEquals(binding.configurationHash(), s.provenance().configurationHash());
            assertTrue(alerts(k.id()).isEmpty(), "reading the status raises no alert");
            assertRule("no-care-path", () -> paths.completeStep(ANS, k.id(), NOTE));
            List<Alert> alerts = alerts(k.id());
            assertEquals(1, alerts.size());
            assertEquals(BoundTriageService.ABSENT, alerts.get(0).kind());
            assertEquals(ExtensionPoint.CARE_PATH, alerts.get(0).point());
            assertEquals("mda-test", alerts.get(0).pluginId());
            assertEquals(k.municipality(), alerts.get(0).municipality());
            assertTrue(alerts.get(0).message().contains(s.fallbackReason()), alerts.get(0).message());
        }

        /** The advice's reasons as parts (key and arguments, for the UI's texts) come back with the status; bad parts fall back. */
        @Test
        void theReasonPartsComeBackWithTheAdvice() {
            TestPath good = new TestPath();
            List<RationalePart> parts = List.of(new RationalePart("spoken-path.incidents", Map.of("count", "0")),
                    new RationalePart("spoken-path.done"));
            installPath("spoken-path", new CarePath() {
                @Override
                public CarePathDefinition definition(Map<String, String> configuration) {
                    return good.definition(configuration);
                }

                @Override
                public CarePathAdvice advise(CarePathRequest request) {
                    CarePathAdvice a = good.advise(request);
                    return new CarePathAdvice(a.eligible(), a.reasons(), a.nextPhase(), a.openSteps(), parts);
                }
            });
            CaseView k = openCase(person("Sanne"));
            bindPath(k.municipality(), "spoken-path", Map.of());

            CarePathStatus s = paths.status(k.id());

            assertFalse(s.fallback(), s.fallbackReason());
            assertEquals(parts, s.advice().reasonParts());
            assertEquals(List.of("incidents: 0"), s.advice().reasons(), "the plugin's own text stays");
            // a path of before 1.4 gives none
            assertEquals(List.of(), new TestPath().advise(path(k)).reasonParts());

            installPath("keyless-path", new CarePath() {
                @Override
                public CarePathDefinition definition(Map<String, String> configuration) {
                    return good.definition(configuration);
                }

                @Override
                public CarePathAdvice advise(CarePathRequest request) {
                    CarePathAdvice a = good.advise(request);
                    return new CarePathAdvice(a.eligible(), a.reasons(), a.nextPhase(), a.openSteps(),
                            List.of(new RationalePart(" ")));
                }
            });
            CaseView keyless = openCase(person("Daan"));
            bindPath(keyless.municipality(), "keyless-path", Map.of());
            s = paths.status(keyless.id());
            assertTrue(s.fallback());
            assertTrue(s.fallbackReason().contains("reason parts"), s.fallbackReason());
        }

        static CarePathRequest path(CaseView k) {
            return new CarePathRequest(k, null, List.of(), 0, Map.of());
        }

        @Test
        void aFailingSlowOrUnusablePathFallsBackWithAnAlert() {
            installPath("broken-path", new CarePath() {
                @Override
                public CarePathDefinition definition(Map<String, String> configuration) {
                    throw new IllegalStateException("phase table missing");
                }

                @Override
                public CarePathAdvice advise(CarePathRequest request) {
                    return null;
                }
            });
            CaseView broken = openCase(person("Sanne"));
            bindPath(broken.municipality(), "broken-path", Map.of());
            CarePathStatus s = paths.status(broken.id());
            assertTrue(s.fallback());
            assertTrue(s.fallbackReason().contains("phase table missing"), s.fallbackReason());
            assertRule("no-care-path", () -> paths.completeStep(ANS, broken.id(), NOTE));
            assertEquals(BoundTriageService.FAILED, alerts(broken.id()).get(0).kind());

            TestPath good = new TestPath();
            installPath("repeating-path", new CarePath() {
                @Override
                public CarePathDefinition definition(Map<String, String> configuration) {
                    return new CarePathDefinition("herhaling", List.of(), List.of(), List.of(
                            new CarePathPhase(Phase.ACUTE_SAFETY, List.of(), List.of(), List.of("analysis")),
                            new CarePathPhase(Phase.STABILISATION, List.of(), List.of(), List.of("analysis"))));
                }

                @Override
                public CarePathAdvice advise(CarePathRequest request) {
                    return good.advise(request);
                }
            });
            CaseView repeating = openCase(person("Daan"));
            bindPath(repeating.municipality(), "repeating-path", Map.of());
            s = paths.status(repeating.id());
            assertTrue(s.fallback());
            assertTrue(s.fallbackReason().contains("repeated step"), s.fallbackReason());
            assertRule("no-care-path", () -> paths.completeStep(ANS, repeating.id(), step("analysis")));

            installPath("slow-path", new CarePath() {
                @Override
                public CarePathDefinition definition(Map<String, String> configuration) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return good.definition(configuration);
                }

                @Override
                public CarePathAdvice advise(CarePathRequest request) {
                    return good.advise(request);
                }
            });
            CaseView slow = openCase(person("Bram"));
            bindPath(slow.municipality(), "slow-path", Map.of());
            TimeBoxedPluginCalls tight = new TimeBoxedPluginCalls(Duration.ofMillis(100), 2);
            try {
                s = paths(tight).status(slow.id());
                assertTrue(s.fallback());
                assertTrue(s.fallbackReason().contains("within 100 ms"), s.fallbackReason());
                assertRule("no-care-path", () -> paths(tight).completeStep(ANS, slow.id(), NOTE));
                assertEquals(BoundTriageService.TIMEOUT, alerts(slow.id()).get(0).kind());
            } finally {
                tight.stop();
            }
        }

        @Test
        void repeatIncidentsAreStoredAndCountedForThePath() {
            TestPath path = new TestPath();
            CaseView k = onPath(path);

            CarePathStatus s = paths.recordIncident(ANS, k.id(), new IncidentInput(TODAY.minusDays(2),
                    "Politie opnieuw ter plaatse na ruzie"));

            assertEquals(1, s.incidents().size());
            assertEquals(TODAY.minusDays(2), s.incidents().get(0).occurredOn());
            assertEquals("Politie opnieuw ter plaatse na ruzie", s.incidents().get(0).description());
            assertEquals("ans", s.incidents().get(0).by());
            assertEquals(1, path.seen.getLast().incidents(), "the path is told about the incident");
            assertEquals(List.of("incidents: 1"), s.advice().reasons());

            s = paths.recordIncident(ANS, k.id(), new IncidentInput(TODAY, "Nieuwe melding school"));
            assertEquals(2, s.incidents().size());
            assertEquals(2, path.seen.getLast().incidents());
            assertEquals(2, paths.status(k.id()).incidents().size());
            assertEquals(2, cases.history(k.id()).stream().map(CaseEvent::type).filter("REPEAT_INCIDENT"::equals)
                    .count());

            assertInvalid("occurredOn", () -> paths.recordIncident(ANS, k.id(), new IncidentInput(TODAY.plusDays(1),
                    "morgen")));
            assertInvalid("occurredOn", () -> paths.recordIncident(ANS, k.id(), new IncidentInput(null, "wanneer?")));
            assertInvalid("description", () -> paths.recordIncident(ANS, k.id(), new IncidentInput(TODAY, " ")));
            assertEquals(2, paths.status(k.id()).incidents().size());
        }

        @Test
        void aClosedCaseTakesNoStepsNorIncidents() {
            CaseView k = onPath(new TestPath());
            paths.completeStep(ANS, k.id(), NOTE);
            cases.close(ANS, k.id(), null, new CloseInput("verhuisd"));

            assertRule("case-closed", () -> paths.completeStep(ANS, k.id(), step("analysis")));
            assertRule("case-closed", () -> paths.recordIncident(ANS, k.id(), new IncidentInput(TODAY, "melding")));
            CarePathStatus s = paths.status(k.id());
            assertEquals(List.of("safety-plan"), steps(s), "its history stays readable");
            assertEquals(List.of(), s.incidents());
            assertNotNull(s.definition());
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
