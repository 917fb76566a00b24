package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.triage.AssessmentInput;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.triage.TriageOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Triage through the bound plugin, its provenance, every fallback, swapping, and swapping under load. */
class TriageServiceTest {

    abstract static class Contract extends PluginTestBase {

        static final TriageFacts THREE_DOMAINS = facts(SafetyConcern.MODERATE, LifeDomain.SAFETY, LifeDomain.HOUSING,
                LifeDomain.INCOME_AND_DEBT);

        @Test
        void theBoundPluginDecidesAndTheOutcomeRecordsWhichPluginVersionConfigurationAndInput() {
            RuleTriage plugin = new RuleTriage();
            installTriage("rule-triage", plugin);
            Binding binding = bindRegion("rule-triage", Map.of("variant", "gelderland"));
            CaseView k = openCase(person("Sanne"), person("Daan"));

            TriageOutcome o = triage.triage(ANS, k.id(), THREE_DOMAINS);

            assertEquals(new TriageDecision("COMPLEX", Route.REGIONAL_SAFETY_TEAM,
                    "gelderland: three or more domains", List.of(), false), o.decision());
            assertFalse(o.fallback());
            assertNull(o.fallbackReason());
            assertEquals("ans", o.by());
            assertEquals(THREE_DOMAINS, o.facts());
            assertEquals("rule-triage", o.provenance().pluginId());
            assertEquals("test.rule-triage", o.provenance().bundle());
            assertEquals("1.2.0", o.provenance().bundleVersion());
            assertEquals(binding.configurationHash(), o.provenance().configurationHash());
            assertEquals(binding.revision(), o.provenance().bindingRevision());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(o.decision())), o.provenance().outputDigest());
            assertTrue(o.provenance().inputDigest().matches("[0-9a-f]{64}"));

