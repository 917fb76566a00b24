package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingChangedException;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PlannedSwitch;
import nl.proeftuin.core.api.plugins.SwitchInput;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.SafetyConcern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scheduled binding switches and the expected revision (switches, issue 15 part 5, decision 0031),
 * with a clock the test moves, on H2 and PostgreSQL.
 */
class PlannedSwitchTest {

    abstract static class Contract extends PluginTestBase {

        Instant in(Duration d) {
            return clock.instant().plus(d);
        }

        @Test
        void aPlannedSwitchTakesEffectAtItsTimeAndEndsAtItsEndWithoutAnyWriteOrRestart() throws Exception {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            String ede = registered(unique("Ede"));
            Binding region = bindRegion("alpha", Map.of());
            Instant from = in(Duration.ofHours(1));
            Instant until = in(Duration.ofHours(2));
            List<PlannedSwitch> planned = runtime.planSwitch(COORDINATOR, ExtensionPoint.TRIAGE, new SwitchInput(ede,
                    "beta", Map.of("variant", "kwartaal"), from, until, "Ede pilots beta next quarter", null));
            assertEquals(2, planned.size());
            PlannedSwitch start = planned.get(0);
            assertEquals("PLANNED", start.state());
            assertEquals("beta", start.pluginId());
            assertNull(planned.get(1).pluginId(), "the end");
            assertEquals(until, planned.get(1).effectiveAt());

            // a second node: its own runtime and triage over the same database
            StoredPluginRuntime otherNode = new StoredPluginRuntime(database, new nl.proeftuin.core.store.internal
                    .JdbcBindingStore(), alertStore, registry, municipalityStore, clock);
            CaseView k = openCase(ede, person("Sanne"));

            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId());
            clock.advance(Duration.ofMinutes(59));
            assertEquals("alpha", otherNode.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId(), "one minute before");
            assertEquals("alpha", triage.triage(ANS, k.id(), facts(SafetyConcern.NONE, LifeDomain.SAFETY)).provenance()
                    .pluginId());

