package nl.proeftuin.plugins.example.triage.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.plugins.testkit.PluginTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The plugin inside OSGi with the real core (Felix, SCR, Config Admin, H2 in memory): found by the
 * plugin runtime, bound for the region, deciding with provenance, and when it is gone the core falls
 * back to manual triage and keeps serving. Run by bnd-testing from {@code test.bndrun}
 * ({@code mvn verify}); only the plugin's public face is used: its id and its bundle.
 */
@ExtendWith(BundleContextExtension.class)
class SafetyFirstTriageIT {

    static final String PLUGIN_ID = "example-triage";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.example.triage";

    @InjectBundleContext
    static BundleContext context;

    static PluginTestKit kit;

    @BeforeAll
    static void bootCore() throws Exception {
        kit = PluginTestKit.boot(context);
    }

    @AfterAll
    static void stopCore() {
        if (kit != null) {
            kit.close();
        }
    }

    @BeforeEach
    void pluginRunning() throws Exception {
        // a test that stopped the plugin may have left it stopped
        if (kit.bundle(PLUGIN_BUNDLE).getState() != Bundle.ACTIVE) {
            kit.startBundle(PLUGIN_BUNDLE);
        }
        kit.awaitPlugin(ExtensionPoint.TRIAGE, PLUGIN_ID);
    }

    @Test
    void thePluginRuntimeFindsThePlugin() throws Exception {
        PluginInfo info = kit.awaitPlugin(ExtensionPoint.TRIAGE, PLUGIN_ID);
        assertEquals(PLUGIN_BUNDLE, info.bundle());
        assertTrue(kit.runtime().plugins().contains(info), () -> "plugins(): " + kit.runtime().plugins());
    }

    @Test
    void anAcuteSafetyConcernGoesToTheRegionalSafetyTeam() {
        kit.bindRegion(PLUGIN_ID, Map.of());
        String caseId = kit.openCase("Arnhem");

        TriageOutcome outcome = kit.triage(caseId, facts(SafetyConcern.ACUTE));

        assertFalse(outcome.fallback(), () -> "fallback: " + outcome.fallbackReason());
        assertEquals(Route.REGIONAL_SAFETY_TEAM, outcome.decision().route());
        assertEquals("SERIOUS_SAFETY_CONCERN", outcome.decision().classification());
        assertEquals(PLUGIN_ID, outcome.provenance().pluginId());
        assertEquals(PLUGIN_BUNDLE, outcome.provenance().bundle());
        assertEquals(caseId, outcome.caseId());
        assertEquals(1, kit.triageService().outcomes(caseId).size(), "the outcome is stored with the case");
    }

    @Test
    void aModerateConcernStaysWithTheLocalTeam() {
        kit.bindRegion(PLUGIN_ID, Map.of());
        TriageOutcome outcome = kit.triage(kit.openCase("Arnhem"), facts(SafetyConcern.MODERATE));
        assertEquals(Route.LOCAL_TEAM, outcome.decision().route());
        assertEquals(PLUGIN_ID, outcome.provenance().pluginId());
    }

    @Test
    void whenThePluginIsGoneTheCoreFallsBackToManualTriage() throws Exception {
        kit.bindRegion(PLUGIN_ID, Map.of());
        String caseId = kit.openCase("Arnhem");

        kit.stopBundle(PLUGIN_BUNDLE);
        kit.awaitPluginGone(ExtensionPoint.TRIAGE, PLUGIN_ID);

        // the binding stays, the plugin is absent: the core's fallback decides and the call succeeds
        TriageOutcome outcome = kit.triage(caseId, facts(SafetyConcern.ACUTE));
        assertTrue(outcome.fallback());
        assertEquals(Route.MANUAL_TRIAGE, outcome.decision().route());
        assertEquals("core-fallback", outcome.provenance().pluginId());
        assertNotNull(outcome.fallbackReason());
        assertTrue(kit.runtime().alerts(10).stream()
                .anyMatch(a -> "PLUGIN_ABSENT".equals(a.kind()) && caseId.equals(a.caseId())),
                () -> "alerts: " + kit.runtime().alerts(10));

        // binding a plugin that is not there is refused, naming the rule
        RuleViolationException refused = assertThrows(RuleViolationException.class,
                () -> kit.bindRegion(PLUGIN_ID, Map.of()));
        assertEquals("plugin-not-present", refused.rule());

        // back: the same binding decides again, without a rebind
        kit.startBundle(PLUGIN_BUNDLE);
        kit.awaitPlugin(ExtensionPoint.TRIAGE, PLUGIN_ID);
        assertEquals(Route.REGIONAL_SAFETY_TEAM, kit.triage(caseId, facts(SafetyConcern.ACUTE)).decision().route());
    }

    @Test
    void withoutABindingTheCoreFallsBackToManualTriage() {
        kit.bindRegion(PLUGIN_ID, Map.of());
        kit.unbindRegion();
        TriageOutcome outcome = kit.triage(kit.openCase("Ede"), facts(SafetyConcern.ACUTE));
        assertTrue(outcome.fallback());
        assertEquals(Route.MANUAL_TRIAGE, outcome.decision().route());
        assertEquals("core-fallback", outcome.provenance().pluginId());
    }

    private static TriageFacts facts(SafetyConcern concern) {
        return new TriageFacts(Set.of(LifeDomain.SAFETY), concern, false, false, Set.of());
    }
}
