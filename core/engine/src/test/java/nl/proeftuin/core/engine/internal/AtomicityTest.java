package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;

import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.TeamPosition;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.core.api.dto.Handover;
import org.junit.jupiter.api.Test;

/** A write that fails part-way leaves nothing behind. */
class AtomicityTest extends EngineTestBase {

    /** A case store whose handover insert fails: the last step of a handover. */
    static final class FailingHandoverStore extends JdbcCaseStore {
        @Override
        public void insertHandover(java.sql.Connection c, String caseId, Handover h) throws SQLException {
            throw new SQLException("disk full (simulated)");
        }
    }

    @Test
    void aHandoverThatFailsAtItsLastStepLeavesTeamVersionAndHistoryUntouched() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        CaseView before = cases.get(k.id());
        int historyBefore = cases.history(k.id()).size();
        TransactionalCaseService failing = new TransactionalCaseService(database, new JdbcFamilyStore(),
                new FailingHandoverStore(), new JdbcPlanStore(), municipalityStore,
                new nl.proeftuin.core.store.internal.JdbcOutcomeStore(), clock);
        assertThrows(DatabaseFailure.class, () -> failing.handover(ANS, k.id(), before.version(), new HandoverInput(
                TeamPosition.FIXED_PROFESSIONAL, null, pro("new-fp", ProfessionalRole.FIXED_PROFESSIONAL, false), "note")));
        assertEquals(before, cases.get(k.id()), "old holder still active, no new assignment, same version");
        assertEquals(historyBefore, cases.history(k.id()).size());
        assertEquals(List.of(), cases.handovers(k.id()));
    }

    @Test
    void aPlanVersionRefusedForItsContentSavesNothingAndKeepsTheCaseVersion() {
        CaseView k = caseWithTeam();
        assertInvalid("goals[0].personId", () -> plans.newVersion(ANS, k.id(), null, plan("not-a-member")));
        assertEquals(k.version(), cases.get(k.id()).version());
        assertEquals(List.of(), plans.versions(k.id()));
    }
}
