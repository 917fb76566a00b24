package nl.proeftuin.core.api.living;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.SignalInput;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The living case: the measures per child. Errors as the other core services: 404 for an unknown
 * case or measure, 400 for bad input, 409 for a rule (named).
 */
@ProviderType
public interface LivingCaseService {

    /** @return the case's measures per child, oldest first */
    List<ChildMeasure> measures(String caseId);

    /**
     * Records a measure of one child.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code measure-child-not-in-case} when the person is
     *         not a CHILD of the case, {@code measure-already-running} when the child has a running measure of
     *         that type, {@code case-closed}
     */
    ChildMeasure addMeasure(Actor actor, String caseId, ChildMeasureInput input);

    /**
     * Ends a running measure.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code measure-ended} when it ended already
     */
    ChildMeasure endMeasure(Actor actor, String caseId, String measureId, MeasureEndInput input);

    /**
     * Asks a named reviewer for an independent review of the latest plan. While it is open the
     * reviewer (a user with the role INDEPENDENT_REVIEWER) sees the case and records the review with
     * their own login ({@code POST /cases/{caseId}/reviews}).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code reviewer-not-independent} when the reviewer
     *         is or was assigned to the case, {@code plan-required} without a plan, {@code case-closed}
     */
    ReviewRequest requestReview(Actor actor, String caseId, ReviewRequestInput input);

    /** @return the case's review requests, oldest first, each with the review that answered it */
    List<ReviewRequest> reviewRequests(String caseId);

    /** @return the open review requests asked of this reviewer in open cases, oldest first */
    List<ReviewRequest> openReviewRequests(String reviewerId);

    // --- one family, one case: a new signal about a family in an open case --------------------------

    /** @return the ids of the open cases any of these persons is a member of, oldest first */
    List<String> openCasesOf(List<String> personIds);

    /**
     * Records why a case was opened although persons in it are in open cases already.
     *
     * @param existingCaseIds the open cases the opener was told of
     * @param reason          why a separate case is needed (required)
     * @throws nl.proeftuin.core.api.RuleViolationException {@code too-many-open-cases} for more than 1,000
     */
    void recordSeparateCase(Actor actor, String caseId, List<String> existingCaseIds, String reason);

    /**
     * Links a new signal to an open case instead of opening a second one. The persons the signal names
     * ({@code members}; their roles are ignored) must be members of the case; its municipality is the
     * case's.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code signal-persons-not-in-case}, {@code case-closed}
     */
    LinkedSignal linkSignal(Actor actor, String caseId, SignalInput input);

    /** @return the signals linked to the case, oldest first */
    List<LinkedSignal> linkedSignals(String caseId);

    // --- the family system over time ------------------------------------------------------------------

    /**
     * Adds a person to the case's family system (or back, after their membership ended).
     *
     * @param expectedVersion the case version the client saw, or null
     * @throws nl.proeftuin.core.api.RuleViolationException {@code already-member}, {@code case-closed}
     */
    CaseView addMember(Actor actor, String caseId, Long expectedVersion, MemberInput input);

    /** Gives a member new roles (history kept). */
    CaseView changeMemberRoles(Actor actor, String caseId, Long expectedVersion, String personId, MemberInput input);

    /**
     * Ends a member's place in the family system (history kept; the case's team still sees them).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code last-member} (a case names at least one person)
     */
    CaseView endMembership(Actor actor, String caseId, Long expectedVersion, String personId, MembershipEndInput input);

    /** @return every change of the family system, oldest first (the members a case opened with as ADDED) */
    List<MemberChange> memberHistory(String caseId);

    // --- parental authority (gezag) per child ---------------------------------------------------------

    /** @return the parental authority recorded for the case's children, oldest first */
    List<ParentalAuthority> authority(String caseId);

    /**
     * Records who holds parental authority over a child.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code authority-child-not-in-case},
     *         {@code authority-holder-not-in-case}, {@code authority-already-held}, {@code authority-at-most-two}
     *         (gezag is held by one or two at a time)
     */
    ParentalAuthority recordAuthority(Actor actor, String caseId, ParentalAuthorityInput input);

