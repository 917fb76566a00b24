package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.EndAssignmentInput;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.TeamPosition;
import org.junit.jupiter.api.Test;

class TeamInvariantTest extends EngineTestBase {

    static Assignment holder(CaseView k, TeamPosition position) {
        List<Assignment> h = k.team().stream().filter(a -> position == TeamPosition.CASUSREGIE ? a.casusregie()
                : a.role() == ProfessionalRole.FIXED_PROFESSIONAL).toList();
        assertTrue(h.size() <= 1, "more than one " + position + ": " + h);
        return h.isEmpty() ? null : h.get(0);
    }

    @Test
    void assigningAProfessionalIncrementsTheVersionAndCountsDistinctActiveProfessionals() {
        CaseView k = caseWithTeam();
        assertEquals(3, k.version());
        assertEquals(2, k.activeProfessionals());
        assertEquals(TODAY, k.team().get(0).since());
        assertEquals("ASSIGNED", cases.history(k.id()).get(2).type());
    }

    @Test
    void aSecondFixedProfessionalIsRefusedEvenBeforeAPlan() {
        CaseView k = caseWithTeam();
        assertRule("one-fixed-professional", () -> cases.assign(ANS, k.id(), null,
                pro("other", ProfessionalRole.FIXED_PROFESSIONAL, false)));
    }

    @Test
    void aSecondCasusregieHolderIsRefused() {
        CaseView k = caseWithTeam();
        assertRule("one-casusregie", () -> cases.assign(ANS, k.id(), null, pro("other", ProfessionalRole.GI, true)));
    }

    @Test
    void theSameProfessionalCannotBeAssignedTwiceAtOnce() {
        CaseView k = caseWithTeam();
        assertRule("already-assigned", () -> cases.assign(ANS, k.id(), null,
                pro("rvt-" + k.id(), ProfessionalRole.GI, false)));
    }

    @Test
    void assignmentInputIsChecked() {
        CaseView k = openCase(person("Sanne"));
        assertInvalid("role", () -> cases.assign(ANS, k.id(), null, pro("x", null, false)));
        assertInvalid("since", () -> cases.assign(ANS, k.id(), null, new AssignmentInput("x", "X", "O",
                ProfessionalRole.GI, false, TODAY.plusDays(1))));
        assertInvalid("organisation", () -> cases.assign(ANS, k.id(), null, new AssignmentInput("x", "X", " ",
                ProfessionalRole.GI, false, null)));
    }

    @Test
    void beforeAPlanTheFixedProfessionalMayLeave() {
        CaseView k = caseWithTeam();
        Assignment fp = holder(k, TeamPosition.FIXED_PROFESSIONAL);
        CaseView after = cases.endAssignment(ANS, k.id(), k.version(), fp.id(), new EndAssignmentInput("ziek"));
        assertNull(holder(after, TeamPosition.FIXED_PROFESSIONAL));
        assertEquals(1, after.activeProfessionals());
        assertRule("assignment-ended", () -> cases.endAssignment(ANS, k.id(), null, fp.id(), new EndAssignmentInput("x")));
        assertThrows(NotFoundException.class, () -> cases.endAssignment(ANS, k.id(), null, "nope", new EndAssignmentInput("x")));
    }

    @Test
    void theFirstPlanNeedsAFixedProfessionalAndACasusregieHolder() {
        CaseView k = openCase(person("Sanne"));
        assertRule("team-incomplete", () -> plans.newVersion(ANS, k.id(), null, plan(null)));
        CaseView withFp = cases.assign(ANS, k.id(), null, pro("fp", ProfessionalRole.FIXED_PROFESSIONAL, false));
        assertRule("team-incomplete", () -> plans.newVersion(ANS, k.id(), null, plan(null)));
        cases.assign(ANS, k.id(), withFp.version(), pro("gi", ProfessionalRole.GI, true));
        assertEquals(1, plans.newVersion(ANS, k.id(), null, plan(null)).version());
    }

