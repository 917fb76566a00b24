package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.FamilySystem;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.RelationshipInput;
import nl.proeftuin.core.api.dto.RelationshipType;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import org.junit.jupiter.api.Test;

class CaseServiceTest extends EngineTestBase {

    @Test
    void aCaseOpensInAcuteSafetyVoluntaryAtVersion1WithItsHistory() {
        Person sanne = person("Sanne");
        CaseView k = openCase(sanne);
        assertEquals(1, k.version());
        assertEquals(Phase.ACUTE_SAFETY, k.phase());
        assertEquals(Framework.VOLUNTARY, k.framework());
        assertEquals(CaseStatus.OPEN, k.status());
        assertEquals(0, k.planVersion());
        assertEquals(0, k.activeProfessionals());
        assertEquals(sanne, k.members().get(0).person());
        assertEquals(k, cases.get(k.id()));
        List<CaseEvent> history = cases.history(k.id());
        assertEquals("CASE_OPENED", history.get(0).type());
        assertEquals("ans", history.get(0).by());
    }

    @Test
    void aSignalNeedsItsFieldsAMemberAndAReceivedDateNotInTheFuture() {
        Person p = person("Sanne");
        List<CaseMemberInput> one = List.of(new CaseMemberInput(p.id(), Set.of(FamilyRole.CHILD)));
        assertInvalid("receivedOn", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL, SignalSource.POLICE, "x",
                TODAY.plusDays(1), "Arnhem", one)));
        assertInvalid("members", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL, SignalSource.POLICE, "x",
                TODAY, "Arnhem", List.of())));
        assertInvalid("description", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL, SignalSource.POLICE,
                "x".repeat(10_001), TODAY, "Arnhem", one)));
        assertInvalid("source", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL, null, "x", TODAY, "Arnhem", one)));
        assertInvalid("members[1].roles", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL, SignalSource.POLICE,
                "x", TODAY, "Arnhem", List.of(one.get(0), new CaseMemberInput(person("B").id(), Set.of())))));
        assertInvalid("members[1].personId", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL,
                SignalSource.POLICE, "x", TODAY, "Arnhem", List.of(one.get(0), one.get(0)))));
    }

    @Test
    void anUnknownPersonInTheMembersIsInvalidInputNamingTheMember() {
        Person p = person("Sanne");
        String town = registered(unique("Ede"));
        assertInvalid("members[1].personId", () -> cases.open(ANS, new SignalInput(SignalKind.SIGNAL,
                SignalSource.POLICE, "x", TODAY, town, List.of(new CaseMemberInput(p.id(), Set.of(FamilyRole.CHILD)),
                        new CaseMemberInput("no-such-person", Set.of(FamilyRole.PARENT))))));
        assertEquals(0, cases.search(new CaseQuery(null, town, null, null, 0, 10)).total(), "nothing half-stored");
    }

    @Test
    void phaseChangesIncrementTheVersionAndRecordWhoAndWhy() {
        CaseView k = openCase(person("Sanne"));
        clock.advance(Duration.ofHours(1));
        CaseView next = cases.changePhase(ANS, k.id(), 1L, new PhaseChangeInput(Phase.STABILISATION, "veilig nu"));
        assertEquals(2, next.version());
        assertEquals(Phase.STABILISATION, next.phase());
        CaseEvent e = cases.history(k.id()).get(1);
        assertEquals("PHASE_CHANGED", e.type());
        assertEquals("veilig nu", e.reason());
        assertEquals(START.plus(Duration.ofHours(1)), e.at());
        assertInvalid("phase", () -> cases.changePhase(ANS, k.id(), null, new PhaseChangeInput(Phase.STABILISATION, "x")));
        assertInvalid("reason", () -> cases.changePhase(ANS, k.id(), null, new PhaseChangeInput(Phase.RECOVERY, " ")));
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsStaleAndChangesNothing() {
        CaseView k = openCase(person("Sanne"));
        cases.changePhase(ANS, k.id(), 1L, new PhaseChangeInput(Phase.STABILISATION, "a"));
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> cases.changePhase(ANS, k.id(), 1L, new PhaseChangeInput(Phase.RECOVERY, "b")));
        assertEquals(2, e.current());
        assertEquals(Phase.STABILISATION, cases.get(k.id()).phase());
        assertThrows(NotFoundException.class, () -> cases.changePhase(ANS, "nope", null, new PhaseChangeInput(Phase.RECOVERY, "b")));
    }

    @Test
    void theCompulsoryFrameworkNeedsAMeasureAndTheOthersNone() {
        CaseView k = openCase(person("Sanne"));
        assertInvalid("measure", () -> cases.changeFramework(ANS, k.id(), null,
                new FrameworkChangeInput(Framework.COMPULSORY, null, "rechter")));
        assertInvalid("measure", () -> cases.changeFramework(ANS, k.id(), null,
                new FrameworkChangeInput(Framework.CONDITIONAL, new Measure(MeasureType.OTS, TODAY, null), "x")));
        assertInvalid("measure.until", () -> cases.changeFramework(ANS, k.id(), null, new FrameworkChangeInput(
                Framework.COMPULSORY, new Measure(MeasureType.OTS, TODAY, TODAY.minusDays(1)), "x")));
        Measure ots = new Measure(MeasureType.OTS, TODAY, TODAY.plusYears(1));
        CaseView c = cases.changeFramework(ANS, k.id(), 1L, new FrameworkChangeInput(Framework.COMPULSORY, ots, "OTS"));
        assertEquals(ots, c.measure());
        CaseView back = cases.changeFramework(ANS, k.id(), 2L, new FrameworkChangeInput(Framework.VOLUNTARY, null, "klaar"));
        assertNull(back.measure());
    }

    @Test
    void aClosedCaseTakesNoFurtherChangesAndItsTeamEnds() {
        CaseView k = caseWithTeam();
        CaseView closed = cases.close(ANS, k.id(), k.version(), new CloseInput("hulp afgerond"));
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals("hulp afgerond", closed.closedReason());
        assertEquals(0, closed.activeProfessionals());
        assertRule("case-closed", () -> cases.changePhase(ANS, k.id(), null, new PhaseChangeInput(Phase.RECOVERY, "x")));
        assertRule("case-closed", () -> cases.assign(ANS, k.id(), null, pro("x", ProfessionalRole.GI, false)));
        assertRule("case-closed", () -> cases.close(ANS, k.id(), null, new CloseInput("nogmaals")));
        assertRule("case-closed", () -> plans.newVersion(ANS, k.id(), null, plan(null)));
    }

    @Test
    void searchFindsByMemberNameMunicipalityStatusAndPhaseNewestFirst() {
        String town = registered(unique("Zevenaar"));
        Person lotte = family.createPerson(ANS, new nl.proeftuin.core.api.dto.PersonInput("Lotte", unique("Vos"), TODAY, null));
        CaseView first = openCase(town, lotte);
        clock.advance(Duration.ofMinutes(1));
        CaseView second = openCase(town, person("Piet"));
        cases.changePhase(ANS, second.id(), null, new PhaseChangeInput(Phase.RECOVERY, "x"));
        Page<CaseSummary> all = cases.search(new CaseQuery(null, town, null, null, 0, 10));
        assertEquals(List.of(second.id(), first.id()), all.items().stream().map(CaseSummary::id).toList());
        assertEquals(List.of(first.id()), cases.search(new CaseQuery(lotte.familyName().toLowerCase(), null, null, null, 0, 10))
                .items().stream().map(CaseSummary::id).toList());
        assertEquals(1, cases.search(new CaseQuery(null, town, CaseStatus.OPEN, Phase.RECOVERY, 0, 10)).total());
        Page<CaseSummary> page1 = cases.search(new CaseQuery(null, town, null, null, 1, 1));
        assertEquals(2, page1.total());
        assertEquals(List.of(first.id()), page1.items().stream().map(CaseSummary::id).toList());
        assertInvalid("size", () -> cases.search(new CaseQuery(null, null, null, null, 0, 0)));
        assertInvalid("size", () -> cases.search(new CaseQuery(null, null, null, null, 0, 101)));
        assertInvalid("page", () -> cases.search(new CaseQuery(null, null, null, null, -1, 10)));
    }

    @Test
    void searchPagesByKeyAfterTheLastCaseOfThePreviousPage() {
        String town = registered(unique("Zevenaar"));
        CaseView first = openCase(town, person("Ans"));
        clock.advance(Duration.ofMinutes(1));
        CaseView second = openCase(town, person("Bert"));
        clock.advance(Duration.ofMinutes(1));
        CaseView third = openCase(town, person("Cor"));
        Page<CaseSummary> one = cases.search(new CaseQuery(null, town, null, null, 0, 2));
        assertEquals(List.of(third.id(), second.id()), one.items().stream().map(CaseSummary::id).toList());
        assertEquals(3, one.total());
        assertNotNull(one.next(), "more matches: a key for the next page");
        Page<CaseSummary> two = cases.search(new CaseQuery(null, town, null, null, 0, 2, null, java.util.Set.of(), one.next()));
        assertEquals(List.of(first.id()), two.items().stream().map(CaseSummary::id).toList());
        assertEquals(-1, two.total(), "a page by key is not counted");
        assertNull(two.next(), "the last page");
        assertNull(cases.search(new CaseQuery(null, town, null, null, 0, 3)).next(), "every match on the page");
        assertInvalid("after", () -> cases.search(new CaseQuery(null, town, null, null, 0, 2, null, java.util.Set.of(),
                "not-a-key")));
        assertInvalid("page", () -> cases.search(new CaseQuery(null, town, null, null, 1, 2, null, java.util.Set.of(),
                one.next())));
    }

    @Test
    void theFamilySystemHoldsMembersTheirRelationshipsAndHouseholds() {
        Person mother = person("Mira");
        Person child = person("Tim");
        Person outsider = person("Olaf");
        var inside = family.relate(ANS, new RelationshipInput(mother.id(), child.id(), RelationshipType.PARENT_OF, null, null, null));
        family.relate(ANS, new RelationshipInput(mother.id(), outsider.id(), RelationshipType.EX_PARTNER_OF, null, null, null));
        var home = family.createHousehold(ANS, new HouseholdInput("Markt 1", null, "Arnhem"));
        family.addMember(ANS, home.id(), new MembershipInput(child.id(), TODAY.minusYears(3), null));
        CaseView k = openCase(mother, child);
        FamilySystem fs = cases.familySystem(k.id());
        assertEquals(2, fs.members().size());
        assertEquals(List.of(inside), fs.relationships());
        assertEquals(List.of(home.id()), fs.households().stream().map(h -> h.id()).toList());
        assertTrue(fs.households().get(0).members().stream().anyMatch(m -> m.personId().equals(child.id())));
    }
}
