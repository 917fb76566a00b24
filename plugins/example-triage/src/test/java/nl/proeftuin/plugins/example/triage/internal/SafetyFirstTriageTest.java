package nl.proeftuin.plugins.example.triage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** A plugin is a plain class: test its decisions directly, no framework needed. */
class SafetyFirstTriageTest {

    private final SafetyFirstTriage triage = new SafetyFirstTriage();

    @ParameterizedTest
    @EnumSource(value = SafetyConcern.class, names = {"SERIOUS", "ACUTE"})
    void seriousOrAcuteConcernGoesToTheRegionalSafetyTeam(SafetyConcern concern) {
        TriageDecision decision = triage.triage(request(concern));

        assertEquals(Route.REGIONAL_SAFETY_TEAM, decision.route());
        assertEquals("SERIOUS_SAFETY_CONCERN", decision.classification());
        assertTrue(decision.rationale().contains(concern.name().toLowerCase()), decision.rationale());
        assertFalse(decision.pending());
    }

    @ParameterizedTest
    @EnumSource(value = SafetyConcern.class, names = {"NONE", "MODERATE"})
    void otherwiseTheCaseStaysLocal(SafetyConcern concern) {
        TriageDecision decision = triage.triage(request(concern));

        assertEquals(Route.LOCAL_TEAM, decision.route());
        assertEquals("NO_SERIOUS_SAFETY_CONCERN", decision.classification());
        assertTrue(decision.rationale().contains(concern.name().toLowerCase()), decision.rationale());
    }

    @Test
    void otherFactsDoNotMatter() {
        TriageFacts many = new TriageFacts(Set.of(LifeDomain.values()), SafetyConcern.MODERATE, true, true,
                Set.of("ADDICTION"));

        assertEquals(Route.LOCAL_TEAM, triage.triage(request(many)).route());
    }

    @Test
    void withoutFactsAPersonDecides() {
        TriageDecision decision = triage.triage(request((TriageFacts) null));

        assertEquals(Route.MANUAL_TRIAGE, decision.route());
        assertEquals("UNDETERMINED", decision.classification());
    }

    private static TriageRequest request(SafetyConcern concern) {
        return request(new TriageFacts(Set.of(LifeDomain.PARENTING), concern, false, false, Set.of()));
    }

    private static TriageRequest request(TriageFacts facts) {
        return new TriageRequest("case-1", "Arnhem", null, List.of(), facts, List.of(), Map.of());
    }
}
