package nl.proeftuin.core.store.living;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.LinkedSignal;
import nl.proeftuin.core.api.living.MemberChange;
import nl.proeftuin.core.api.living.ParentalAuthority;
import nl.proeftuin.core.api.living.RegieNotice;
import nl.proeftuin.core.api.living.ReviewRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The living case's rows: {@code child_measure}, {@code review_request}, {@code case_signal},
 * {@code separate_case}, {@code case_member_change} (and {@code case_member.until_date}),
 * {@code parental_authority}.
 */
@ProviderType
public interface LivingStore {

    /** Stores a new measure. */
    void insertMeasure(Connection c, ChildMeasure m) throws SQLException;

    /** @return the measure of that case, if any */
    Optional<ChildMeasure> measure(Connection c, String caseId, String measureId) throws SQLException;

    /** @return the case's measures, oldest first */
    List<ChildMeasure> measures(Connection c, String caseId) throws SQLException;

    /** @return the child's measures in every case, oldest first */
    List<ChildMeasure> measuresOfChild(Connection c, String personId) throws SQLException;

    /**
     * The measures of a type not ended and whose end date falls on or before {@code until}, soonest
     * first, in every case (for the reminders of a measure's cycle: an OTS's evaluation is due 8 weeks
     * before its end).
     */
    List<ChildMeasure> runningEndingBy(Connection c, MeasureType type, LocalDate until) throws SQLException;

    /** Records the end of a measure; false when it had ended already. */
    boolean end(Connection c, String measureId, LocalDate endedOn, String reason) throws SQLException;

    /** Stores a review request (its {@code reviewId} is ignored: it is derived). */
    void insertReviewRequest(Connection c, ReviewRequest r) throws SQLException;

    /**
     * @return the case's review requests, oldest first, each with the first review its reviewer recorded
     *         with their own login after it was asked
     */
    List<ReviewRequest> reviewRequests(Connection c, String caseId) throws SQLException;

    /** @return the reviewer's open requests in cases not closed, oldest first */
    List<ReviewRequest> openReviewRequests(Connection c, String reviewerId) throws SQLException;

    /** @return the ids of the open (not closed) cases any of these persons is a member of, oldest first */
    List<String> openCasesOf(Connection c, java.util.Collection<String> personIds) throws SQLException;

    /**
     * {@link #openCasesOf}, after locking the persons' rows (in id order, as a summary refresh locks them) until
     * the transaction ends: a transaction that opens a case for these persons takes its turn, so the open cases
     * read here stay the open cases until this transaction has opened its own.
     */
    List<String> lockPersonsAndFindOpenCases(Connection c, java.util.Collection<String> personIds) throws SQLException;

    /** Records why a case was opened beside the open cases named. */
    void insertSeparateCase(Connection c, String caseId, String existingCases, String reason, java.time.Instant at,
            String by) throws SQLException;

    /** @return the reason recorded for a separate case, if any */
    Optional<String> separateCaseReason(Connection c, String caseId) throws SQLException;

    void insertLinkedSignal(Connection c, LinkedSignal s) throws SQLException;

    /** @return the signals linked to the case, oldest first */
    List<LinkedSignal> linkedSignals(Connection c, String caseId) throws SQLException;

    /** @return whether the person was ever a member of the case (an ended membership too) */
    boolean wasMember(Connection c, String caseId, String personId) throws SQLException;

    /** Makes an ended membership current again with these roles. */
    void reopenMembership(Connection c, String caseId, String personId, java.util.Set<nl.proeftuin.core.api.dto.FamilyRole> roles)
            throws SQLException;

    /** Replaces a current member's roles. */
    void replaceRoles(Connection c, String caseId, String personId, java.util.Set<nl.proeftuin.core.api.dto.FamilyRole> roles)
            throws SQLException;

    /** Ends a current membership; false when there is none. */
    boolean endMembership(Connection c, String caseId, String personId, LocalDate until, String reason)
            throws SQLException;

    void insertMemberChange(Connection c, MemberChange change) throws SQLException;

    /** @return the case's member changes, oldest first */
    List<MemberChange> memberChanges(Connection c, String caseId) throws SQLException;

    void insertAuthority(Connection c, ParentalAuthority a) throws SQLException;

    /** @return the case's parental authority rows, oldest first */
    List<ParentalAuthority> authority(Connection c, String caseId) throws SQLException;

    /** @return the child's parental authority rows in every case, oldest first */
    List<ParentalAuthority> authorityOver(Connection c, String personId) throws SQLException;

    /** Ends a holder's authority; false when it had ended already. */
    boolean endAuthority(Connection c, String authorityId, LocalDate until, String reason) throws SQLException;

    /** Stores a regie notice for a user. */
    void insertRegieNotice(Connection c, String userId, RegieNotice n) throws SQLException;

    /** @return the user's regie notices, newest first */
    List<RegieNotice> regieNotices(Connection c, String userId) throws SQLException;

