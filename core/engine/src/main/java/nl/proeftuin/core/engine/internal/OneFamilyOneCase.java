package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.living.RegieNotice;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.living.LivingStore;

/**
 * One family, one case (issue 14 part 2): what a case opened beside a family's open case records, and the
 * notices that tell the professionals responsible for both. Written inside the caller's transaction: the
 * opening itself ({@link TransactionalCaseService#open(Actor, nl.proeftuin.core.api.dto.SignalInput, String)}),
 * a separate case recorded afterwards, or a member who joins while in another open case.
 */
final class OneFamilyOneCase {
    private final Domain domain;
    private final LivingStore living;

    OneFamilyOneCase(Domain domain, LivingStore living) {
        this.domain = domain;
        this.living = living;
    }

    /**
     * The open cases of the persons, read under the persons' locks (held until the transaction ends): a second
     * opening for the same family waits here until the first is committed, and then finds its case.
     */
    List<String> openCasesLocked(Connection c, java.util.Collection<String> personIds) throws SQLException {
        return living.lockPersonsAndFindOpenCases(c, personIds);
    }

    /** Records why the case stands beside the open cases, tells both sides, and writes it in the case's history. */
    void recordSeparate(Connection c, Actor actor, String caseId, List<String> existingCaseIds, String why)
            throws SQLException {
        String existing = String.join(",", existingCaseIds);
        living.insertSeparateCase(c, caseId, existing, why, domain.now(), actor.id());
        Assignment here = responsible(c, caseId); // once, not once per open case beside it
        for (String other : existingCaseIds) {
            noticeBothWays(c, caseId, here, other);
        }
        domain.event(c, caseId, actor, new CaseEvents.OpenedBesideOpenCases(existingCaseIds),
                "opened as a separate case beside open case(s) " + existing, why);
    }

    /** Tells the responsible professional of each case about the other, unless one professional holds both. */
    void noticeBothWays(Connection c, String caseId, String otherCaseId) throws SQLException {
        noticeBothWays(c, caseId, responsible(c, caseId), otherCaseId);
    }

    private void noticeBothWays(Connection c, String caseId, Assignment here, String otherCaseId) throws SQLException {
        Assignment there = responsible(c, otherCaseId);
        if (here == null || there == null || here.professionalId().equals(there.professionalId())) {
            return; // nobody to tell, or the same professional holds both
        }
        living.insertRegieNotice(c, here.professionalId(), new RegieNotice(Domain.newId(), caseId, otherCaseId,
                there.professionalId(), there.name(), there.organisation(), domain.now()));
        living.insertRegieNotice(c, there.professionalId(), new RegieNotice(Domain.newId(), otherCaseId, caseId,
                here.professionalId(), here.name(), here.organisation(), domain.now()));
    }

    /** The case's fixed professional, or its opener while it has no team (the opener forms the team). */
    private Assignment responsible(Connection c, String caseId) throws SQLException {
        List<Assignment> active = Domain.active(domain.cases.assignments(c, caseId));
        Assignment fixed = Domain.fixedProfessional(active);
        if (fixed != null) {
            return fixed;
        }
        if (!active.isEmpty()) {
            return null;
        }
        StoredCase k = domain.existingCase(c, caseId); // the case itself only for its opener
        return new Assignment(null, k.openedBy(), k.openedBy(), null, null, false, null, null, null);
    }
}
