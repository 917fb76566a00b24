package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.VersionRequiredException;
import nl.proeftuin.core.api.dto.Action;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.Condition;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.Goal;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.PlanChange;
import nl.proeftuin.core.api.dto.PlanDiff;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;
import nl.proeftuin.core.api.dto.SafetyAgreement;
import org.junit.jupiter.api.Test;

class PlanServiceTest extends EngineTestBase {

    @Test
    void theFirstVersionIsSavedWithoutExpectedVersionAndBumpsTheCase() {
        CaseView k = caseWithTeam();
        PlanVersion v1 = firstPlan(k);
        assertEquals(1, v1.version());
        assertEquals(START, v1.createdAt());
        assertEquals(v1, plans.latest(k.id()));
        assertEquals(v1, plans.version(k.id(), 1));
        CaseView after = cases.get(k.id());
        assertEquals(1, after.planVersion());
        assertEquals(k.version() + 1, after.version());
        assertEquals("PLAN_VERSION_SAVED", cases.history(k.id()).get(cases.history(k.id()).size() - 1).type());
    }

    @Test
    void laterVersionsMustSayWhichVersionTheyEdit() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        assertThrows(VersionRequiredException.class, () -> plans.newVersion(ANS, k.id(), null, plan(null)));
        plans.newVersion(ANS, k.id(), 1, plan(null));
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> plans.newVersion(ANS, k.id(), 1, plan(null)));
        assertEquals(2, e.current());
        assertEquals(List.of(1, 2), plans.versions(k.id()).stream().map(v -> v.version()).toList());
    }

    @Test
    void versionsAreImmutable() {
        CaseView k = caseWithTeam();
        PlanVersion v1 = firstPlan(k);
        clock.advance(Duration.ofDays(1));
        plans.newVersion(ANS, k.id(), 1, new PlanInput(List.of(), List.of(), List.of(), List.of(), null, "leeg"));
        assertEquals(v1, plans.version(k.id(), 1));
    }

    @Test
    void everyConditionMustStateItsConsequence() {
        CaseView k = caseWithTeam();
        PlanInput in = new PlanInput(List.of(), List.of(), List.of(), List.of(
                new Condition(null, "Vader gaat naar de cursus", "Dan praten we opnieuw", null),
                new Condition(null, "Moeder belt bij ruzie", "  ", null)), null, null);
        assertInvalid("conditions[1].consequence", () -> plans.newVersion(ANS, k.id(), null, in));
        assertThrows(NotFoundException.class, () -> plans.latest(k.id()), "nothing saved");
    }

    @Test
    void itemsGetIdsWhenAbsentAndIdsAreUniqueWithinASection() {
        CaseView k = caseWithTeam();
        PlanVersion v = plans.newVersion(ANS, k.id(), null, new PlanInput(
                List.of(new Goal(null, null, LifeDomain.HOUSING, "Een eigen huis")),
                List.of(), List.of(new SafetyAgreement("x", "a", "b")),
                List.of(new Condition("x", "c", "d", null)), null, null));
        assertNotNull(v.goals().get(0).id());
        assertInvalid("goals[1].id", () -> plans.newVersion(ANS, k.id(), 1, new PlanInput(
                List.of(new Goal("g", null, LifeDomain.HOUSING, "a"), new Goal("g", null, LifeDomain.HEALTH, "b")),
                List.of(), List.of(), List.of(), null, null)));
    }

    @Test
    void aGoalIsForAMemberOfTheCaseAndAnActionServesAGoalOfThePlan() {
        CaseView k = caseWithTeam();
        String stranger = person("Vreemd").id();
        assertInvalid("goals[0].personId", () -> plans.newVersion(ANS, k.id(), null, plan(stranger)));
        assertInvalid("actions[0].goalId", () -> plans.newVersion(ANS, k.id(), null, new PlanInput(List.of(),
                List.of(new Action(null, "nope", "Cursus", "Vader", null, null)), List.of(), List.of(), null, null)));
        assertInvalid("actions[0].end", () -> plans.newVersion(ANS, k.id(), null, new PlanInput(List.of(),
                List.of(new Action(null, null, "Cursus", "Vader", TODAY, TODAY.minusDays(1))), List.of(), List.of(), null, null)));
    }

    @Test
    void theDiffListsAddedRemovedAndChangedItemsByIdAndTheFamilyView() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        PlanInput v2 = new PlanInput(
                List.of(new Goal("g1", null, LifeDomain.SAFETY, "Iedereen voelt zich thuis veilig")),
                List.of(new Action("h1", "g1", "Gezinscoach komt wekelijks", "Gezinscoach", TODAY, null)),
                List.of(),
                List.of(new Condition("c1", "Vader gaat naar de cursus", "Dan vragen we de rechter om hulp", null)),
                "Het gaat al beter", "na evaluatie");
        plans.newVersion(ANS, k.id(), 1, v2);
        PlanDiff d = plans.diff(k.id(), 1, 2);
        List<String> summary = d.changes().stream().map(c -> c.section() + ":" + c.id() + ":" + c.change()).toList();
        assertTrue(d.changes().stream().anyMatch(c -> c.section().equals("goals") && c.id().equals("g1") && c.change().equals("CHANGED")));
        assertTrue(d.changes().stream().anyMatch(c -> c.section().equals("actions") && c.id().equals("h1") && c.change().equals("ADDED")));
        assertTrue(d.changes().stream().anyMatch(c -> c.section().equals("agreements") && c.id().equals("a1") && c.change().equals("REMOVED")));
        assertTrue(d.changes().stream().anyMatch(c -> c.section().equals("familyView") && c.change().equals("CHANGED")));
        assertEquals(4, d.changes().size(), summary::toString);
        assertThrows(NotFoundException.class, () -> plans.diff(k.id(), 1, 3));
    }

    /** A plan saved at 00:30 in Amsterdam (23:30 UTC) is dated that Dutch day in the family's view. */
    @Test
    void theFamilyViewDatesThePlanOnTheDutchDay() {
        CaseView k = caseWithTeam();
        clock.advance(Duration.between(START, java.time.Instant.parse("2027-03-12T23:30:00Z")));
        firstPlan(k);
        String intro = plans.familyView(k.id()).intro();
        assertTrue(intro.contains("13 maart 2027"), intro);
    }

    /**
     * The family's view of a version names the team that agreed it with them and who saved it: after the case
     * closed (every assignment ended) it said no professional had ever been linked to the family.
     */
    @Test
    void theFamilyViewOfAVersionNamesTheTeamOfThatDayAndWhoSavedIt() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        clock.advance(Duration.ofDays(3));
        k = cases.get(k.id());
        cases.close(ANS, k.id(), k.version(), new nl.proeftuin.core.api.dto.CloseInput("Doelen bereikt"));
        FamilyView v = plans.familyView(k.id());
        String team = String.join("\n", v.sections().get(4).items());
        assertTrue(team.contains("Pro fp-" + k.id() + " (Wijkteam Arnhem) is hulpverlener van het lokale team"), team);
        assertTrue(team.contains("Regionaal Veiligheidsteam"), team);
        assertTrue(v.intro().contains("12 maart 2027 en is opgeslagen door een hulpverlener."), v.intro()
                + " (ans saved it, never on the team: no login id for the family)");
    }

    @Test
    void theFamilyViewIsPlainDutchWithFirstNamesDatesAndWhoHoldsWhat() {
        CaseView k = caseWithTeam();
        String sanne = k.members().get(0).person().id();
        plans.newVersion(ANS, k.id(), null, new PlanInput(
                List.of(new Goal("g1", sanne, LifeDomain.SAFETY, "Sanne voelt zich thuis veilig")),
                List.of(new Action("h1", "g1", "Gezinscoach komt elke week", "Gezinscoach", LocalDate.of(2027, 3, 15), null)),
                List.of(new SafetyAgreement("a1", "Er wordt thuis niet geslagen", "Vader en moeder")),
                List.of(new Condition("c1", "Vader gaat naar de cursus", "Dan vragen we de rechter om hulp",
                        LocalDate.of(2027, 6, 1))),
                null, null));
        FamilyView v = plans.familyView(k.id());
        assertEquals("Ons gezinsplan (versie 1)", v.title());
        assertTrue(v.intro().contains("12 maart 2027"), v.intro());
        List<String> headings = v.sections().stream().map(FamilyView.Section::heading).toList();
        assertEquals(List.of("Wat willen we bereiken?", "Wie doet wat?", "Afspraken over veiligheid",
                "Voorwaarden — en wat er gebeurt als het niet lukt", "Wie zijn er betrokken?", "Wat vindt het gezin zelf?"),
                headings);
        assertTrue(v.sections().get(0).items().get(0).startsWith("Voor Sanne (veiligheid): "), v.sections().get(0).items().toString());
        assertTrue(v.sections().get(1).items().get(0).contains("Vanaf 15 maart 2027"));
        assertTrue(v.sections().get(3).items().get(0).contains("Als dit niet lukt: Dan vragen we de rechter om hulp."));
        assertTrue(v.sections().get(3).items().get(0).contains("1 juni 2027"));
        String team = String.join("\n", v.sections().get(4).items());
        assertTrue(team.contains("is jullie vaste professional"), team);
        assertTrue(team.contains("heeft de regie"), team);
        assertTrue(team.contains("Regionaal Veiligheidsteam"), team);
        assertEquals(2, v.sections().get(4).items().size());
        assertTrue(v.sections().get(5).items().get(0).startsWith("Dit hebben jullie nog niet ingevuld"));
        assertThrows(NotFoundException.class, () -> plans.familyView(openCase(person("X")).id()));
    }
}