            clock.advance(Duration.ofMinutes(1));
            Binding now = otherNode.effectiveBinding(ExtensionPoint.TRIAGE, ede);
            assertEquals("beta", now.pluginId(), "at its time, on every node, before anything applied it");
            assertEquals(start.id(), now.revision());
            assertEquals(start.configurationHash(), now.configurationHash());
            assertTrue(database.read(c -> bindingStore.find(c, "TRIAGE", ede)).isEmpty(), "not yet in the table");
            TriageOutcome o = triage.triage(ANS, k.id(), facts(SafetyConcern.NONE, LifeDomain.SAFETY));
            assertEquals("beta", o.provenance().pluginId());
            assertEquals(start.id(), o.provenance().bindingRevision());
            assertEquals(start.configurationHash(), o.provenance().configurationHash());
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, registered(unique("Arnhem"))).pluginId(),
                    "only Ede's scope");

            clock.advance(Duration.ofHours(1));
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId(),
                    "ended: the region's applies again");
            assertEquals(region.revision(), runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).revision());

            // listing applies them: the history shows both as past switches at their own times
            List<PlannedSwitch> all = runtime.switches(ExtensionPoint.TRIAGE);
            assertEquals(List.of("APPLIED", "APPLIED"), all.stream().map(PlannedSwitch::state).toList());
            List<BindingChange> history = runtime.history(ExtensionPoint.TRIAGE);
            assertEquals(until, history.get(0).at());
            assertEquals("beta", history.get(0).oldPluginId());
            assertNull(history.get(0).newPluginId());
            assertEquals(from, history.get(1).at());
            assertEquals("beta", history.get(1).newPluginId());
            assertEquals(start.id(), history.get(1).id());
            assertEquals("coordinator", history.get(1).by());
            assertTrue(database.read(c -> bindingStore.find(c, "TRIAGE", ede)).isEmpty());
        }

        @Test
        void aRebindCarriesTheRevisionItExpects() {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            Binding first = bindRegion("alpha", Map.of());
            Binding second = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                    new BindingInput("beta", Map.of(), "beta now", first.revision()));
            BindingChangedException stale = assertThrows(BindingChangedException.class, () -> runtime.bind(COORDINATOR,
                    ExtensionPoint.TRIAGE, null, new BindingInput("alpha", Map.of(), "back", first.revision())));
            assertEquals("binding-changed", stale.rule());
            assertEquals(second.revision(), stale.current());
            assertEquals("beta", runtime.effectiveBinding(ExtensionPoint.TRIAGE, null).pluginId(), "nothing written");
            assertThrows(BindingChangedException.class, () -> runtime.unbind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                    "stop", first.revision()));
            assertThrows(BindingChangedException.class, () -> runtime.planSwitch(COORDINATOR, ExtensionPoint.TRIAGE,
                    new SwitchInput(null, "alpha", Map.of(), in(Duration.ofHours(1)), null, "later", first.revision())));

            String ede = registered(unique("Ede"));
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, ede, new BindingInput("alpha", Map.of(), "own", 0L));
            BindingChangedException none = assertThrows(BindingChangedException.class, () -> runtime.bind(COORDINATOR,
                    ExtensionPoint.TRIAGE, ede, new BindingInput("beta", Map.of(), "own too", 0L)),
                    "0 expects no binding of the scope");
            assertTrue(none.current() > second.revision());

            // without an expected revision the last change wins, as before
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null, new BindingInput("alpha", Map.of(), "shell"));
            assertThrows(InvalidInputException.class, () -> runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                    new BindingInput("alpha", Map.of(), "x", -1L)));
        }

        @Test
        void aSwitchCanBeCancelledOnlyBeforeItsTimeAndARebindAfterItExpectsItsRevision() {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            bindRegion("alpha", Map.of());
            PlannedSwitch soon = runtime.planSwitch(COORDINATOR, ExtensionPoint.TRIAGE, new SwitchInput(null, "beta",
                    Map.of(), in(Duration.ofMinutes(10)), null, "soon", null)).get(0);
            PlannedSwitch later = runtime.planSwitch(COORDINATOR, ExtensionPoint.TRIAGE, new SwitchInput(null, null,
                    null, in(Duration.ofMinutes(20)), null, "end later", null)).get(0);
            PlannedSwitch cancelled = runtime.cancelSwitch(COORDINATOR, later.id(), "not yet");
            assertEquals("CANCELLED", cancelled.state());
            assertEquals("coordinator", cancelled.settledBy());
            assertEquals("not yet", cancelled.settledReason());

            clock.advance(Duration.ofMinutes(30));
            Binding b = runtime.effectiveBinding(ExtensionPoint.TRIAGE, null);
            assertEquals("beta", b.pluginId(), "the cancelled end never took effect");
            RuleViolationException gone = assertThrows(RuleViolationException.class,
                    () -> runtime.cancelSwitch(COORDINATOR, soon.id(), "too late"));
            assertEquals("switch-not-planned", gone.rule());
            assertThrows(RuleViolationException.class, () -> runtime.cancelSwitch(COORDINATOR, later.id(), "again"));
            assertThrows(nl.proeftuin.core.api.NotFoundException.class,
                    () -> runtime.cancelSwitch(COORDINATOR, 999_999L, "none"));
            // the revision the coordinator saw (the switch's) is what a rebind expects
            Binding rebound = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                    new BindingInput("alpha", Map.of(), "back", b.revision()));
            assertEquals("alpha", rebound.pluginId());
        }

        @Test
        void aSwitchDueWhileAnotherChangeIsMadeIsAppliedFirst() throws Exception {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            String ede = registered(unique("Ede"));
            runtime.planSwitch(COORDINATOR, ExtensionPoint.TRIAGE, new SwitchInput(ede, "beta", Map.of(),
                    in(Duration.ofMinutes(5)), null, "Ede on beta", null));
            clock.advance(Duration.ofMinutes(6));
            // the change of the region's binding applies Ede's due switch to the table first
            bindRegion("alpha", Map.of());
            assertEquals("beta", database.read(c -> bindingStore.find(c, "TRIAGE", ede)).orElseThrow().pluginId());
            runtime.unbind(COORDINATOR, ExtensionPoint.TRIAGE, ede, "Ede back to the region");
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId(),
                    "an unbind after the switch is not undone by it");
        }

        @Test
        void aPlanIsCheckedAsABindIs() {
            installTriage("alpha", new RuleTriage());
            assertEquals("from", assertThrows(InvalidInputException.class, () -> runtime.planSwitch(COORDINATOR,
                    ExtensionPoint.TRIAGE, new SwitchInput(null, "alpha", Map.of(), clock.instant(), null, "now",
                            null))).field());
            assertEquals("from", assertThrows(InvalidInputException.class, () -> runtime.planSwitch(COORDINATOR,
                    ExtensionPoint.TRIAGE, new SwitchInput(null, "alpha", Map.of(), null, null, "when", null))).field());
            assertEquals("until", assertThrows(InvalidInputException.class, () -> runtime.planSwitch(COORDINATOR,
                    ExtensionPoint.TRIAGE, new SwitchInput(null, "alpha", Map.of(), in(Duration.ofHours(2)),
                            in(Duration.ofHours(1)), "backwards", null))).field());
            assertEquals("plugin-not-present", assertThrows(RuleViolationException.class,
                    () -> runtime.planSwitch(COORDINATOR, ExtensionPoint.TRIAGE, new SwitchInput(null, "gamma",
                            Map.of(), in(Duration.ofHours(1)), null, "absent", null))).rule());
            assertEquals("configuration", assertThrows(InvalidInputException.class, () -> runtime.planSwitch(
                    COORDINATOR, ExtensionPoint.TRIAGE, new SwitchInput(null, null, Map.of("a", "b"),
                            in(Duration.ofHours(1)), null, "end with configuration", null))).field());
            assertEquals(List.of(), runtime.switches(null));
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
