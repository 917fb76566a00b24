package nl.proeftuin.plugins.triage.threeway.internal;

import static nl.proeftuin.core.api.dto.LifeDomain.ADDICTION;
import static nl.proeftuin.core.api.dto.LifeDomain.DEVELOPMENT_AND_SCHOOL;
import static nl.proeftuin.core.api.dto.LifeDomain.HEALTH;
import static nl.proeftuin.core.api.dto.LifeDomain.HOUSING;
import static nl.proeftuin.core.api.dto.LifeDomain.INCOME_AND_DEBT;
import static nl.proeftuin.core.api.dto.LifeDomain.PARENTING;
import static nl.proeftuin.core.api.dto.LifeDomain.SAFETY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decisions of the three-way triage, criterion by criterion, with the defaults and configured. */
class ThreeWayTriageTest {

    private final ThreeWayTriage triage = new ThreeWayTriage();

    // --- with the defaults ---

    @Test
    void aSingleProblemStaysLocal() {
        TriageDecision d = decide(facts().domains(PARENTING));

        assertEquals("ENKELVOUDIG", d.classification());
        assertEquals(Route.LOCAL_TEAM, d.route());
        assertTrue(d.expertise().isEmpty());
        assertFalse(d.pending());
        assertTrue(d.rationale().contains("no criterion"), d.rationale());
    }

    @Test
    void threeProblemDomainsAreComplexTwoAreNot() {
        assertEquals("ENKELVOUDIG", decide(facts().domains(PARENTING, HOUSING)).classification());

        TriageDecision d = decide(facts().domains(PARENTING, HOUSING, INCOME_AND_DEBT));
        assertEquals("COMPLEX", d.classification());
        assertEquals(Route.REGIONAL_SAFETY_TEAM, d.route());
        assertTrue(d.rationale().contains("problems in 3 life domains (parenting, income and debt, housing), at least 3"),
                d.rationale());
    }

    @Test
    void fiveProblemDomainsAreMeervoudigComplexFourAreComplex() {
        assertEquals("COMPLEX", decide(facts().domains(PARENTING, HOUSING, INCOME_AND_DEBT, HEALTH))
                .classification());

        TriageDecision d = decide(facts().domains(PARENTING, HOUSING, INCOME_AND_DEBT, HEALTH, ADDICTION));
        assertEquals("MEERVOUDIG_COMPLEX", d.classification());
        assertEquals(Route.REGIONAL_SAFETY_TEAM, d.route());
        assertTrue(d.rationale().contains("problems in 5 life domains"), d.rationale());
        assertFalse(d.rationale().contains("Also complex"), "the domain count is reported once: " + d.rationale());
    }

    @ParameterizedTest
    @EnumSource(value = SafetyConcern.class, names = {"SERIOUS", "ACUTE"})
    void aSeriousOrAcuteSafetyConcernIsComplex(SafetyConcern concern) {
        TriageDecision d = decide(facts().safety(concern));

        assertEquals("COMPLEX", d.classification());
        assertTrue(d.rationale().contains("the safety concern is " + concern.name().toLowerCase() + " (at least serious)"),
                d.rationale());
        assertEquals(List.of("veiligheidstaxatie"), d.expertise());
    }

    @Test
    void aModerateSafetyConcernIsNot() {
        assertEquals("ENKELVOUDIG", decide(facts().safety(SafetyConcern.MODERATE)).classification());
    }

    @Test
    void repeatedViolenceIsMeervoudigComplex() {
        TriageDecision d = decide(facts().repeatedViolence());

        assertEquals("MEERVOUDIG_COMPLEX", d.classification());
        assertTrue(d.rationale().contains("violence happened before"), d.rationale());
        assertEquals(List.of("huiselijk geweld en kindermishandeling"), d.expertise());
    }

    @Test
    void earlierHelpWithoutResultIsMeervoudigComplex() {
        TriageDecision d = decide(facts().earlierHelpWithoutResult());

        assertEquals("MEERVOUDIG_COMPLEX", d.classification());
        assertTrue(d.rationale().contains("earlier help brought no breakthrough"), d.rationale());
    }

