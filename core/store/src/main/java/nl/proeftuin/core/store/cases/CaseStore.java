package nl.proeftuin.core.store.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.Consent;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.Review;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cases with their members, team, history and records. Every method works in the caller's
 * transaction; lists are oldest first.
 */
@ProviderType
public interface CaseStore {

    /**
     * @param c         the connection
     * @param stored    the new case
     * @throws SQLException on a database failure
     */
    void insertCase(Connection c, StoredCase stored) throws SQLException;

    /**
     * @param c  the connection
     * @param id the case id
     * @return the case, if it exists
     * @throws SQLException on a database failure
     */
    Optional<StoredCase> find(Connection c, String id) throws SQLException;

    /**
     * Reads the case and locks its row until the transaction ends ({@code SELECT ... FOR UPDATE}),
     * so that changes to one case are serialised.
     *
     * @param c  the connection (in a transaction)
     * @param id the case id
     * @return the case as it is after any competing transaction committed, if it exists
     * @throws SQLException on a database failure
     */
    Optional<StoredCase> lock(Connection c, String id) throws SQLException;

    /**
     * Writes the case's state and version, only if its version is still {@code expectedVersion}.
     *
     * @param c               the connection
     * @param updated         the new state, with the new version
     * @param expectedVersion the version it was read at
     * @return false when the row was not at {@code expectedVersion} (nothing written)
     * @throws SQLException on a database failure
     */
    boolean update(Connection c, StoredCase updated, long expectedVersion) throws SQLException;

    /**
     * @param c        the connection
     * @param caseId   the case
     * @param personId the person
     * @param roles    their roles
     * @param order    their place in the member list
     * @throws SQLException on a database failure
     */
    void insertMember(Connection c, String caseId, String personId, Set<FamilyRole> roles, int order)
            throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return the members' person ids with their roles, in member order
     * @throws SQLException on a database failure
     */
    Map<String, Set<FamilyRole>> members(Connection c, String caseId) throws SQLException;

    /**
     * @param c          the connection
     * @param caseId     the case
     * @param assignment the assignment
     * @throws SQLException on a database failure
     */
    void insertAssignment(Connection c, String caseId, Assignment assignment) throws SQLException;

    /**
     * Writes an assignment's role, <i>casusregie</i> flag, end date and end reason.
     *
     * @param c          the connection
     * @param caseId     the case
     * @param assignment the assignment with its new state
     * @throws SQLException on a database failure, or when it is not an assignment of the case
     */
    void updateAssignment(Connection c, String caseId, Assignment assignment) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return all assignments, past and present, oldest first
     * @throws SQLException on a database failure
     */
    List<Assignment> assignments(Connection c, String caseId) throws SQLException;

    /**
     * @param c              the connection
     * @param caseId         the case
     * @param professionalId a professional
     * @return whether the professional is or ever was assigned to the case
     * @throws SQLException on a database failure
     */
    boolean everAssigned(Connection c, String caseId, String professionalId) throws SQLException;

    /**
     * @param c        the connection
     * @param caseId   the case
     * @param handover the handover
     * @throws SQLException on a database failure
     */
    void insertHandover(Connection c, String caseId, Handover handover) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return handovers, oldest first
     * @throws SQLException on a database failure
     */
    List<Handover> handovers(Connection c, String caseId) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @param event  the event to append to the history with its typed payload; when the engine gives
     *               it an outbound type, it also goes into the local-team outbox, in the same
     *               transaction (the engine decides which events a local team hears, not the store)
     * @throws SQLException on a database failure
     */
    void insertEvent(Connection c, String caseId, NewEvent event) throws SQLException;

    /**
     * One case event as the engine writes it. The store holds no rule about it: it stores the
     * payload and the outbox message the engine made (JSON, written by the engine with Jackson).
     *
     * @param id              the event's id (the outbox row's idempotency key derives from it)
     * @param event           the history line: type, the human sentence, reason, when, who
     * @param payload         the event's typed data as JSON (the engine's record for its type)
     * @param outboundType    the type a local team hears it as, or null when it does not hear it
     * @param outboundMessage the outbox message (JSON), or null when {@code outboundType} is null
     */
    record NewEvent(String id, CaseEvent event, String payload, String outboundType, String outboundMessage) {
        /** Rejects a half outbound: type and message come together. */
        public NewEvent {
            if ((outboundType == null) != (outboundMessage == null)) {
                throw new IllegalArgumentException("outboundType and outboundMessage come together");
            }
        }
    }

    /**
     * @param c      the connection
     * @param caseId the case
     * @return the history, oldest first
     * @throws SQLException on a database failure
     */
    List<CaseEvent> events(Connection c, String caseId) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @param entry  the entry
     * @throws SQLException on a database failure
     */
    void insertEntry(Connection c, String caseId, Entry entry) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return entries, oldest first
     * @throws SQLException on a database failure
     */
    List<Entry> entries(Connection c, String caseId) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @param review the review
     * @throws SQLException on a database failure
     */
    void insertReview(Connection c, String caseId, Review review) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return reviews, oldest first
     * @throws SQLException on a database failure
     */
    List<Review> reviews(Connection c, String caseId) throws SQLException;

    /**
     * @param c       the connection
     * @param caseId  the case
     * @param consent the consent decision
     * @throws SQLException on a database failure
     */
    void insertConsent(Connection c, String caseId, Consent consent) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return consent decisions, oldest first
     * @throws SQLException on a database failure
     */
    List<Consent> consents(Connection c, String caseId) throws SQLException;

    /**
     * @param c          the connection
     * @param caseId     the case
     * @param evaluation the evaluation
     * @throws SQLException on a database failure
     */
    void insertEvaluation(Connection c, String caseId, Evaluation evaluation) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return evaluations, oldest first
     * @throws SQLException on a database failure
     */
    List<Evaluation> evaluations(Connection c, String caseId) throws SQLException;

    /**
     * @param c       the connection
     * @param caseId  the case
     * @param request the court request
     * @throws SQLException on a database failure
     */
    void insertCourtRequest(Connection c, String caseId, CourtRequest request) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return court requests, oldest first
     * @throws SQLException on a database failure
     */
    List<CourtRequest> courtRequests(Connection c, String caseId) throws SQLException;

    /**
     * Searches cases, newest first ({@code openedAt} descending). The query must be valid
     * (page from 0, size 1 to 100): the store does not check it.
     *
     * @param c     the connection
     * @param query the criteria; null criteria match any case
     * @return the page, with member names and the number of distinct active professionals per case
     * @throws SQLException on a database failure
     */
    Page<CaseSummary> search(Connection c, CaseQuery query) throws SQLException;
}
