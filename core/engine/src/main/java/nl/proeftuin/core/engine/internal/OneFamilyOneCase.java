package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import nl.proeftuin.core.api.RuleViolationException;
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
    /**
     * The most open cases a separate case may stand beside. Far above any family (a parent with children in
     * several families has a handful), low enough that the record naming them all stays small: without it each
     * new case beside a person's open cases wrote all of them again, the 250th one overflowed the history's
     * payload (a 500), and a client opening case after case for one person grew the database by the square.
     */
    static final int MOST_OPEN_CASES_BESIDE = 1_000;
    /** How many of the open cases the case's history names; the separate-case record names them all. */
    static final int NAMED_IN_HISTORY = 10;

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

    /**
     * A separate case may stand beside the open cases found, unless they are more than
     * {@link #MOST_OPEN_CASES_BESIDE}: then the signal belongs in one of them (409 {@code too-many-open-cases}).
     */
    static void checkSeparate(List<String> openCaseIds) {
        if (openCaseIds.size() > MOST_OPEN_CASES_BESIDE) {
            throw new RuleViolationException("too-many-open-cases", "The persons named are in " + openCaseIds.size()
                    + " open cases: link the signal to one of them (POST /api/v1/cases/" + openCaseIds.get(0)
                    + "/signals); a separate case stands beside at most " + MOST_OPEN_CASES_BESIDE + " open cases");
        }
    }

    /**
     * Records why the case stands beside the open cases (all of them in the separate-case record), tells both
     * sides, and writes it in the case's history (the count and the first {@link #NAMED_IN_HISTORY}); refuses
     * more than {@link #MOST_OPEN_CASES_BESIDE} ({@link #checkSeparate}).
     */
    void recordSeparate(Connection c, Actor actor, String caseId, List<String> existingCaseIds, String why)
            throws SQLException {
        checkSeparate(existingCaseIds); // the one place a separate case is recorded; its transaction rolls back
        living.insertSeparateCase(c, caseId, String.join(",", existingCaseIds), why, domain.now(), actor.id());
        Assignment here = responsible(c, caseId); // once, not once per open case beside it
        for (String other : existingCaseIds) {
            noticeBothWays(c, caseId, here, other);
        }
        List<String> named = existingCaseIds.subList(0, Math.min(NAMED_IN_HISTORY, existingCaseIds.size()));
        int more = existingCaseIds.size() - named.size();
        domain.event(c, caseId, actor, new CaseEvents.OpenedBesideOpenCases(named, existingCaseIds.size()),
                "opened as a separate case beside open case(s) " + String.join(",", named)
                + (more == 0 ? "" : " and " + more + " more"), why);
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