    /** Ends a holder's authority (409 authority-ended when it ended already). */
    ParentalAuthority endAuthority(Actor actor, String caseId, String authorityId, MembershipEndInput input);

    /** @return the regie notices for this professional, newest first (part 9) */
    List<RegieNotice> regieNotices(String userId);

    // --- living (decision 0038): moves, ends and cycles -----------------------------------------------

    /**
     * Moves the case's responsible municipality when the family moves. Bindings (triage, care path,
     * procurement) follow the case's municipality from then on; undecided maatwerk and care requests go to
     * the new municipality's inbox, open waits to its waiting list; the move is kept (when, why, who).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code same-municipality} when the case is there
     *         already, {@code case-closed}
     */
    CaseView moveMunicipality(Actor actor, String caseId, Long expectedVersion, MunicipalityMoveInput input);

    /** @return the case's municipality moves, oldest first */
    List<MunicipalityMove> municipalityMoves(String caseId);

    /** @return the relationship, for the REST layer's need-to-know check before it is ended */
    nl.proeftuin.core.api.dto.Relationship relationship(String relationshipId);

    /**
     * Ends a relationship (the row stays, with until, why and who; the family system shows current ones).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code relationship-ended} when it ended already
     */
    nl.proeftuin.core.api.dto.Relationship endRelationship(Actor actor, String relationshipId, MembershipEndInput input);

    /**
     * Ends a person's current period in a household (moved out).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code household-membership-ended} when they have no
     *         current period there
     */
    nl.proeftuin.core.api.dto.Household endHouseholdMembership(Actor actor, String householdId, String personId,
            MembershipEndInput input);

    /** @return the cycle of each measure of the case (evaluation due, evaluation recorded), oldest first */
    List<MeasureCycle> measureCycles(String caseId);

    /**
     * Records the evaluation of a measure before its end: request an extension or let it end, with reasons.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code measure-ended}, {@code measure-without-end}
     *         (guardianship has no term to evaluate against), {@code measure-already-evaluated}
     */
    MeasureCycle evaluateMeasure(Actor actor, String caseId, String measureId, MeasureEvaluationInput input);

    /** @return the case's Raad investigations, oldest first */
    List<RaadInvestigation> raadInvestigations(String caseId);

    /**
     * Records a Raad investigation of a child of the case; the report is due three months later.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code raad-child-not-in-case},
     *         {@code raad-investigation-running} (one at a time per child)
     */
    RaadInvestigation requestRaadInvestigation(Actor actor, String caseId, RaadInvestigationInput input);

    /**
     * Records the Raad's report.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code raad-reported} when it reported already
     */
    RaadInvestigation recordRaadReport(Actor actor, String caseId, String investigationId, RaadReportInput input);

    /**
     * Looks for evaluations and Raad reports that are due or overdue and alerts the case's fixed
     * professionals (and the coordinator), each once in the region. Runs by itself on one node of the region.
     *
     * @return the number of alerts raised
     */
    int checkCycles();

    // --- living (decision 0038): feedback to the reporter (part 10) -------------------------------------

    /**
     * Records who reported a signal of the case; they must be told what happens next within the region's
     * feedback term after the signal.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code reporter-signal-not-in-case} when signalId is not
     *         a signal linked to the case
     */
    Reporter recordReporter(Actor actor, String caseId, ReporterInput input);

    /** @return the case's reporters with their feedback, oldest first */
    List<Reporter> reporters(String caseId);

    /**
     * Records that the reporter was told what happens next (the platform's sentence for the outcome).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code reporter-told} when they were told already
     */
    Reporter recordFeedback(Actor actor, String caseId, String reporterId, ReporterFeedbackInput input);

    // --- living (decision 0038): professionals around one family (part 9, the count) --------------------

    /** @return the professional's notices that too many professionals are active around a family, newest first */
    List<ProfessionalsNotice> professionalsNotices(String userId);
}
