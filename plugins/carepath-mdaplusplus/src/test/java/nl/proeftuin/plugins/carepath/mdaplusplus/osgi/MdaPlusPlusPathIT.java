package nl.proeftuin.plugins.carepath.mdaplusplus.osgi;

import nl.proeftuin.core.api.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.spi.CarePathPhase;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.care.CarePathService;
import nl.proeftuin.core.api.care.CarePathStatus;
import nl.proeftuin.core.api.care.CompletedStep;
import nl.proeftuin.core.api.care.IncidentInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.care.StepInput;
import nl.proeftuin.plugins.testkit.PluginTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The MDA++ path inside OSGi with the real core (Felix, SCR, Config Admin, H2 in memory), used only
 * through the core's {@link CarePathService}: bound for the region, the case's status shows this
 * plugin's definition and advice with its provenance; the core refuses an intervention before the
 * analysis ("slow down"); a repeat incident during recovery sends the case back to acute safety; and
 * with the bundle stopped the core still answers (fallback), and uses the plugin again once it is back.
 */
@ExtendWith(BundleContextExtension.class)
class MdaPlusPlusPathIT {

    static final String PLUGIN_ID = "carepath-mdaplusplus";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.carepath.mdaplusplus";
    static final String CORE_FALLBACK = "core-fallback";

    static final Map<String, String> CONFIG = Map.of("coreTeam",
            "Veilig Thuis Gelderland-Midden,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige");

    @InjectBundleContext
    static BundleContext context;

    static PluginTestKit kit;
    static ServiceTracker<CarePathService, CarePathService> carePaths;

    @BeforeAll
    static void bootCore() throws Exception {
        kit = PluginTestKit.boot(context);
        carePaths = new ServiceTracker<>(context, CarePathService.class, null);
        carePaths.open();
        // wait once (the engine registers it with its other services); each test then asserts it is there
        carePaths.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
    }

