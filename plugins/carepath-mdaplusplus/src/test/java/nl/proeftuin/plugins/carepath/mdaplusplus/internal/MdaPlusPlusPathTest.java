package nl.proeftuin.plugins.carepath.mdaplusplus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.spi.CarePathAdvice;
import nl.proeftuin.core.spi.CarePathDefinition;
import nl.proeftuin.core.spi.CarePathPhase;
import nl.proeftuin.core.spi.CarePathRequest;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageFacts;
import org.junit.jupiter.api.Test;

/** The path's definition and advice: entry criteria, order of the steps, phases, casusregie, repeat incidents. */
class MdaPlusPlusPathTest {

    static final List<String> ACUTE = List.of("safety-assessment", "safety-plan");
    static final List<String> RISK = List.of("analysis", "risk-plan", "risk-interventions");
    static final List<String> RECOVERY = List.of("trauma-treatment", "relapse-prevention");

    final MdaPlusPlusPath path = new MdaPlusPlusPath();

    // --- definition ---------------------------------------------------------------------------------

    @Test
    void theDefinitionHasThreePhasesInOrderWithTheAnalysisBeforeEveryIntervention() {
        CarePathDefinition d = path.definition(Map.of());

        assertEquals("MDA++", d.name());
        assertEquals(List.of(Phase.ACUTE_SAFETY, Phase.STABILISATION, Phase.RECOVERY),
                d.phases().stream().map(CarePathPhase::phase).toList());
        assertEquals(ACUTE, d.phases().get(0).requiredSteps());
        assertEquals(RISK, d.phases().get(1).requiredSteps());
        assertEquals(RECOVERY, d.phases().get(2).requiredSteps());
        assertEquals("analysis", d.phases().get(1).requiredSteps().get(0), "slow down: analyse before intervening");
        for (CarePathPhase p : d.phases()) {
            assertFalse(p.entryCriteria().isEmpty(), p.phase() + " has entry criteria");
            assertFalse(p.exitCriteria().isEmpty(), p.phase() + " has exit criteria");
            assertTrue(p.exitCriteria().stream().anyMatch(s -> s.contains("casusregie across all life domains")),
                    p.exitCriteria().toString());
            for (String step : p.requiredSteps()) {
                assertTrue(step.matches("[a-z]+(-[a-z]+)*"), step);
            }
        }
        assertTrue(String.join(" ", d.phases().get(1).exitCriteria()).contains("first analyses the family system"));
    }

    @Test
    void theDefinitionStatesTheDefaultEntryCriteriaAndCoreTeam() {
        CarePathDefinition d = path.definition(null);

        assertEquals(List.of("Veilig Thuis", "vrouwenopvang", "verslavingszorg", "ggz", "jeugdzorg",
                "ervaringsdeskundige"), d.coreTeam());
        assertEquals(List.of("Severe, recurring violence: violence happened before.",
                "Problems in at least 2 life domains.", "Earlier help brought no breakthrough.",
                "A safety concern that is at least serious.",
                "On the path, the core team (Veilig Thuis, vrouwenopvang, verslavingszorg, ggz, jeugdzorg,"
                        + " ervaringsdeskundige) holds casusregie across all life domains: one holder for the whole"
                        + " family, the same faces throughout."), d.entryCriteria());
        assertTrue(d.phases().get(0).exitCriteria().contains(
                "Fewer than 1 repeat incident(s) recorded since entry (a repeat incident in a later phase sends the case"
                        + " back to acute safety)."), d.phases().get(0).exitCriteria().toString());
        assertTrue(d.phases().get(0).entryCriteria().contains("Or: a repeat incident in a later phase."));
    }

