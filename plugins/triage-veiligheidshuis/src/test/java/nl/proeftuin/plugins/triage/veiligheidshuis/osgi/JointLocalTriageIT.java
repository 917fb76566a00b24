package nl.proeftuin.plugins.triage.veiligheidshuis.osgi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import nl.proeftuin.core.api.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.triage.AssessmentInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.plugins.testkit.PluginTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The joint local triage inside OSGi with the real core (Felix, SCR, Config Admin, H2 in memory):
 * a triage waits (pending, listed by {@code TriageService.pending()}) until both the safety director
 * and the process director have assessed through {@code TriageService.assess}, then decides with
 * this plugin's provenance. Only the plugin's public face is used: its id and its bundle.
 */
@ExtendWith(BundleContextExtension.class)
class JointLocalTriageIT {

    static final String PLUGIN_ID = "triage-veiligheidshuis";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.triage.veiligheidshuis";

    static final Actor SAFETY_DIRECTOR = new Actor("sd-arnhem", "Sanne de Vries");
    static final Actor PROCESS_DIRECTOR = new Actor("pr-vhgm", "Karim Bouali");

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
    void pluginPresent() throws Exception {
        kit.awaitPlugin(ExtensionPoint.TRIAGE, PLUGIN_ID);
    }

    @Test
    void thePluginRuntimeFindsThePlugin() throws Exception {
        PluginInfo info = kit.awaitPlugin(ExtensionPoint.TRIAGE, PLUGIN_ID);
        assertEquals(PLUGIN_BUNDLE, info.bundle());
    }

    @Test
    void theTriageWaitsForBothDirectorsAndThenDecidesJointly() {
        kit.bindRegion(PLUGIN_ID, Map.of());
        String caseId = kit.openCase("Arnhem");

        // triaged, nobody assessed yet: pending, and on the list of pending triages with its age
        TriageOutcome first = kit.triage(caseId, facts());
        assertFalse(first.fallback(), () -> "fallback: " + first.fallbackReason());
        assertTrue(first.decision().pending());
        assertEquals("PENDING", first.decision().classification());
        assertEquals(PLUGIN_ID, first.provenance().pluginId());
        TriageOutcome listed = pendingOf(caseId);
        assertNotNull(listed, () -> "pending(): " + kit.triageService().pending());
        assertNotNull(listed.at(), "the age of a pending triage is visible from at");

        // the safety director assesses: still pending, the process director is missing
        TriageOutcome second = kit.triageService().assess(SAFETY_DIRECTOR, caseId,
                new AssessmentInput("SAFETY_DIRECTOR", Route.LOCAL_TEAM, "School and GP see progress; stays local."));
        assertFalse(second.fallback(), () -> "fallback: " + second.fallbackReason());
        assertTrue(second.decision().pending());
        assertTrue(second.decision().rationale().contains("PROCESS_DIRECTOR"), second.decision().rationale());
        assertNotNull(pendingOf(caseId), "still pending after one assessment");

        // the process director agrees: decided, by this plugin
        TriageOutcome decided = kit.triageService().assess(PROCESS_DIRECTOR, caseId,
                new AssessmentInput("PROCESS_DIRECTOR", Route.LOCAL_TEAM, "No signals from the partners; local."));
        assertFalse(decided.fallback(), () -> "fallback: " + decided.fallbackReason());
        assertFalse(decided.decision().pending());
        assertEquals("JOINT_DECISION", decided.decision().classification());
        assertEquals(Route.LOCAL_TEAM, decided.decision().route());
        assertEquals(PLUGIN_ID, decided.provenance().pluginId());
        assertEquals(PLUGIN_BUNDLE, decided.provenance().bundle());
        String why = decided.decision().rationale();
        assertTrue(why.contains("Sanne de Vries (SAFETY_DIRECTOR)") && why.contains("Karim Bouali (PROCESS_DIRECTOR)"),
                why);
        assertEquals(null, pendingOf(caseId), "decided: no longer pending");
        assertEquals(3, kit.triageService().outcomes(caseId).size(), "every step is stored with the case");
    }

    @Test
    void aMunicipalityBindingDecidesADisagreementByItsConfiguration() {
        kit.bindRegion(PLUGIN_ID, Map.of());
        kit.bindMunicipality("Zevenaar", PLUGIN_ID, Map.of("onDisagreement", "manual"));
        String zevenaar = kit.openCase("Zevenaar");
        String duiven = kit.openCase("Duiven");
        for (String caseId : List.of(zevenaar, duiven)) {
            kit.triage(caseId, facts());
            kit.triageService().assess(SAFETY_DIRECTOR, caseId,
                    new AssessmentInput("SAFETY_DIRECTOR", Route.LOCAL_TEAM, "Stays local."));
            kit.triageService().assess(PROCESS_DIRECTOR, caseId,
                    new AssessmentInput("PROCESS_DIRECTOR", Route.MDA_PLUS_PLUS, "Violence across generations."));
        }
        TriageOutcome manual = latest(zevenaar);
        TriageOutcome escalated = latest(duiven);

        assertEquals("DISAGREEMENT", manual.decision().classification());
        assertEquals(Route.MANUAL_TRIAGE, manual.decision().route());
        assertFalse(manual.fallback(), "the plugin decided, not the core's fallback");
        assertEquals("DISAGREEMENT", escalated.decision().classification());
        assertEquals(Route.VEILIGHEIDSHUIS_TABLE, escalated.decision().route());
    }

    /** Refused at bind time, naming the key (its metatype declares the one key and its two options). */
    @Test
    void anUnusableConfigurationIsRefusedAtBindTime() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("onDisagreement", "vote"),
                Map.entry("onDisagreemnt", "manual"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> kit.bindMunicipality("Renkum", PLUGIN_ID, Map.of(bad.getKey(), bad.getValue())), bad::toString);
            assertEquals("configuration." + bad.getKey(), refused.field(), refused.getMessage());
        }
        assertTrue(kit.runtime().history(nl.proeftuin.core.spi.ExtensionPoint.TRIAGE).stream()
                .noneMatch(c -> "Renkum".equals(c.municipality())), "nothing was stored");
    }

    private static TriageOutcome pendingOf(String caseId) {
        return kit.triageService().pending().stream().filter(o -> caseId.equals(o.caseId())).findFirst().orElse(null);
    }

    private static TriageOutcome latest(String caseId) {
        List<TriageOutcome> all = kit.triageService().outcomes(caseId);
        return all.get(all.size() - 1);
    }

    private static TriageFacts facts() {
        return new TriageFacts(Set.of(LifeDomain.SAFETY, LifeDomain.PARENTING), SafetyConcern.SERIOUS, true, false,
                Set.of());
    }
}