    @AfterAll
    static void stopCore() {
        if (carePaths != null) {
            carePaths.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @BeforeEach
    void pluginPresentAndBound() throws Exception {
        kit.awaitPlugin(ExtensionPoint.CARE_PATH, PLUGIN_ID);
        kit.bind(ExtensionPoint.CARE_PATH, null, PLUGIN_ID, CONFIG);
    }

    @Test
    void thePluginRuntimeFindsThePlugin() throws Exception {
        PluginInfo info = kit.awaitPlugin(ExtensionPoint.CARE_PATH, PLUGIN_ID);
        assertEquals(PLUGIN_BUNDLE, info.bundle());
    }

    @Test
    void aCaseGoesThroughThePathAnalysisFirstAndARepeatIncidentSendsItBack() throws Exception {
        CarePathService paths = carePaths();
        String caseId = kit.openCase("Arnhem");
        kit.triage(caseId, eligible());

        // the status comes from this plugin, with its definition and advice
        CarePathStatus status = paths.status(caseId);
        assertFalse(status.fallback(), () -> "fallback: " + status.fallbackReason());
        assertEquals(PLUGIN_ID, status.provenance().pluginId());
        assertEquals(PLUGIN_BUNDLE, status.provenance().bundle());
        assertEquals("MDA++", status.definition().name());
        assertEquals(List.of("Veilig Thuis Gelderland-Midden", "vrouwenopvang", "verslavingszorg", "ggz", "jeugdzorg",
                "ervaringsdeskundige"), status.definition().coreTeam(), "the binding's configuration reached the plugin");
        assertEquals(List.of(Phase.ACUTE_SAFETY, Phase.STABILISATION, Phase.RECOVERY),
                status.definition().phases().stream().map(CarePathPhase::phase).toList());
        assertTrue(status.advice().eligible(), () -> "reasons: " + status.advice().reasons());
        assertEquals(List.of("safety-assessment", "safety-plan", "analysis", "risk-plan", "risk-interventions",
                "trauma-treatment", "relapse-prevention"), status.advice().openSteps());
        assertNull(status.advice().nextPhase());

        // acute safety: both steps, and a holder of casusregie, then the path advises risk-driven care
        step(paths, caseId, "safety-assessment");
        CarePathStatus acuteDone = step(paths, caseId, "safety-plan");
        assertNull(acuteDone.advice().nextPhase(), () -> "nobody holds casusregie yet: " + acuteDone.advice().reasons());
        kit.cases().assign(PluginTestKit.ACTOR, caseId, null, new AssignmentInput("vt-regie", "Fatima El Amrani",
                "Veilig Thuis Gelderland-Midden", ProfessionalRole.VEILIG_THUIS, true, null));
        CarePathStatus withRegie = paths.status(caseId);
        assertEquals(Phase.STABILISATION, withRegie.advice().nextPhase(), () -> "reasons: " + withRegie.advice().reasons());
        kit.cases().changePhase(PluginTestKit.ACTOR, caseId, null,
                new PhaseChangeInput(Phase.STABILISATION, "MDA++: acute safety established"));

        // slow down: the core refuses an intervention while the analysis is open
        RuleViolationException early = assertThrows(RuleViolationException.class,
                () -> step(paths, caseId, "risk-interventions"));
        assertEquals("step-order", early.rule());
        assertEquals(List.of("analysis", "risk-plan", "risk-interventions", "trauma-treatment", "relapse-prevention"),
                paths.status(caseId).advice().openSteps(), "the refused step was not recorded");

        CarePathStatus analysed = step(paths, caseId, "analysis");
        assertEquals("risk-plan", analysed.advice().openSteps().get(0));
        RuleViolationException twice = assertThrows(RuleViolationException.class, () -> step(paths, caseId, "analysis"));
        assertEquals("step-done", twice.rule());
        step(paths, caseId, "risk-plan");
        CarePathStatus riskDone = step(paths, caseId, "risk-interventions");
        assertEquals(Phase.RECOVERY, riskDone.advice().nextPhase(), () -> "reasons: " + riskDone.advice().reasons());
        assertEquals(List.of("safety-assessment", "safety-plan", "analysis", "risk-plan", "risk-interventions"),
                riskDone.steps().stream().map(CompletedStep::step).toList());
        assertTrue(riskDone.steps().stream().allMatch(s -> PLUGIN_ID.equals(s.pluginId())), riskDone.steps()::toString);
        kit.cases().changePhase(PluginTestKit.ACTOR, caseId, null,
                new PhaseChangeInput(Phase.RECOVERY, "MDA++: risk factors reduced"));

        // a repeat incident during recovery: back to acute safety
        CarePathStatus incident = paths.recordIncident(PluginTestKit.ACTOR, caseId,
                new IncidentInput(nl.proeftuin.core.api.DutchDay.today(), "Police report: violence at home again"));
        assertFalse(incident.fallback(), () -> "fallback: " + incident.fallbackReason());
        assertEquals(1, incident.incidents().size());
        assertEquals(Phase.ACUTE_SAFETY, incident.advice().nextPhase(), () -> "reasons: " + incident.advice().reasons());
        assertTrue(incident.advice().reasons().stream().anyMatch(r -> r.startsWith("Repeat incidents: 1 since entry")),
                () -> "reasons: " + incident.advice().reasons());
    }

    @Test
    void aFamilyThatDoesNotMeetTheEntryCriteriaIsNotEligible() {
        CarePathService paths = carePaths();
        String untriaged = kit.openCase("Renkum");
        String single = kit.openCase("Duiven");
        kit.triage(single, new TriageFacts(Set.of(LifeDomain.HOUSING), SafetyConcern.MODERATE, false, false, Set.of()));

        CarePathStatus none = paths.status(untriaged);
        assertFalse(none.fallback(), () -> "fallback: " + none.fallbackReason());
        assertFalse(none.advice().eligible());
        assertTrue(none.advice().reasons().get(0).startsWith("No triage facts"), none.advice().reasons()::toString);

        CarePathStatus notEligible = paths.status(single);
        assertFalse(notEligible.advice().eligible());
        assertTrue(notEligible.advice().reasons().contains(
                "Entry criterion not met: no earlier violence is recorded (MDA++ is for recurring violence)."),
                notEligible.advice().reasons()::toString);
    }

    @Test
    void whenThePluginIsGoneTheCoreStillServesAndUsesItAgainOnceItIsBack() throws Exception {
        CarePathService paths = carePaths();
        String caseId = kit.openCase("Zevenaar");
        kit.triage(caseId, eligible());
        assertEquals(PLUGIN_ID, paths.status(caseId).provenance().pluginId());

        kit.stopBundle(PLUGIN_BUNDLE);
        try {
            kit.awaitPluginGone(ExtensionPoint.CARE_PATH, PLUGIN_ID);

            CarePathStatus fallback = paths.status(caseId);

            assertTrue(fallback.fallback(), "the core falls back to regular case work");
            assertNotNull(fallback.fallbackReason());
            assertEquals(CORE_FALLBACK, fallback.provenance().pluginId());
            assertNull(fallback.definition());
            assertNull(fallback.advice());
            RuleViolationException noPath = assertThrows(RuleViolationException.class,
                    () -> step(paths, caseId, "safety-assessment"));
            assertEquals("no-care-path", noPath.rule());
        } finally {
            kit.startBundle(PLUGIN_BUNDLE);
        }
        kit.awaitPlugin(ExtensionPoint.CARE_PATH, PLUGIN_ID);

        CarePathStatus back = paths.status(caseId);
        assertFalse(back.fallback(), () -> "fallback: " + back.fallbackReason());
        assertEquals(PLUGIN_ID, back.provenance().pluginId());
        assertEquals("MDA++", back.definition().name());
        assertEquals("safety-assessment", step(paths, caseId, "safety-assessment").steps().get(0).step());
    }

    /**
     * The plugin declares its configuration (metatype, {@code @PluginConfiguration}): the core refuses
     * a misspelt key, a value of the wrong type or outside the options at bind time, naming the key,
     * and stores nothing; before, the binding was stored and every call fell back with an alert.
     */
    @Test
    void anUnusableConfigurationIsRefusedAtBindTimeNamingTheKey() {
        kit.bind(ExtensionPoint.CARE_PATH, null, PLUGIN_ID, CONFIG);
        var before = kit.runtime().effectiveBinding(ExtensionPoint.CARE_PATH, null);
        int history = kit.runtime().history(ExtensionPoint.CARE_PATH).size();
        for (Map.Entry<String, String> bad : List.of(Map.entry("incidents.escalateAftr", "2"),
                Map.entry("incidents.escalateAfter", "often"), Map.entry("incidents.returnTo", "INTAKE"),
                Map.entry("casusregie.required", "ja"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> kit.bind(ExtensionPoint.CARE_PATH, null, PLUGIN_ID, Map.of(bad.getKey(), bad.getValue())),
                    bad::toString);
            assertEquals("configuration." + bad.getKey(), refused.field(), refused.getMessage());
        }
        assertEquals(before, kit.runtime().effectiveBinding(ExtensionPoint.CARE_PATH, null), "nothing was stored");
        assertEquals(history, kit.runtime().history(ExtensionPoint.CARE_PATH).size(), "nor in the history");

        var schema = kit.runtime().plugins().stream().filter(p -> p.pluginId().equals(PLUGIN_ID)).findFirst()
                .orElseThrow().configuration();
        assertNotNull(schema, "the plugin's declared configuration is listed");
        var escalateAfter = schema.keys().stream().filter(k -> k.key().equals("incidents.escalateAfter")).findFirst()
                .orElseThrow();
        assertEquals("Integer", escalateAfter.type());
        assertEquals("1", escalateAfter.defaultValue());
    }

    private static CarePathStatus step(CarePathService paths, String caseId, String step) {
        return paths.completeStep(PluginTestKit.ACTOR, caseId, new StepInput(step, "done in the MDA++ core team: " + step));
    }

    private static CarePathService carePaths() {
        CarePathService s = carePaths.getService();
        assertNotNull(s, "the engine registers no CarePathService");
        return s;
    }

    private static TriageFacts eligible() {
        return new TriageFacts(Set.of(LifeDomain.SAFETY, LifeDomain.PARENTING, LifeDomain.ADDICTION),
                SafetyConcern.SERIOUS, true, true, Set.of("ADDICTION"));
    }
}