    @Test
    void theDefinitionFollowsTheConfiguration() {
        CarePathDefinition d = path.definition(Map.of("coreTeam", "VT,politie,reclassering",
                "entry.requireRepeatedViolence", "false", "entry.minSafetyConcern", "OFF", "entry.minProblemDomains",
                "3", "casusregie.required", "false", "incidents.escalateAfter", "0"));

        assertEquals(List.of("VT", "politie", "reclassering"), d.coreTeam());
        assertEquals(List.of("Problems in at least 3 life domains.", "Earlier help brought no breakthrough.",
                "On the path, the core team (VT, politie, reclassering) holds casusregie across all life domains:"
                        + " one holder for the whole family, the same faces throughout."), d.entryCriteria());
        for (CarePathPhase p : d.phases()) {
            assertEquals(1, p.exitCriteria().size(), "only the steps: " + p.exitCriteria());
            assertEquals(1, p.entryCriteria().size(), "no return after incidents: " + p.entryCriteria());
        }
    }

    @Test
    void returningToRiskDrivenCareIsStatedThere() {
        CarePathDefinition d = path.definition(Map.of("incidents.returnTo", "STABILISATION"));

        assertEquals(1, d.phases().get(0).entryCriteria().size());
        assertTrue(d.phases().get(1).entryCriteria().contains("Or: a repeat incident during recovery."));
    }