    @Test
    void onceAPlanExistsTheHoldersCannotLeaveWithoutAHandover() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        CaseView now = cases.get(k.id());
        Assignment fp = holder(now, TeamPosition.FIXED_PROFESSIONAL);
        assertRule("handover-required", () -> cases.endAssignment(ANS, k.id(), null, fp.id(), new EndAssignmentInput("weg")));
        // Others may leave.
        Assignment rvt = now.team().stream().filter(a -> a.role() == ProfessionalRole.RVT_PROFESSIONAL).findFirst().orElseThrow();
        assertEquals(1, cases.endAssignment(ANS, k.id(), null, rvt.id(), new EndAssignmentInput("klaar")).activeProfessionals());
    }

    @Test
    void handingOverTheFixedProfessionalEndsTheOldAssignmentMovesCasusregieAndRecordsTheNote() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        Assignment old = holder(cases.get(k.id()), TeamPosition.FIXED_PROFESSIONAL);
        CaseView after = cases.handover(ANS, k.id(), null, new HandoverInput(TeamPosition.FIXED_PROFESSIONAL, null,
                pro("new-fp", ProfessionalRole.FIXED_PROFESSIONAL, false), "Let op: vader werkt in ploegen"));
        Assignment next = holder(after, TeamPosition.FIXED_PROFESSIONAL);
        assertEquals("new-fp", next.professionalId());
        assertEquals(next, holder(after, TeamPosition.CASUSREGIE), "casusregie moved along with the old holder");
        assertEquals(2, after.activeProfessionals());
        List<Handover> handovers = cases.handovers(k.id());
        assertEquals(2, handovers.size());
        assertEquals(old.id(), handovers.get(0).fromAssignment());
        assertEquals(next.id(), handovers.get(0).toAssignment());
        assertEquals("Let op: vader werkt in ploegen", handovers.get(0).note());
        assertEquals(TeamPosition.CASUSREGIE, handovers.get(1).position());
        // The old assignment stays on record, ended because of the handover.
        assertTrue(cases.familySystem(k.id()).members().size() == 1);
        assertFalse(after.team().stream().anyMatch(a -> a.id().equals(old.id())));
        assertEquals("HANDOVER", cases.history(k.id()).get(cases.history(k.id()).size() - 1).type());
    }

    @Test
    void handingOverTheFixedProfessionalToAColleagueKeepsTheirOldRoleOnRecord() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        Assignment rvt = cases.get(k.id()).team().stream()
                .filter(a -> a.role() == ProfessionalRole.RVT_PROFESSIONAL).findFirst().orElseThrow();
        CaseView after = cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.FIXED_PROFESSIONAL, rvt.id(), null, "Bo neemt het over"));
        Assignment fp = holder(after, TeamPosition.FIXED_PROFESSIONAL);
        assertEquals(rvt.professionalId(), fp.professionalId());
        assertEquals(1, after.activeProfessionals());
        assertEquals(1, after.team().size());
        assertEquals(fp, holder(after, TeamPosition.CASUSREGIE));
    }

    @Test
    void handingOverCasusregieOnlyMovesTheFlag() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        CaseView now = cases.get(k.id());
        Assignment fp = holder(now, TeamPosition.FIXED_PROFESSIONAL);
        Assignment rvt = now.team().stream().filter(a -> !a.casusregie()).findFirst().orElseThrow();
        CaseView after = cases.handover(ANS, k.id(), now.version(),
                new HandoverInput(TeamPosition.CASUSREGIE, rvt.id(), null, "RVT neemt de regie"));
        assertEquals(rvt.id(), holder(after, TeamPosition.CASUSREGIE).id());
        assertEquals(fp.id(), holder(after, TeamPosition.FIXED_PROFESSIONAL).id(), "the fixed professional stays");
        assertEquals(2, after.activeProfessionals());
        Handover h = cases.handovers(k.id()).get(0);
        assertEquals(fp.id(), h.fromAssignment());
        assertEquals(rvt.id(), h.toAssignment());
    }

    @Test
    void aHandoverNeedsANoteAndExactlyOneTarget() {
        CaseView k = caseWithTeam();
        Assignment fp = holder(k, TeamPosition.FIXED_PROFESSIONAL);
        assertInvalid("note", () -> cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.CASUSREGIE, "x", null, " ")));
        assertInvalid("toAssignment", () -> cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.CASUSREGIE, null, null, "note")));
        assertInvalid("toAssignment", () -> cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.CASUSREGIE, fp.id(), pro("y", ProfessionalRole.GI, false), "note")));
        assertInvalid("toAssignment", () -> cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.CASUSREGIE, fp.id(), null, "note")));
        assertInvalid("toAssignment", () -> cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.CASUSREGIE, "unknown", null, "note")));
        assertInvalid("to.role", () -> cases.handover(ANS, k.id(), null,
                new HandoverInput(TeamPosition.FIXED_PROFESSIONAL, null, pro("y", ProfessionalRole.GI, false), "note")));
        assertRule("already-assigned", () -> cases.handover(ANS, k.id(), null, new HandoverInput(
                TeamPosition.CASUSREGIE, null, pro("rvt-" + k.id(), ProfessionalRole.GI, false), "note")));
        assertEquals(k.version(), cases.get(k.id()).version(), "refused handovers change nothing");
    }
}
