package nl.proeftuin.core.api;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.Consent;
import nl.proeftuin.core.api.dto.ConsentInput;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.CourtRequestInput;
import nl.proeftuin.core.api.dto.EndAssignmentInput;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.EvaluationInput;
import nl.proeftuin.core.api.dto.FamilySystem;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.Review;
import nl.proeftuin.core.api.dto.ReviewInput;
import nl.proeftuin.core.api.dto.SignalInput;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cases (<i>casussen</i>): opening from a signal, phase and framework, the team with its
 * invariants, records, independent review and court requests. Every write is one transaction.
 *
 * <p>Methods that change a case take {@code expectedVersion}: when not null it must equal the case's
 * current version (else {@link StaleVersionException}, nothing changed); every such change
 * increments the version. Changes to one case are serialised.
 *
 * <p>The team invariant: once a plan exists, an open case has exactly one active fixed professional
 * and exactly one active holder of <i>casusregie</i>; before that, at most one of each. Changing
 * either once set is a {@link #handover}; a change that would break the invariant is a
 * {@link RuleViolationException}.
 *
 * @throws InvalidInputException   on invalid input
 * @throws NotFoundException       for unknown ids
 * @throws RuleViolationException  when a rule forbids the change (closed case, invariant, review)
 * @throws StaleVersionException   when {@code expectedVersion} is not current
 */
@ProviderType
public interface CaseService {

    /** Opens a case from a signal or request for help; phase ACUTE_SAFETY, framework VOLUNTARY. */
    CaseView open(Actor actor, SignalInput input);

    /**
     * Opens a case from a signal under "one family, one case", in one transaction: when a person named
     * is a member of an open case, the case is opened only with a reason for a separate case, which is
     * recorded with it (and the professionals responsible for both cases are told); without a reason it
     * is refused and nothing is stored. The persons named are locked first, so two signals about one
     * family that arrive at the same moment cannot both open a case.
     *
     * @param separateCaseReason why a separate case is needed beside the open one(s); null or blank for none
     * @throws OpenCaseExistsException when a person named is in an open case and no reason is given
     * @throws RuleViolationException {@code too-many-open-cases} when the persons named are in more than 1,000
     *                                open cases (the signal belongs in one of them)
     */
    CaseView open(Actor actor, SignalInput input, String separateCaseReason);

    /** Reads a case. */
    CaseView get(String caseId);

    /** Searches cases. */
    Page<CaseSummary> search(CaseQuery query);

    /** The family system of a case: members, their relationships and households. */
    FamilySystem familySystem(String caseId);

    /** The case's history: every change with who, when and why, oldest first. */
    List<CaseEvent> history(String caseId);

    /** Changes the phase. */
    CaseView changePhase(Actor actor, String caseId, Long expectedVersion, PhaseChangeInput input);

    /** Changes the legal framework (COMPULSORY needs a measure). */
    CaseView changeFramework(Actor actor, String caseId, Long expectedVersion, FrameworkChangeInput input);

    /** Closes the case; a closed case takes no further changes. */
    CaseView close(Actor actor, String caseId, Long expectedVersion, CloseInput input);

    /** Assigns a professional. */
    CaseView assign(Actor actor, String caseId, Long expectedVersion, AssignmentInput input);

    /** Hands over the fixed professional or <i>casusregie</i> in one atomic change with a note. */
    CaseView handover(Actor actor, String caseId, Long expectedVersion, HandoverInput input);

    /** Ends an assignment (refused when it would break the team invariant: hand over instead). */
    CaseView endAssignment(Actor actor, String caseId, Long expectedVersion, String assignmentId,
            EndAssignmentInput input);

    /** Recorded handovers, oldest first. */
    List<Handover> handovers(String caseId);

    /** Records an entry; the author's role is their active role in the case. */
    Entry addEntry(Actor actor, String caseId, EntryInput input);

    /** Entries, oldest first. */
    List<Entry> entries(String caseId);

    /** Records an independent review of the latest plan version (refused when the reviewer is or was assigned). */
    Review addReview(Actor actor, String caseId, ReviewInput input);

    /** Reviews, oldest first. */
    List<Review> reviews(String caseId);

    /** Records an informed-consent decision. */
    Consent addConsent(Actor actor, String caseId, ConsentInput input);

    /** Consent decisions, oldest first. */
    List<Consent> consents(String caseId);

    /** Records an evaluation of the latest plan version (a plan must exist). */
    Evaluation addEvaluation(Actor actor, String caseId, EvaluationInput input);

    /** Evaluations, oldest first. */
    List<Evaluation> evaluations(String caseId);

    /**
     * Records a request to the court. Refused ({@code independent-review-required}) unless an
     * independent review that supports it, by a professional never assigned to the case, was recorded
     * after the latest plan version.
     */
    CourtRequest requestCourt(Actor actor, String caseId, CourtRequestInput input);

    /** Court requests, oldest first. */
    List<CourtRequest> courtRequests(String caseId);
}