    @Test
    void parentalAddictionIsComplexAndCallsForAddictionCare() {
        TriageDecision d = decide(facts().parental("ADDICTION"));

        assertEquals("COMPLEX", d.classification());
        assertTrue(d.rationale().contains("a parent has an addiction"), d.rationale());
        assertEquals(List.of("verslavingszorg"), d.expertise());
    }

    @Test
    void parentalPsychiatricProblemsAreComplexAndCallForMentalHealthCare() {
        TriageDecision d = decide(facts().parental("PSYCHIATRY"));

        assertEquals("COMPLEX", d.classification());
        assertEquals(List.of("volwassenen-ggz"), d.expertise());
    }

    @Test
    void otherParentalProblemsAreNotACriterionByDefault() {
        assertEquals("ENKELVOUDIG", decide(facts().parental("INTELLECTUAL_DISABILITY")).classification());
    }

    @Test
    void theRationaleListsEveryCriterionThatHeld() {
        TriageDecision d = decide(facts().domains(PARENTING, HOUSING, SAFETY).safety(SafetyConcern.ACUTE)
                .repeatedViolence().earlierHelpWithoutResult().parental("PSYCHIATRY", "ADDICTION"));

        assertEquals("MEERVOUDIG_COMPLEX", d.classification());
        String r = d.rationale();
        for (String criterion : List.of("violence happened before", "earlier help brought no breakthrough",
                "Also complex because", "problems in 3 life domains", "the safety concern is acute",
                "a parent has an addiction and psychiatric problems")) {
            assertTrue(r.contains(criterion), "missing '" + criterion + "' in: " + r);
        }
        assertEquals(List.of("veiligheidstaxatie", "huiselijk geweld en kindermishandeling", "verslavingszorg",
                "volwassenen-ggz"), d.expertise());
    }

    @Test
    void theSameRequestGivesTheSameDecision() {
        Facts f = facts().domains(HOUSING, PARENTING, HEALTH).parental("PSYCHIATRY", "ADDICTION");

        assertEquals(decide(f), decide(f));
    }

    @Test
    void parentalProblemCodesAreReadWithoutRegardToCase() {
        assertEquals("COMPLEX", decide(facts().parental(" addiction ")).classification());
    }

    @Test
    void missingFactsGoToAPerson() {
        TriageDecision d = triage.triage(new TriageRequest("c", "Ede", null, List.of(), null, List.of(), Map.of()));

        assertEquals(Route.MANUAL_TRIAGE, d.route());
        assertEquals("UNDETERMINED", d.classification());
    }

    @Test
    void missingPartsOfTheFactsCountAsNothingRecorded() {
        TriageFacts f = new TriageFacts(null, null, false, false, null);
        TriageDecision d = triage.triage(new TriageRequest("c", "Ede", null, List.of(), f, List.of(), null));

        assertEquals("ENKELVOUDIG", d.classification());
    }

    // --- configured ---

    @Test
    void thresholdsCanBeRaised() {
        Facts f = facts().domains(PARENTING, HOUSING, INCOME_AND_DEBT, HEALTH, ADDICTION);
        Map<String, String> c = Map.of("complex.minProblemDomains", "4", "multiComplex.minProblemDomains", "6");

        assertEquals("COMPLEX", decide(f, c).classification());
        assertEquals("ENKELVOUDIG", decide(facts().domains(PARENTING, HOUSING, INCOME_AND_DEBT), c).classification());
    }

    @Test
    void thresholdsCanBeLowered() {
        Map<String, String> c = Map.of("complex.minProblemDomains", "2", "complex.onSafetyConcern", "moderate");

        assertEquals("COMPLEX", decide(facts().domains(PARENTING, HOUSING), c).classification());
        assertEquals("COMPLEX", decide(facts().safety(SafetyConcern.MODERATE), c).classification());
    }

