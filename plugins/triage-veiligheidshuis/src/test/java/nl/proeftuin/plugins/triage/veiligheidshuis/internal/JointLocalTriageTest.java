package nl.proeftuin.plugins.triage.veiligheidshuis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageAssessment;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The joint local triage's rules, one by one, on the plain class. */
class JointLocalTriageTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final JointLocalTriage triage = new JointLocalTriage();

    // --- the rationale in parts, for the UI's texts in the user's language ------------------------------

    private static List<String> keys(TriageDecision d) {
        return d.rationaleParts().stream().map(RationalePart::key).toList();
    }

    @Test
    void theRationaleComesInPartsSentenceBySentence() {
        assertEquals(List.of("triage-veiligheidshuis.pending.both"), keys(triage.triage(request(Map.of()))));

        TriageDecision waiting = triage.triage(request(Map.of(), process(Route.MDA_PLUS_PLUS, "violence for years", 0)));
        assertEquals(List.of("triage-veiligheidshuis.pending.safety", "triage-veiligheidshuis.assessment"), keys(waiting));
        assertEquals(Map.of("name", "Karim Bouali", "role", "PROCESS_DIRECTOR", "route", "MDA_PLUS_PLUS",
                "note", "violence for years"), waiting.rationaleParts().get(1).arguments());

        TriageDecision joint = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "", 0),
                process(Route.LOCAL_TEAM, "school is involved", 1)));
        assertEquals(List.of("triage-veiligheidshuis.joint", "triage-veiligheidshuis.assessment.noNote",
                "triage-veiligheidshuis.assessment"), keys(joint));
        assertEquals(Map.of("route", "LOCAL_TEAM"), joint.rationaleParts().get(0).arguments());

        TriageDecision disagree = triage.triage(request(Map.of("onDisagreement", "manual"),
                safety(Route.LOCAL_TEAM, "a", 0), process(Route.MDA_PLUS_PLUS, "b", 1)));
        assertEquals(List.of("triage-veiligheidshuis.disagreement", "triage-veiligheidshuis.assessment",
                "triage-veiligheidshuis.assessment", "triage-veiligheidshuis.disagreement.manual"), keys(disagree));
    }

    // --- pending ------------------------------------------------------------------------------------

    @Test
    void withoutAssessmentsBothAreMissing() {
        TriageDecision d = triage.triage(request(Map.of()));

        assertTrue(d.pending());
        assertEquals("PENDING", d.classification());
        assertEquals(Route.MANUAL_TRIAGE, d.route());
        assertContains(d, "SAFETY_DIRECTOR", "PROCESS_DIRECTOR", "both");
    }

    @Test
    void withOnlyTheSafetyDirectorTheProcessDirectorIsMissing() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "school is involved", 0)));

        assertTrue(d.pending());
        assertEquals("PENDING", d.classification());
        assertContains(d, "waits for the Veiligheidshuis process director (PROCESS_DIRECTOR): still missing",
                "Sanne de Vries (SAFETY_DIRECTOR)", "school is involved");
    }

    @Test
    void withOnlyTheProcessDirectorTheSafetyDirectorIsMissing() {
        TriageDecision d = triage.triage(request(Map.of(), process(Route.MDA_PLUS_PLUS, "violence for years", 0)));

        assertTrue(d.pending());
        assertContains(d, "waits for the municipal safety director (SAFETY_DIRECTOR): still missing",
                "Karim Bouali (PROCESS_DIRECTOR)");
    }

    @Test
    void twoAssessmentsInOneRoleAreNotBoth() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "first", 0),
                safety(Route.VEILIGHEIDSHUIS_TABLE, "second", 1)));

        assertTrue(d.pending());
        assertContains(d, "PROCESS_DIRECTOR): still missing");
    }

    @Test
    void factsDoNotMatterWhilePendingOrDeciding() {
        TriageRequest noFacts = new TriageRequest("case-1", "Arnhem", null, List.of(), null,
                List.of(safety(Route.LOCAL_TEAM, "a", 0), process(Route.LOCAL_TEAM, "b", 1)), Map.of());
        assertEquals(Route.LOCAL_TEAM, triage.triage(noFacts).route());
    }

    // --- agreement ------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Route.class, names = {"LOCAL_TEAM", "VEILIGHEIDSHUIS_TABLE", "MDA_PLUS_PLUS"})
    void whenBothAgreeThatRouteIsTheJointDecision(Route route) {
        TriageDecision d = triage.triage(request(Map.of(), safety(route, "the school sees progress", 0),
                process(route, "partners know the family", 1)));

        assertFalse(d.pending());
        assertEquals("JOINT_DECISION", d.classification());
        assertEquals(route, d.route());
        assertContains(d, "Sanne de Vries (SAFETY_DIRECTOR)", "the school sees progress",
                "Karim Bouali (PROCESS_DIRECTOR)", "partners know the family", route.name(), "agree");
    }

    @Test
    void roleNamesAreComparedWithoutRegardToCase() {
        TriageDecision d = triage.triage(request(Map.of(),
                assessment("u1", "Sanne de Vries", "safety_director", Route.LOCAL_TEAM, "a", 0),
                assessment("u2", "Karim Bouali", " Process_Director ", Route.LOCAL_TEAM, "b", 1)));

        assertEquals("JOINT_DECISION", d.classification());
    }

    // --- disagreement -----------------------------------------------------------------------------------

    @Test
    void onDisagreementTheDefaultEscalatesToAVeiligheidshuisTable() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "stays local", 0),
                process(Route.MDA_PLUS_PLUS, "needs MDA++", 1)));

        assertFalse(d.pending());
        assertEquals("DISAGREEMENT", d.classification());
        assertEquals(Route.VEILIGHEIDSHUIS_TABLE, d.route());
        assertContains(d, "disagree", "Sanne de Vries (SAFETY_DIRECTOR)", "stays local",
                "Karim Bouali (PROCESS_DIRECTOR)", "needs MDA++", "onDisagreement=escalate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"escalate", "ESCALATE", " Escalate "})
    void escalateCanBeWrittenOut(String value) {
        TriageDecision d = triage.triage(request(Map.of("onDisagreement", value), safety(Route.LOCAL_TEAM, "a", 0),
                process(Route.VEILIGHEIDSHUIS_TABLE, "b", 1)));

        assertEquals(Route.VEILIGHEIDSHUIS_TABLE, d.route());
    }

    @Test
    void onDisagreementManualLeavesItToAPerson() {
        TriageDecision d = triage.triage(request(Map.of("onDisagreement", "manual"),
                safety(Route.VEILIGHEIDSHUIS_TABLE, "table", 0), process(Route.LOCAL_TEAM, "local", 1)));

        assertFalse(d.pending());
        assertEquals("DISAGREEMENT", d.classification());
        assertEquals(Route.MANUAL_TRIAGE, d.route());
        assertContains(d, "disagree", "Sanne de Vries (SAFETY_DIRECTOR)", "Karim Bouali (PROCESS_DIRECTOR)",
                "onDisagreement=manual");
    }

    // --- latest per role ----------------------------------------------------------------------------------

    @Test
    void theLatestAssessmentPerRoleCounts() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "first thought", 0),
                process(Route.VEILIGHEIDSHUIS_TABLE, "table", 1), safety(Route.VEILIGHEIDSHUIS_TABLE, "changed my mind", 2)));

        assertEquals("JOINT_DECISION", d.classification());
        assertEquals(Route.VEILIGHEIDSHUIS_TABLE, d.route());
        assertContains(d, "changed my mind");
        assertFalse(d.rationale().contains("first thought"), d.rationale());
    }

    @Test
    void anAssessmentDatedEarlierDoesNotReplaceALaterOne() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "latest", 5),
                process(Route.LOCAL_TEAM, "local", 1), safety(Route.MDA_PLUS_PLUS, "older", 2)));

        assertEquals(Route.LOCAL_TEAM, d.route());
        assertContains(d, "latest");
    }

    // --- unknown roles ------------------------------------------------------------------------------------

    @Test
    void unknownRolesAreIgnoredButMentioned() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "local", 0),
                assessment("u9", "Piet Jansen", "POLICE", Route.MDA_PLUS_PLUS, "police note", 1),
                process(Route.LOCAL_TEAM, "local too", 2)));

        assertEquals("JOINT_DECISION", d.classification());
        assertEquals(Route.LOCAL_TEAM, d.route());
        assertContains(d, "Ignored", "Piet Jansen (POLICE)");
    }

    @Test
    void anUnknownRoleDoesNotCompleteTheTriage() {
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, "local", 0),
                assessment("u9", "Piet Jansen", "POLICE", Route.LOCAL_TEAM, "x", 1)));

        assertTrue(d.pending());
        assertContains(d, "PROCESS_DIRECTOR): still missing", "Piet Jansen (POLICE)");
    }

    @Test
    void manyIgnoredAssessmentsAreCounted() {
        List<TriageAssessment> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(assessment("u" + i, "Person " + i, "OTHER", Route.LOCAL_TEAM, "x", i));
        }
        TriageDecision d = triage.triage(request(Map.of(), many.toArray(TriageAssessment[]::new)));

        assertContains(d, "Person 4 (OTHER)", "and 3 more");
        assertFalse(d.rationale().contains("Person 5"), d.rationale());
    }

    // --- the rationale stays within what the core keeps -----------------------------------------------------

    @Test
    void longNotesAreQuotedShortened() {
        String longNote = "x".repeat(10_000);
        TriageDecision d = triage.triage(request(Map.of(), safety(Route.LOCAL_TEAM, longNote, 0),
                process(Route.MDA_PLUS_PLUS, longNote, 1)));

        assertTrue(d.rationale().length() < 10_000, () -> "length " + d.rationale().length());
        assertContains(d, "[...]");
    }

    @Test
    void theSameRequestGivesTheSameDecision() {
        TriageRequest r = request(Map.of(), safety(Route.LOCAL_TEAM, "a", 0),
                assessment("u9", "Piet Jansen", "POLICE", Route.LOCAL_TEAM, "x", 1), process(Route.MDA_PLUS_PLUS, "b", 2));
        assertEquals(triage.triage(r), triage.triage(r));
    }

    // --- configuration ------------------------------------------------------------------------------------

    @Test
    void aNullConfigurationIsTheDefault() {
        TriageRequest r = new TriageRequest("case-1", "Arnhem", null, List.of(), facts(),
                List.of(safety(Route.LOCAL_TEAM, "a", 0), process(Route.MDA_PLUS_PLUS, "b", 1)), null);
        assertEquals(Route.VEILIGHEIDSHUIS_TABLE, triage.triage(r).route());
    }

    @Test
    void anUnreadableValueIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> triage.triage(request(Map.of("onDisagreement", "vote"))));
        assertTrue(e.getMessage().contains("onDisagreement"), e.getMessage());
        assertTrue(e.getMessage().contains("vote"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> triage.triage(request(Map.of("onDisagrement", "manual"))));
        assertTrue(e.getMessage().contains("onDisagrement"), e.getMessage());
    }

    @Test
    void aBadConfigurationIsRefusedEvenWhilePending() {
        assertThrows(IllegalArgumentException.class, () -> triage.triage(request(Map.of("onDisagreement", ""))));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static void assertContains(TriageDecision d, String... parts) {
        for (String part : parts) {
            assertTrue(d.rationale().contains(part), () -> "'" + part + "' not in: " + d.rationale());
        }
    }

    private static TriageAssessment safety(Route route, String note, int minute) {
        return assessment("u1", "Sanne de Vries", "SAFETY_DIRECTOR", route, note, minute);
    }

    private static TriageAssessment process(Route route, String note, int minute) {
        return assessment("u2", "Karim Bouali", "PROCESS_DIRECTOR", route, note, minute);
    }

    private static TriageAssessment assessment(String id, String name, String role, Route route, String note,
            int minute) {
        return new TriageAssessment(id, name, role, route, note, T0.plusSeconds(60L * minute));
    }

    private static TriageFacts facts() {
        return new TriageFacts(Set.of(LifeDomain.SAFETY), SafetyConcern.SERIOUS, false, false, Set.of());
    }

    private static TriageRequest request(Map<String, String> configuration, TriageAssessment... assessments) {
        return new TriageRequest("case-1", "Arnhem", null, List.of(), facts(), Arrays.asList(assessments),
                configuration);
    }
}
