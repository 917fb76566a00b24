package nl.proeftuin.core.store.triage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Triage outcomes and assessments of cases. Lists are oldest first. */
@ProviderType
public interface TriageStore {

    /**
     * @param c       the connection
     * @param outcome the outcome
     * @throws SQLException on a database failure
     */
    void insertOutcome(Connection c, StoredTriageOutcome outcome) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return its outcomes, oldest first
     * @throws SQLException on a database failure
     */
    List<StoredTriageOutcome> outcomes(Connection c, String caseId) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return its latest outcome, if any
     * @throws SQLException on a database failure
     */
    Optional<StoredTriageOutcome> latestOutcome(Connection c, String caseId) throws SQLException;

    /**
     * @param c the connection
     * @return the latest outcome of every open case whose latest outcome is pending, oldest first
     * @throws SQLException on a database failure
     */
    List<StoredTriageOutcome> pending(Connection c) throws SQLException;

    /**
     * perfs (issue 13, decisions 0044 and 0045): {@link #pending} filtered by need to know in the database,
     * for {@code GET /triage/pending}: only the cases the professional may see (actively assigned; opener
     * of a case without an active assignment; an unexpired break-glass grant), within their municipalities
     * or, elsewhere, actively assigned (a team across municipalities), as the guard decides for one case.
     * Found from the user's side through their indexes, so the list costs what the user's own cases cost,
     * not every pending triage of the region read and tested one by one.
     *
     * @param c              the connection
     * @param userId         the professional
     * @param municipalities the user's municipalities (compared without case); null: all of them; empty: none
     * @param now            the moment to compare break-glass grants with
     * @return the latest outcome of every open case the user may see whose latest outcome is pending, oldest first
     * @throws SQLException on a database failure
     */
    List<StoredTriageOutcome> pendingVisibleTo(Connection c, String userId, java.util.Set<String> municipalities,
            java.time.Instant now) throws SQLException;

    /**
     * @param c          the connection
     * @param assessment the assessment
     * @throws SQLException on a database failure
     */
    void insertAssessment(Connection c, StoredAssessment assessment) throws SQLException;

    /**
     * @param c       the connection
     * @param caseId  the case
     * @param roundId the triage round
     * @return the round's assessments, oldest first
     * @throws SQLException on a database failure
     */
    List<StoredAssessment> assessments(Connection c, String caseId, String roundId) throws SQLException;

    /**
     * A cohort's stored triage decisions for a replay (switches, issue 15 part 4): of every case of
     * the municipality (or of all) with a triage decided in {@code [from, to)}, its latest outcome
     * decided in that period, pending ones included.
     *
     * @param c            the connection
     * @param from         the period's start (inclusive)
     * @param to           the period's end (exclusive)
     * @param municipality the case's municipality, or null for every municipality
     * @param limit        at most this many
     * @return one outcome per case, oldest first
     * @throws SQLException on a database failure
     */
    List<StoredTriageOutcome> cohort(Connection c, java.time.Instant from, java.time.Instant to, String municipality,
            int limit) throws SQLException;
}