    @Test
    void criteriaCanBeSwitchedOff() {
        Map<String, String> c = Map.of("complex.minProblemDomains", "0", "multiComplex.minProblemDomains", "0",
                "complex.onSafetyConcern", "OFF", "multiComplex.onRepeatedViolence", "false",
                "multiComplex.onEarlierHelpWithoutResult", "FALSE", "complex.onParentalProblems", "");

        TriageDecision d = decide(facts().domains(LifeDomain.values()).safety(SafetyConcern.ACUTE)
                .repeatedViolence().earlierHelpWithoutResult().parental("ADDICTION"), c);

        assertEquals("ENKELVOUDIG", d.classification());
        assertEquals(Route.LOCAL_TEAM, d.route());
    }

    @Test
    void anAcuteConcernCanBeMadeMeervoudigComplex() {
        Map<String, String> c = Map.of("multiComplex.onSafetyConcern", "ACUTE");

        TriageDecision acute = decide(facts().safety(SafetyConcern.ACUTE), c);
        assertEquals("MEERVOUDIG_COMPLEX", acute.classification());
        assertTrue(acute.rationale().contains("acute (at least acute)"), acute.rationale());
        assertEquals("COMPLEX", decide(facts().safety(SafetyConcern.SERIOUS), c).classification());
    }

    @Test
    void aParentalProblemCanBeMadeMeervoudigComplexAndIsThenReportedOnce() {
        Map<String, String> c = Map.of("multiComplex.onParentalProblems", "ADDICTION");

        TriageDecision d = decide(facts().parental("ADDICTION"), c);
        assertEquals("MEERVOUDIG_COMPLEX", d.classification());
        assertFalse(d.rationale().contains("Also complex"), d.rationale());
        assertEquals(List.of("verslavingszorg"), d.expertise());
    }

    @Test
    void anyProblemCodeCanBeACriterion() {
        Map<String, String> c = Map.of("complex.onParentalProblems", "INTELLECTUAL_DISABILITY, DEBT");

        TriageDecision lvb = decide(facts().parental("INTELLECTUAL_DISABILITY"), c);
        assertEquals("COMPLEX", lvb.classification());
        assertEquals(List.of("lvb-expertise"), lvb.expertise());
        TriageDecision debt = decide(facts().parental("DEBT"), c);
        assertEquals("COMPLEX", debt.classification());
        assertTrue(debt.rationale().contains("the problem DEBT"), debt.rationale());
        assertEquals("ENKELVOUDIG", decide(facts().parental("ADDICTION"), c).classification(),
                "the configured list replaces the default");
    }

    @Test
    void anUnusableConfigurationFailsEvenWithoutFacts() {
        Map<String, String> bad = Map.of("complex.minProblemDomains", "three");
        TriageRequest r = new TriageRequest("c", "Ede", null, List.of(), null, List.of(), bad);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> triage.triage(r));
        assertTrue(e.getMessage().contains("complex.minProblemDomains"), e.getMessage());
    }

    private TriageDecision decide(Facts f) {
        return decide(f, Map.of());
    }

    private TriageDecision decide(Facts f, Map<String, String> configuration) {
        return triage.triage(new TriageRequest("case-1", "Ede", null, List.of(), f.build(), List.of(),
                new HashMap<>(configuration)));
    }

    private static Facts facts() {
        return new Facts();
    }

    /** Starts from "one problem domain, nothing else" so each test names only what it is about. */
    private static final class Facts {
        private Set<LifeDomain> domains = Set.of(DEVELOPMENT_AND_SCHOOL);
        private SafetyConcern safety = SafetyConcern.NONE;
        private boolean repeatedViolence;
        private boolean earlierHelp;
        private Set<String> parental = Set.of();

        Facts domains(LifeDomain... d) {
            domains = Set.of(d);
            return this;
        }

        Facts safety(SafetyConcern s) {
            safety = s;
            return this;
        }

        Facts repeatedViolence() {
            repeatedViolence = true;
            return this;
        }

        Facts earlierHelpWithoutResult() {
            earlierHelp = true;
            return this;
        }

        Facts parental(String... p) {
            parental = Set.of(p);
            return this;
        }

        TriageFacts build() {
            return new TriageFacts(domains, safety, repeatedViolence, earlierHelp, parental);
        }
    }
}
