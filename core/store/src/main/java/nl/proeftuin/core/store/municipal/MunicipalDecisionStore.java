package nl.proeftuin.core.store.municipal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.plugins.StoredAlert;
import org.osgi.annotation.versioning.ProviderType;

/** The municipality's part in a case: terms, deadlines, decisions, addressed alerts, decision times. */
@ProviderType
public interface MunicipalDecisionStore {

    /** @return the municipality's own decision term in days, if it set one @throws SQLException on a database failure */
    Optional<Integer> decisionTermDays(Connection c, String municipalityName) throws SQLException;

    /**
     * Sets (days &gt; 0) or removes (null) a municipality's decision term.
     *
     * @return false when no municipality has the code @throws SQLException on a database failure
     */
    boolean setDecisionTerm(Connection c, String code, Integer days, Instant at, String by) throws SQLException;

    /** @throws SQLException on a database failure */
    void insertCareDeadline(Connection c, String requestId, LocalDate deadline) throws SQLException;

    /**
     * @param municipalities the municipalities (exact register names), or null for all
     * @param openOnly       only requests without a decision
     * @return the requests, earliest deadline first (none last) @throws SQLException on a database failure
     */
    List<InboxRow> inbox(Connection c, Collection<String> municipalities, boolean openOnly, int limit)
            throws SQLException;

    /** @return the request (maatwerk or care), its row locked for update @throws SQLException on a database failure */
    Optional<InboxRow> lock(Connection c, String requestId) throws SQLException;

    /**
     * @return the request (maatwerk or care), not locked: for reading it, which must not wait for a
     *         decision being made or mark the row @throws SQLException on a database failure
     */
    Optional<InboxRow> find(Connection c, String requestId) throws SQLException;

    /** Records a decision (one per request: a second is a constraint violation). @throws SQLException */
    void insertDecision(Connection c, StoredDecision decision) throws SQLException;

    /** @return undecided care requests past their deadline (before {@code today}) not alerted yet @throws SQLException */
    List<InboxRow> overdueCareUnalerted(Connection c, LocalDate today) throws SQLException;

    /** Marks a care request's overdue alert raised; false when another node did first. @throws SQLException */
    boolean markCareOverdueAlerted(Connection c, String requestId) throws SQLException;

    /** @return the user ids of the case's active fixed professionals @throws SQLException on a database failure */
    List<String> fixedProfessionals(Connection c, String caseId) throws SQLException;

    /** Addresses an alert ({@code municipality} or {@code user:<id>}). @throws SQLException on a database failure */
    void address(Connection c, String alertId, String addressee) throws SQLException;

    /**
     * @param userId         alerts addressed to {@code user:<userId>}, or null
     * @param municipalities alerts addressed to {@code municipality} of these (null: all), or empty for none
     * @return the newest first @throws SQLException on a database failure
     */
    List<StoredAlert> addressedAlerts(Connection c, String userId, Collection<String> municipalities, int limit)
            throws SQLException;

    /**
     * @param today the day a deadline is past after
     * @return per municipality, by name @throws SQLException on a database failure
     */
    List<DecisionTimeRow> decisionTimes(Connection c, LocalDate today) throws SQLException;
}