    // --- living (decision 0038): moves, ends and cycles -----------------------------------------------

    /** Sets the case's responsible municipality (the version and history are the engine's). */
    void moveCase(Connection c, String caseId, String municipality) throws SQLException;

    /**
     * Addresses the case's undecided maatwerk requests and undecided care requests (not allocated, no
     * municipal decision) to another municipality.
     *
     * @return how many requests moved
     */
    int moveUndecidedRequests(Connection c, String caseId, String municipality) throws SQLException;

    /** Puts the case's open waits on another municipality's waiting list; @return how many */
    int moveOpenWaits(Connection c, String caseId, String municipality) throws SQLException;

    void insertMove(Connection c, nl.proeftuin.core.api.living.MunicipalityMove move) throws SQLException;

    /** @return the case's municipality moves, oldest first */
    List<nl.proeftuin.core.api.living.MunicipalityMove> moves(Connection c, String caseId) throws SQLException;

    /** @return the relationship, if recorded */
    Optional<nl.proeftuin.core.api.dto.Relationship> relationship(Connection c, String relationshipId) throws SQLException;

    /** Ends a relationship that lasts; false when it had ended already (or is unknown). */
    boolean endRelationship(Connection c, String relationshipId, LocalDate until, String reason, String by)
            throws SQLException;

    /** Ends a person's current period in a household; false when there is none. */
    boolean endHouseholdMembership(Connection c, String householdId, String personId, LocalDate until, String reason,
            String by) throws SQLException;

    void insertEvaluation(Connection c, StoredEvaluation e) throws SQLException;

    /** @return the evaluations of the case's measures */
    List<StoredEvaluation> evaluations(Connection c, String caseId) throws SQLException;

    /** @return the evaluation of a measure, if recorded */
    Optional<StoredEvaluation> evaluation(Connection c, String measureId) throws SQLException;

    /** Stores a Raad investigation ({@code overdue} is not stored: it is derived). */
    void insertRaadInvestigation(Connection c, nl.proeftuin.core.api.living.RaadInvestigation r) throws SQLException;

    /** @return the case's Raad investigations, oldest first ({@code overdue} false: the engine derives it) */
    List<nl.proeftuin.core.api.living.RaadInvestigation> raadInvestigations(Connection c, String caseId)
            throws SQLException;

    /** Records the Raad's report; false when it had reported already. */
    boolean reportRaad(Connection c, String investigationId, LocalDate on, nl.proeftuin.core.api.living.RaadConclusion
            conclusion, String summary, java.time.Instant at, String by) throws SQLException;

    /** @return the investigations not reported whose report was due before {@code today}, in every case */
    List<nl.proeftuin.core.api.living.RaadInvestigation> raadOverdue(Connection c, LocalDate today) throws SQLException;

    /**
     * Marks a cycle alert as raised for its subject (a measure, an investigation).
     *
     * @return true when this call marked it, false when it had been raised already
     */
    boolean markCycleAlert(Connection c, String subjectId, String kind, java.time.Instant at) throws SQLException;

    // --- part 10: the reporter ---------------------------------------------------------------------------

    /** Stores a reporter ({@code overdue} and {@code message} are derived, not stored). */
    void insertReporter(Connection c, nl.proeftuin.core.api.living.Reporter r) throws SQLException;

    /** @return the case's reporters, oldest first ({@code overdue} false, {@code message} null: derived) */
    List<nl.proeftuin.core.api.living.Reporter> reporters(Connection c, String caseId) throws SQLException;

    /** Records the feedback; false when they were told already. */
    boolean tellReporter(Connection c, String reporterId, LocalDate on,
            nl.proeftuin.core.api.living.FeedbackOutcome outcome, nl.proeftuin.core.api.living.FeedbackChannel channel,
            java.time.Instant at, String by) throws SQLException;

    /** @return the reporters not told whose feedback was due before {@code today}, in every case */
    List<nl.proeftuin.core.api.living.Reporter> reportersOverdue(Connection c, LocalDate today) throws SQLException;

    // --- part 9: professionals around one family ---------------------------------------------------------

    /**
     * The open cases around whose family (the open cases sharing a current member with it, itself included)
     * more than {@code threshold} distinct professionals hold an active assignment.
     */
    List<String> crowdedCases(Connection c, int threshold) throws SQLException;

    /** @return the distinct professionals active around the family of an open case, by professional id */
    List<nl.proeftuin.core.api.living.ActiveProfessional> professionalsAround(Connection c, String caseId)
            throws SQLException;

    void insertProfessionalsNotice(Connection c, String userId, nl.proeftuin.core.api.living.ProfessionalsNotice n)
            throws SQLException;

    /** @return the user's notices, newest first */
    List<nl.proeftuin.core.api.living.ProfessionalsNotice> professionalsNotices(Connection c, String userId)
            throws SQLException;
}