    @Test
    void aBadConfigurationFailsTheDefinitionToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> path.definition(Map.of("coreTeam", "VT")));
        assertTrue(e.getMessage().contains("coreTeam"), e.getMessage());
    }

    // --- eligibility ---------------------------------------------------------------------------------

    @Test
    void aFamilyThatMeetsEveryEntryCriterionIsEligibleAndEveryCriterionIsNamed() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), List.of(), 0, Map.of()));

        assertTrue(a.eligible());
        assertEquals(List.of(
                "Entry criterion met: violence happened before (recurring violence).",
                "Entry criterion met: problems in 3 life domains (safety, parenting, addiction), at least 2.",
                "Entry criterion met: earlier help brought no breakthrough.",
                "Entry criterion met: the safety concern is serious (at least serious).",
                "Eligible for MDA++: every entry criterion holds."), a.reasons().subList(0, 5));
    }

    @Test
    void everyFailingCriterionIsNamed() {
        TriageFacts facts = new TriageFacts(Set.of(LifeDomain.SAFETY), SafetyConcern.MODERATE, false, false, Set.of());

        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, facts, List.of(), 0, Map.of()));

        assertFalse(a.eligible());
        assertEquals(List.of(
                "Entry criterion not met: no earlier violence is recorded (MDA++ is for recurring violence).",
                "Entry criterion not met: problems in 1 life domain(s) (safety), fewer than 2.",
                "Entry criterion not met: earlier help without a breakthrough is not recorded.",
                "Entry criterion not met: the safety concern is moderate, milder than serious.",
                "Not eligible for MDA++: an entry criterion fails."), a.reasons().subList(0, 5));
        assertNull(a.nextPhase());
        assertTrue(a.reasons().contains("No phase change is advised while the case does not meet the entry criteria."));
    }

    @Test
    void oneFailingCriterionIsEnough() {
        for (TriageFacts facts : List.of(
                new TriageFacts(domains(3), SafetyConcern.SERIOUS, false, true, Set.of()),
                new TriageFacts(domains(1), SafetyConcern.SERIOUS, true, true, Set.of()),
                new TriageFacts(domains(3), SafetyConcern.SERIOUS, true, false, Set.of()),
                new TriageFacts(domains(3), SafetyConcern.MODERATE, true, true, Set.of()),
                new TriageFacts(domains(3), null, true, true, Set.of()),
                new TriageFacts(null, SafetyConcern.ACUTE, true, true, Set.of()))) {
            assertFalse(path.advise(request(Phase.ACUTE_SAFETY, facts, List.of(), 0, Map.of())).eligible(),
                    facts.toString());
        }
        assertTrue(path.advise(request(Phase.ACUTE_SAFETY, new TriageFacts(domains(2), SafetyConcern.ACUTE, true, true,
                null), List.of(), 0, Map.of())).eligible(), "an acute concern is at least serious; 2 domains suffice");
    }

    @Test
    void criteriaThatAreOffAreNeitherCheckedNorNamed() {
        Map<String, String> off = Map.of("entry.requireRepeatedViolence", "false", "entry.minProblemDomains", "0",
                "entry.requireEarlierHelpWithoutResult", "false", "entry.minSafetyConcern", "OFF");
        TriageFacts facts = new TriageFacts(Set.of(), SafetyConcern.NONE, false, false, Set.of());

        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, facts, List.of(), 0, off));

        assertTrue(a.eligible());
        assertTrue(a.reasons().stream().noneMatch(r -> r.startsWith("Entry criterion")), a.reasons().toString());
    }

    @Test
    void theThresholdsFollowTheConfiguration() {
        TriageFacts facts = new TriageFacts(domains(3), SafetyConcern.SERIOUS, true, true, Set.of());

        assertFalse(path.advise(request(Phase.ACUTE_SAFETY, facts, List.of(), 0,
                Map.of("entry.minProblemDomains", "4"))).eligible());
        assertFalse(path.advise(request(Phase.ACUTE_SAFETY, facts, List.of(), 0,
                Map.of("entry.minSafetyConcern", "ACUTE"))).eligible());
        assertTrue(path.advise(request(Phase.ACUTE_SAFETY, facts, List.of(), 0,
                Map.of("entry.minProblemDomains", "3", "entry.minSafetyConcern", "MODERATE"))).eligible());
    }

    @Test
    void withoutTriageFactsTheCaseIsNotEligibleAndNothingIsThrown() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, null, List.of(), 0, Map.of()));

        assertFalse(a.eligible());
        assertEquals("No triage facts: the MDA++ entry criteria cannot be checked; triage the case first.",
                a.reasons().get(0));
        assertNull(a.nextPhase());
        assertEquals(all(), a.openSteps(), "the steps are still reported");
    }

    // --- open steps ----------------------------------------------------------------------------------

    @Test
    void openStepsAreTheRequiredStepsNotDoneInThePathsOrder() {
        assertEquals(all(), path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), null, 0, Map.of())).openSteps());

        // given in any order, even out of the path's order: the open ones come out in the path's order
        CarePathAdvice a = path.advise(request(Phase.STABILISATION, eligibleFacts(),
                List.of("risk-plan", "safety-plan", "safety-assessment"), 0, Map.of()));

        assertEquals(List.of("analysis", "risk-interventions", "trauma-treatment", "relapse-prevention"),
                a.openSteps());
    }

    @Test
    void stepsThatAreNotPartOfThePathAreIgnoredAndNamed() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(),
                List.of("safety-assessment", "intake", "home-visit"), 0, Map.of()));

        assertEquals(List.of("safety-plan", "analysis", "risk-plan", "risk-interventions", "trauma-treatment",
                "relapse-prevention"), a.openSteps());
        assertTrue(a.reasons().contains("Steps that are not part of MDA++ are ignored: home-visit, intake."),
                a.reasons().toString());
    }

    // --- next phase ----------------------------------------------------------------------------------

    @Test
    void theCaseStaysWhileStepsOfItsPhaseAreOpen() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), List.of("safety-assessment"), 0,
                Map.of()));

        assertNull(a.nextPhase());
        assertTrue(a.reasons().contains("Acute safety continues: open steps safety-plan."), a.reasons().toString());
    }

    @Test
    void theCaseMovesOnWhenItsStepsAreDoneAndSomeoneHoldsCasusregie() {
        CarePathAdvice acute = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0, Map.of()));
        assertEquals(Phase.STABILISATION, acute.nextPhase());
        assertTrue(acute.reasons().contains(
                "Acute safety is done (its steps are done and its exit criteria hold): on to risk-driven care."));
        assertTrue(acute.reasons().contains(
                "Casusregie across all life domains: held by Fatima El Amrani (Veilig Thuis)."), acute.reasons().toString());

        CarePathAdvice risk = path.advise(request(Phase.STABILISATION, eligibleFacts(), concat(ACUTE, RISK), 0, Map.of()));
        assertEquals(Phase.RECOVERY, risk.nextPhase());
        assertEquals(RECOVERY, risk.openSteps());

        CarePathAdvice recovery = path.advise(request(Phase.RECOVERY, eligibleFacts(), all(), 0, Map.of()));
        assertNull(recovery.nextPhase(), "recovery is the last phase");
        assertEquals(List.of(), recovery.openSteps());
        assertTrue(recovery.reasons().contains(
                "Every step of the path is done: the core team may end the path and hand over."));
    }

    @Test
    void openStepsOfAnEarlierPhaseKeepTheCaseWhereItIs() {
        // moved to risk-driven care by hand while acute safety is not done
        CarePathAdvice a = path.advise(request(Phase.STABILISATION, eligibleFacts(), List.of("safety-assessment",
                "analysis", "risk-plan", "risk-interventions"), 0, Map.of()));

        assertNull(a.nextPhase());
        assertTrue(a.reasons().contains("Risk-driven care continues: open steps safety-plan."), a.reasons().toString());
    }

    @Test
    void withoutACasusregieHolderTheCaseDoesNotMoveOnUnlessTheBindingAllowsIt() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0, Map.of(), List.of()));
        assertNull(a.nextPhase());
        assertTrue(a.reasons().contains("Casusregie: nobody holds it yet; the core team appoints one holder for all"
                + " life domains before the case leaves a phase."), a.reasons().toString());
        assertTrue(a.reasons().contains("Acute safety continues: its steps are done, but nobody holds casusregie."));

        // an ended assignment with casusregie does not count
        Assignment ended = new Assignment("a-2", "p-2", "Jan Smit", "ggz", ProfessionalRole.CASE_DIRECTOR, true,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), "handover");
        Assignment noRegie = new Assignment("a-3", "p-3", "Els Bos", "jeugdzorg", ProfessionalRole.FIXED_PROFESSIONAL,
                false, LocalDate.of(2024, 1, 1), null, null);
        assertNull(path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0, Map.of(),
                List.of(ended, noRegie))).nextPhase());

        CarePathAdvice optional = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0,
                Map.of("casusregie.required", "false"), List.of()));
        assertEquals(Phase.STABILISATION, optional.nextPhase());
        assertTrue(optional.reasons().contains(
                "Casusregie: nobody holds it yet (this binding does not require it to move on)."));
    }

    // --- repeat incidents ----------------------------------------------------------------------------

    @Test
    void aRepeatIncidentDuringRecoverySendsTheCaseBackToAcuteSafety() {
        CarePathAdvice a = path.advise(request(Phase.RECOVERY, eligibleFacts(), concat(ACUTE, RISK), 1, Map.of()));

        assertEquals(Phase.ACUTE_SAFETY, a.nextPhase());
        assertTrue(a.reasons().contains("Repeat incidents: 1 since entry (at least 1) during recovery: back to acute"
                + " safety, safety first."), a.reasons().toString());
        assertEquals(RECOVERY, a.openSteps(), "the steps do not change");
    }

    @Test
    void aRepeatIncidentDuringRiskDrivenCareSendsTheCaseBackToo() {
        assertEquals(Phase.ACUTE_SAFETY, path.advise(request(Phase.STABILISATION, eligibleFacts(), concat(ACUTE, RISK),
                2, Map.of())).nextPhase(), "even with every step of the phase done");
    }

    @Test
    void inAcuteSafetyARepeatIncidentKeepsTheCaseThere() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 1, Map.of()));

        assertNull(a.nextPhase(), "no advice to move on, and no loop back and forth");
        assertTrue(a.reasons().contains("Repeat incidents: 1 since entry (at least 1): the case stays in acute"
                + " safety; the core team decides when safety is restored."), a.reasons().toString());
    }

    @Test
    void theThresholdAndTheReturnPhaseAreConfigurable() {
        Map<String, String> c = Map.of("incidents.escalateAfter", "2", "incidents.returnTo", "STABILISATION");

        CarePathAdvice below = path.advise(request(Phase.RECOVERY, eligibleFacts(), all(), 1, c));
        assertNull(below.nextPhase());
        assertTrue(below.reasons().contains("Repeat incidents: 1 since entry, fewer than 2."), below.reasons().toString());

        assertEquals(Phase.STABILISATION, path.advise(request(Phase.RECOVERY, eligibleFacts(), all(), 2, c)).nextPhase());
        // in the return phase itself: stays, does not move on
        assertNull(path.advise(request(Phase.STABILISATION, eligibleFacts(), concat(ACUTE, RISK), 2, c)).nextPhase());
        // below the threshold the case moves on as usual
        assertEquals(Phase.RECOVERY,
                path.advise(request(Phase.STABILISATION, eligibleFacts(), concat(ACUTE, RISK), 1, c)).nextPhase());
    }

    @Test
    void incidentsCanBeIgnoredByTheBinding() {
        CarePathAdvice a = path.advise(request(Phase.RECOVERY, eligibleFacts(), concat(ACUTE, RISK), 5,
                Map.of("incidents.escalateAfter", "0")));

        assertNull(a.nextPhase());
        assertTrue(a.reasons().contains("Repeat incidents: 5 since entry (this binding does not act on them)."));
        assertTrue(a.reasons().contains("Recovery continues: open steps trauma-treatment, relapse-prevention."));
    }

    @Test
    void noIncidentsSaysSo() {
        CarePathAdvice a = path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), List.of(), 0, Map.of()));
        assertTrue(a.reasons().contains("Repeat incidents: 0 since entry, fewer than 1."), a.reasons().toString());
    }

    // --- reasons in the user's language (issue 18) -----------------------------------------------------

    @Test
    void everyReasonHasAPartWithAKeyAndItsArgumentsAsCodes() {
        CarePathAdvice a = path.advise(request(Phase.RECOVERY, eligibleFacts(), concat(ACUTE, RISK), 1, Map.of()));

        assertEquals(a.reasons().size(), a.reasonParts().size(), a.reasonParts().toString());
        assertEquals(List.of(
                new RationalePart("carepath-mdaplusplus.entry.repeatedViolence.met"),
                new RationalePart("carepath-mdaplusplus.entry.domains.met",
                        Map.of("count", "3", "domains", "SAFETY, PARENTING, ADDICTION", "min", "2")),
                new RationalePart("carepath-mdaplusplus.entry.earlierHelp.met"),
                new RationalePart("carepath-mdaplusplus.entry.safety.met", Map.of("level", "SERIOUS", "min", "SERIOUS")),
                new RationalePart("carepath-mdaplusplus.eligible"),
                new RationalePart("carepath-mdaplusplus.casusregie.heldWithOrganisation",
                        Map.of("name", "Fatima El Amrani", "organisation", "Veilig Thuis")),
                new RationalePart("carepath-mdaplusplus.incidents.back",
                        Map.of("count", "1", "threshold", "1", "phase", "RECOVERY", "next", "ACUTE_SAFETY"))),
                a.reasonParts());
    }

    @Test
    void everyBranchGivesAsManyPartsAsReasons() {
        TriageFacts none = new TriageFacts(Set.of(), SafetyConcern.MODERATE, false, false, Set.of());
        List<CarePathAdvice> advice = List.of(
                path.advise(request(Phase.ACUTE_SAFETY, null, List.of(), 0, Map.of())),
                path.advise(request(Phase.ACUTE_SAFETY, none, List.of("intake"), 0, Map.of())),
                path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), List.of(), 0, Map.of())),
                path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 1, Map.of())),
                path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0, Map.of())),
                path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0, Map.of(), List.of())),
                path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), ACUTE, 0, Map.of("casusregie.required",
                        "false"), List.of())),
                path.advise(request(Phase.RECOVERY, eligibleFacts(), all(), 3, Map.of("incidents.escalateAfter", "0"))));
        for (CarePathAdvice a : advice) {
            assertEquals(a.reasons().size(), a.reasonParts().size(), a.reasons() + " / " + a.reasonParts());
            assertTrue(a.reasonParts().stream().allMatch(p -> p.key().startsWith("carepath-mdaplusplus.")),
                    a.reasonParts().toString());
        }
        assertEquals(new RationalePart("carepath-mdaplusplus.noFacts"), advice.get(0).reasonParts().get(0));
        assertEquals(new RationalePart("carepath-mdaplusplus.entry.domains.none", Map.of("min", "2")),
                advice.get(1).reasonParts().get(1));
        assertTrue(advice.get(1).reasonParts().contains(new RationalePart("carepath-mdaplusplus.foreignSteps",
                Map.of("steps", "intake"))), advice.get(1).reasonParts().toString());
        assertTrue(advice.get(2).reasonParts().contains(new RationalePart("carepath-mdaplusplus.phase.openSteps",
                Map.of("phase", "ACUTE_SAFETY", "steps", "safety-assessment, safety-plan"))));
        assertTrue(advice.get(4).reasonParts().contains(new RationalePart("carepath-mdaplusplus.phase.done",
                Map.of("phase", "ACUTE_SAFETY", "next", "STABILISATION"))));
        assertTrue(advice.get(5).reasonParts().contains(new RationalePart("carepath-mdaplusplus.phase.noCasusregie",
                Map.of("phase", "ACUTE_SAFETY"))));
        assertTrue(advice.get(7).reasonParts().contains(new RationalePart("carepath-mdaplusplus.path.done")));
    }

    // --- contract ------------------------------------------------------------------------------------

    @Test
    void theSameRequestGivesTheSameAdvice() {
        CarePathRequest r = request(Phase.STABILISATION, eligibleFacts(), List.of("safety-plan", "safety-assessment"), 0,
                Map.of());
        assertEquals(path.advise(r), path.advise(r));
        assertEquals(path.definition(Map.of()), path.definition(Map.of()));
    }

    @Test
    void aBadConfigurationFailsEveryAdviceNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> path.advise(
                request(Phase.ACUTE_SAFETY, null, List.of(), 0, Map.of("incidents.escalateAfter", "often"))));
        assertTrue(e.getMessage().contains("incidents.escalateAfter"), e.getMessage());
    }

    @Test
    void aRequestWithoutACaseOrWithNegativeIncidentsIsABug() {
        assertThrows(IllegalArgumentException.class,
                () -> path.advise(new CarePathRequest(null, eligibleFacts(), List.of(), 0, Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> path.advise(request(Phase.ACUTE_SAFETY, eligibleFacts(), List.of(), -1, Map.of())));
    }

    // --- helpers -------------------------------------------------------------------------------------

    static TriageFacts eligibleFacts() {
        return new TriageFacts(Set.of(LifeDomain.ADDICTION, LifeDomain.SAFETY, LifeDomain.PARENTING),
                SafetyConcern.SERIOUS, true, true, Set.of("ADDICTION"));
    }

    static Set<LifeDomain> domains(int n) {
        return Set.of(LifeDomain.values()).stream().filter(d -> d.ordinal() < n)
                .collect(java.util.stream.Collectors.toSet());
    }

    static List<String> all() {
        return concat(concat(ACUTE, RISK), RECOVERY);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static CarePathRequest request(Phase phase, TriageFacts facts, List<String> done, int incidents,
            Map<String, String> config) {
        Assignment regie = new Assignment("a-1", "p-1", "Fatima El Amrani", "Veilig Thuis", ProfessionalRole.VEILIG_THUIS,
                true, LocalDate.of(2024, 1, 1), null, null);
        return request(phase, facts, done, incidents, config, List.of(regie));
    }

    static CarePathRequest request(Phase phase, TriageFacts facts, List<String> done, int incidents,
            Map<String, String> config, List<Assignment> team) {
        CaseView kase = new CaseView("c-1", 3, "Arnhem", CaseStatus.OPEN, null, null, phase, Framework.VOLUNTARY, null,
                List.of(), team, team.size(), 0, Instant.parse("2024-01-01T09:00:00Z"), "vt-1");
        return new CarePathRequest(kase, facts, done, incidents, new HashMap<>(config));
    }
}