            // the plugin got the case, its family system, the facts and the binding's configuration
            TriageRequest seen = plugin.seen.peek();
            assertEquals(k.id(), seen.caseId());
            assertEquals(k.municipality(), seen.municipality());
            assertEquals(2, seen.members().size());
            assertEquals(Map.of("variant", "gelderland"), seen.configuration());
            assertEquals(List.of(), seen.assessments());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(seen)), o.provenance().inputDigest());

            // the same request gives the same digests; stored and read back unchanged
            TriageOutcome again = triage.triage(ANS, k.id(), facts(SafetyConcern.MODERATE, LifeDomain.INCOME_AND_DEBT,
                    LifeDomain.SAFETY, LifeDomain.HOUSING));
            assertEquals(o.provenance().inputDigest(), again.provenance().inputDigest());
            assertEquals(o.provenance().outputDigest(), again.provenance().outputDigest());
            assertEquals(List.of(o, again), triage.outcomes(k.id()));
            assertEquals(List.of("TRIAGED", "TRIAGED"), triageEvents(k.id()));
        }

        @Test
        void aMunicipalitysOwnBindingDecidesForItsCases() {
            installTriage("rule-triage", new RuleTriage());
            installTriage("joint-triage", new JointTriage());
            bindRegion("rule-triage", Map.of());
            String ede = registered(unique("Ede"));
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, ede, new BindingInput("joint-triage", Map.of(), "Ede pilot"));
            assertEquals("joint-triage", triage.triage(ANS, openCase(ede, person("Sanne")).id(), THREE_DOMAINS)
                    .provenance().pluginId());
            assertEquals("rule-triage", triage.triage(ANS, openCase(person("Sanne")).id(), THREE_DOMAINS)
                    .provenance().pluginId());
        }

        @Test
        void withoutABindingTheFallbackRoutesToManualTriageAndRaisesAnAlert() {
            CaseView k = openCase(person("Sanne"));
            TriageOutcome o = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertFallback(o, BoundTriageService.UNBOUND, "no triage plugin is bound");
            assertNull(o.provenance().configurationHash());
            assertEquals(0, o.provenance().bindingRevision());
            Alert alert = alertFor(k.id());
            assertNull(alert.pluginId());
            assertEquals(k.municipality(), alert.municipality());
        }

        @Test
        void anAbsentPluginFallsBackWithTheBindingInTheProvenance() {
            long service = installTriage("rule-triage", new RuleTriage());
            Binding binding = bindRegion("rule-triage", Map.of("variant", "x"));
            registry.remove(service); // the plugin's feature was uninstalled
            CaseView k = openCase(person("Sanne"));
            TriageOutcome o = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertFallback(o, BoundTriageService.ABSENT, "'rule-triage' is not installed");
            assertEquals(binding.configurationHash(), o.provenance().configurationHash());
            assertEquals(binding.revision(), o.provenance().bindingRevision());
            assertEquals("rule-triage", alertFor(k.id()).pluginId());
        }

        @Test
        void aPluginThatThrowsOrAnswersNothingUsableFallsBack() {
            installTriage("broken-triage", r -> {
                throw new IllegalStateException("threshold missing");
            });
            bindRegion("broken-triage", Map.of());
            CaseView k = openCase(person("Sanne"));
            TriageOutcome o = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertFallback(o, BoundTriageService.FAILED, "threshold missing");

            installTriage("null-triage", r -> null);
            bindRegion("null-triage", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "returned no decision");

            installTriage("routeless-triage", r -> new TriageDecision("COMPLEX", null, "why", List.of(), false));
            bindRegion("routeless-triage", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "without a route");

            // a failure that quotes a whole value back (a coordinator's 10,000-character setting) is clipped:
            // it used to overflow the stored reason, and every triage of the municipality answered 500
            installTriage("quoting-triage", r -> {
                throw new IllegalArgumentException("not a domain: '" + "a\n".repeat(10_000) + "'");
            });
            bindRegion("quoting-triage", Map.of());
            TriageOutcome quoted = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertFallback(quoted, BoundTriageService.FAILED, "not a domain");
            assertEquals(BoundCall.MAX_REASON, quoted.fallbackReason().length());
            assertFalse(quoted.fallbackReason().contains("\n"), "no line breaks");

            // answers too large to store are the plugin's fault: fallback, not a database error
            installTriage("verbose-triage", r -> new TriageDecision("COMPLEX", Route.LOCAL_TEAM, "x".repeat(10_001),
                    List.of(), false));
            bindRegion("verbose-triage", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "rationale longer");
            installTriage("wordy-triage", r -> new TriageDecision("C".repeat(101), Route.LOCAL_TEAM, "why",
                    List.of(), false));
            bindRegion("wordy-triage", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "classification longer");
            installTriage("keyless-triage", r -> new TriageDecision("COMPLEX", Route.LOCAL_TEAM, "why", List.of(), false,
                    List.of(new RationalePart(" "))));
            bindRegion("keyless-triage", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "rationale parts");
            // a plugin speaking in the core's words ("a person triages this case") or another plugin's
            installTriage("borrowing-triage", r -> new TriageDecision("SIMPLE", Route.LOCAL_TEAM, "why", List.of(), false,
                    List.of(new RationalePart("core.fallback", Map.of("reason", "none")))));
            bindRegion("borrowing-triage", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "not the plugin's own");
            installTriage("borrowing-triage2", r -> new TriageDecision("SIMPLE", Route.LOCAL_TEAM, "why", List.of(), false,
                    List.of(new RationalePart("borrowing-triage.because"))));
            bindRegion("borrowing-triage2", Map.of());
            assertFallback(triage.triage(ANS, k.id(), THREE_DOMAINS), BoundTriageService.FAILED, "not the plugin's own");
        }

        /** The rationale's parts (key and arguments, for the UI's texts) are kept with the decision and read back. */
        @Test
        void theRationalePartsAreStoredWithTheDecision() {
            List<RationalePart> parts = List.of(new RationalePart("spoken-triage.because", Map.of("route", "LOCAL_TEAM")),
                    new RationalePart("spoken-triage.done"));
            installTriage("spoken-triage", r -> new TriageDecision("SIMPLE", Route.LOCAL_TEAM, "Because.", List.of(),
                    false, parts));
            bindRegion("spoken-triage", Map.of());
            CaseView k = openCase(person("Sanne"));

            TriageOutcome o = triage.triage(ANS, k.id(), THREE_DOMAINS);

            assertFalse(o.fallback());
            assertEquals(parts, o.decision().rationaleParts());
            assertEquals(parts, triage.outcomes(k.id()).get(0).decision().rationaleParts());
            // the fallback says why in parts too, so the UI shows it in the user's language
            installTriage("null-triage", r -> null);
            bindRegion("null-triage", Map.of());
            TriageOutcome fallback = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertEquals("core.fallback", fallback.decision().rationaleParts().get(0).key());
        }

        @Test
        void aSlowPluginIsCutOffAtItsBudgetAndInterrupted() throws Exception {
            CountDownLatch interrupted = new CountDownLatch(1);
            AtomicReference<String> thread = new AtomicReference<>();
            installTriage("slow-triage", r -> {
                thread.set(Thread.currentThread().getName());
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return new TriageDecision("LATE", Route.LOCAL_TEAM, "too late", List.of(), false);
            });
            bindRegion("slow-triage", Map.of());
            TimeBoxedPluginCalls tight = new TimeBoxedPluginCalls(Duration.ofMillis(100), 2);
            try {
                CaseView k = openCase(person("Sanne"));
                long start = System.nanoTime();
                TriageOutcome o = triageService(tight).triage(ANS, k.id(), THREE_DOMAINS);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertFallback(o, BoundTriageService.TIMEOUT, "within 100 ms");
                assertTrue(millis < 5_000, "returned after " + millis + " ms");
                assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the plugin's thread was not interrupted");
                assertTrue(thread.get().startsWith("proeftuin-plugin-call-"), thread.get());
            } finally {
                tight.stop();
            }
        }

        @Test
        void pluginCallsAndFallbacksAreCountedByPointPluginAndOutcomeWithoutCaseIds() {
            var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            TimeBoxedPluginCalls tight = new TimeBoxedPluginCalls(Duration.ofMillis(100), 2);
            tight.meters = registry;
            try {
                BoundTriageService service = triageService(tight);
                CaseView unbound = openCase(person("Sanne"));
                service.triage(ANS, unbound.id(), THREE_DOMAINS);
                installTriage("rules", new RuleTriage());
                bindRegion("rules", Map.of());
                service.triage(ANS, openCase(person("Bo")).id(), THREE_DOMAINS);
                installTriage("slow-triage", r -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
                bindRegion("slow-triage", Map.of());
                CaseView slow = openCase(person("Mo"));
                service.triage(ANS, slow.id(), THREE_DOMAINS);

                assertEquals(1, registry.get("proeftuin.plugin.calls")
                        .tags("point", "TRIAGE", "plugin", "rules", "outcome", "answered").timer().count());
                assertEquals(1, registry.get("proeftuin.plugin.calls")
                        .tags("point", "TRIAGE", "plugin", "slow-triage", "outcome", "overrun").timer().count());
                assertEquals(1, registry.get("proeftuin.plugin.fallbacks")
                        .tags("point", "TRIAGE", "plugin", "slow-triage", "reason", "timeout").counter().count());
                assertEquals(1, registry.get("proeftuin.plugin.fallbacks")
                        .tags("point", "TRIAGE", "plugin", "none", "reason", "unbound").counter().count());
                // privacy: no label value anywhere is a case or person id
                registry.getMeters().forEach(m -> m.getId().getTags().forEach(t -> {
                    assertFalse(t.getValue().equals(unbound.id()) || t.getValue().equals(slow.id()), m.getId().toString());
                    assertFalse(t.getValue().matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"), m.getId().toString());
                }));
            } finally {
                tight.stop();
            }
        }

        @Test
        void swappingTheBindingChangesTheNextOutcomesPlugin() {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            CaseView k = openCase(person("Sanne"));
            bindRegion("alpha", Map.of());
            assertEquals("alpha", triage.triage(ANS, k.id(), THREE_DOMAINS).provenance().pluginId());
            Binding beta = bindRegion("beta", Map.of("variant", "b"));
            TriageOutcome after = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertEquals("beta", after.provenance().pluginId());
            assertEquals(beta.revision(), after.provenance().bindingRevision());
            assertEquals("b: three or more domains", after.decision().rationale());
        }

        @Test
        void aJointTriageStaysPendingUntilBothAssessorsHaveSpoken() {
            installTriage("joint-triage", new JointTriage());
            bindRegion("joint-triage", Map.of());
            CaseView k = openCase(person("Sanne"));
            assertRule("triage-required", () -> triage.assess(ANS, k.id(),
                    new AssessmentInput("SAFETY_DIRECTOR", Route.LOCAL_TEAM, "te vroeg")));

            TriageOutcome first = triage.triage(ANS, k.id(), THREE_DOMAINS);
            assertTrue(first.decision().pending());
            assertTrue(triage.pending().contains(first));

            TriageOutcome second = triage.assess(new nl.proeftuin.core.api.dto.Actor("dir", "Dirk Directeur"), k.id(),
                    new AssessmentInput("SAFETY_DIRECTOR", Route.VEILIGHEIDSHUIS_TABLE, "structureel onveilig"));
            assertTrue(second.decision().pending());
            assertEquals(THREE_DOMAINS, second.facts(), "the round's facts are kept");
            assertTrue(triage.pending().contains(second));
            assertFalse(triage.pending().contains(first), "only the latest outcome of a case is pending");

            TriageOutcome third = triage.assess(new nl.proeftuin.core.api.dto.Actor("proc", "Petra Proces"), k.id(),
                    new AssessmentInput("PROCESS_DIRECTOR", Route.VEILIGHEIDSHUIS_TABLE, "eens"));
            assertFalse(third.decision().pending());
            assertEquals(Route.VEILIGHEIDSHUIS_TABLE, third.decision().route());
            assertTrue(triage.pending().stream().noneMatch(o -> o.caseId().equals(k.id())));
            assertEquals(3, triage.outcomes(k.id()).size());
            assertEquals(List.of("TRIAGE_PENDING", "TRIAGE_ASSESSED", "TRIAGE_PENDING", "TRIAGE_ASSESSED", "TRIAGED"),
                    triageEvents(k.id()));

            // a new triage opens a new round: earlier assessments no longer count
            assertTrue(triage.triage(ANS, k.id(), THREE_DOMAINS).decision().pending());
        }

        /**
         * An assessment and the outcome that answers it are one write: when the case is closed while the
         * plugin weighs the assessment, neither is stored (the assessment used to be kept without an
         * outcome, so the round read as answered by an outcome that never saw it).
         */
        @Test
        void anAssessmentWhoseOutcomeCannotBeStoredIsNotStoredEither() throws Exception {
            AtomicReference<String> closeWhileDeciding = new AtomicReference<>();
            installTriage("closing-triage", r -> {
                String caseId = closeWhileDeciding.getAndSet(null);
                if (caseId != null) {
                    cases.close(ANS, caseId, cases.get(caseId).version(), new CloseInput("verhuisd"));
                }
                return new JointTriage().triage(r);
            });
            bindRegion("closing-triage", Map.of());
            CaseView k = openCase(person("Sanne"));
            triage.triage(ANS, k.id(), THREE_DOMAINS);
            closeWhileDeciding.set(k.id());

            assertRule("case-closed", () -> triage.assess(new nl.proeftuin.core.api.dto.Actor("dir", "Dirk Directeur"),
                    k.id(), new AssessmentInput("SAFETY_DIRECTOR", Route.VEILIGHEIDSHUIS_TABLE, "structureel onveilig")));
            assertEquals(List.of("TRIAGE_PENDING"), triageEvents(k.id()), "no assessment without its outcome");
            assertEquals(1, triage.outcomes(k.id()).size());
            assertTrue(database.read(c -> triageStore.assessments(c, k.id(), triage.outcomes(k.id()).get(0).id()))
                    .isEmpty(), "the round has no assessment");
        }

        @Test
        void invalidFactsUnknownAndClosedCasesAreRefused() {
            CaseView k = openCase(person("Sanne"));
            assertInvalid("facts", () -> triage.triage(ANS, k.id(), null));
            assertInvalid("facts.problemDomains", () -> triage.triage(ANS, k.id(),
                    new TriageFacts(null, SafetyConcern.NONE, false, false, Set.of())));
            assertInvalid("facts.safetyConcern", () -> triage.triage(ANS, k.id(),
                    new TriageFacts(Set.of(), null, false, false, null)));
            assertInvalid("note", () -> triage.assess(ANS, k.id(), new AssessmentInput("X", Route.LOCAL_TEAM, "")));
            assertThrows(NotFoundException.class, () -> triage.triage(ANS, "no-such-case", THREE_DOMAINS));
            assertThrows(NotFoundException.class, () -> triage.outcomes("no-such-case"));
            cases.close(ANS, k.id(), k.version(), new CloseInput("verhuisd"));
            assertRule("case-closed", () -> triage.triage(ANS, k.id(), THREE_DOMAINS));
            assertTrue(triage.outcomes(k.id()).isEmpty(), "nothing was stored");
        }

        /**
         * Eight threads triage while another flips the region's binding 50 times: no call fails, every
         * outcome names one of the two plugins with the configuration of the binding revision it
         * resolved (never a mix of two revisions), and every outcome has its history event.
         */
        @Test
        void swappingUnderLoadNeverTearsARequestInHalf() throws Exception {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            bindRegion("alpha", Map.of("variant", "alpha"));
            List<String> caseIds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                caseIds.add(openCase(person("Kind" + i)).id());
            }
            int perThread = 15;
            CyclicBarrier start = new CyclicBarrier(9);
            ExecutorService pool = Executors.newFixedThreadPool(9);
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            Set<String> outcomeIds = ConcurrentHashMap.newKeySet();
            AtomicBoolean flipsDone = new AtomicBoolean();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (String caseId : caseIds) {
                    running.add(pool.submit(() -> {
                        start.await();
                        // at least perThread each, and on until the flips are over: they overlap for sure
                        for (int n = 0; n < perThread || !flipsDone.get(); n++) {
                            try {
                                outcomeIds.add(triage.triage(ANS, caseId, THREE_DOMAINS).id());
                            } catch (Throwable t) {
                                errors.add(t);
                            }
                        }
                        return null;
                    }));
                }
                running.add(pool.submit(() -> {
                    try {
                        start.await();
                        // on a loaded machine the flips could all be over before the first triage ran:
                        // flip only once triages run, and after the first flip let more triages finish
                        // than can be in flight (8), so that at least one started under beta
                        awaitOutcomes(outcomeIds, 1);
                        for (int n = 0; n < 50; n++) {
                            String id = n % 2 == 0 ? "beta" : "alpha";
                            try {
                                bindRegion(id, Map.of("variant", id));
                            } catch (Throwable t) {
                                errors.add(t);
                            }
                            if (n == 0) {
                                awaitOutcomes(outcomeIds, outcomeIds.size() + caseIds.size() + 1);
                            }
                        }
                    } finally {
                        flipsDone.set(true);
                    }
                    return null;
                }));
                for (Future<?> f : running) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(), errors);
            assertTrue(outcomeIds.size() >= 8 * perThread);

            Map<Long, BindingChange> changes = new java.util.HashMap<>();
            runtime.history(ExtensionPoint.TRIAGE).forEach(x -> changes.put(x.id(), x));
            int outcomes = 0;
            Set<String> plugins = new java.util.HashSet<>();
            for (String caseId : caseIds) {
                List<TriageOutcome> all = triage.outcomes(caseId);
                outcomes += all.size();
                assertEquals(all.size(), triageEvents(caseId).size(), "an outcome without its event, or the reverse");
                for (TriageOutcome o : all) {
                    assertFalse(o.fallback(), () -> "fell back: " + o.fallbackReason());
                    String plugin = o.provenance().pluginId();
                    plugins.add(plugin);
                    assertTrue(Set.of("alpha", "beta").contains(plugin), plugin);
                    BindingChange resolved = changes.get(o.provenance().bindingRevision());
                    assertNotNull(resolved, "no binding change " + o.provenance().bindingRevision());
                    assertEquals(resolved.newPluginId(), plugin);
                    assertEquals(CanonicalJson.sha256(CanonicalJson.write(resolved.newConfiguration())),
                            o.provenance().configurationHash());
                    assertEquals(plugin + ": three or more domains", o.decision().rationale(),
                            "the configuration came from the same revision as the plugin");
                }
            }
            assertEquals(outcomeIds.size(), outcomes);
            assertEquals(Set.of("alpha", "beta"), plugins, "the swaps happened during the triages");
        }

        private static void awaitOutcomes(Set<String> outcomeIds, int count) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (outcomeIds.size() < count && System.nanoTime() < until) {
                Thread.sleep(1);
            }
        }

        private void assertFallback(TriageOutcome o, String kind, String reasonPart) {
            assertTrue(o.fallback());
            assertEquals("UNDECIDED", o.decision().classification());
            assertEquals(Route.MANUAL_TRIAGE, o.decision().route());
            assertFalse(o.decision().pending());
            assertTrue(o.fallbackReason().contains(reasonPart), o.fallbackReason());
            assertTrue(o.decision().rationale().contains("manual triage"), o.decision().rationale());
            assertEquals(BoundTriageService.FALLBACK_ID, o.provenance().pluginId());
            assertEquals("nl.proeftuin.core.engine", o.provenance().bundle());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(o.decision())), o.provenance().outputDigest());
            assertEquals(o, triage.outcomes(o.caseId()).get(triage.outcomes(o.caseId()).size() - 1));
            Alert alert = alertFor(o.caseId());
            assertEquals(kind, alert.kind());
            assertEquals(ExtensionPoint.TRIAGE, alert.point());
            assertTrue(alert.message().contains(o.fallbackReason()), alert.message());
            List<String> events = triageEvents(o.caseId());
            assertEquals("TRIAGE_FALLBACK", events.get(events.size() - 1));
        }

        private Alert alertFor(String caseId) {
            return runtime.alerts(1000).stream().filter(a -> caseId.equals(a.caseId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no alert for case " + caseId));
        }

        private List<String> triageEvents(String caseId) {
            return cases.history(caseId).stream().map(CaseEvent::type).filter(t -> t.startsWith("TRIAGE")).toList();
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
