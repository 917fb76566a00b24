package nl.proeftuin.core.store.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of {@code rectification}, {@code erasure_request}, {@code legal_hold} and
 * {@code pseudonym_key}; and the reads of the GDPR export and the retention job. Export rows are
 * maps by column name: instants as ISO text (UTC), dates as ISO text.
 */
@ProviderType
public interface PrivacyStore {

    /** A rectification: the old and new value of one field of a person. */
    record StoredRectification(String id, String personId, String field, String oldValue, String newValue,
            String reason, Instant madeAt, String madeBy) {
    }

    /** An erasure request and, once decided, its decision. */
    record StoredErasureRequest(String id, String personId, String status, String reason, Instant requestedAt,
            String requestedBy, Instant decidedAt, String decidedBy, String outcome) {
    }

    /** A legal hold on a person or a case. */
    record StoredLegalHold(String id, String subjectType, String subjectId, String reason, Instant placedAt,
            String placedBy, Instant liftedAt, String liftedBy) {
    }

    // --- subjects

    boolean personExists(Connection c, String personId) throws SQLException;

    boolean caseExists(Connection c, String caseId) throws SQLException;

    /** @return whether the user has an account or was ever assigned to a case */
    boolean knownUser(Connection c, String userId) throws SQLException;

    /** @return the ids of the cases the person is a member of */
    List<String> casesOf(Connection c, String personId) throws SQLException;

    // --- export

    /** The person's row; empty when there is no such person. */
    Optional<Map<String, Object>> exportPerson(Connection c, String personId) throws SQLException;

    /** The person's cases, each with {@code member_until}: the day their membership ended, or null. */
    List<Map<String, Object>> exportCases(Connection c, String personId) throws SQLException;

    List<String> exportFamilyRoles(Connection c, String caseId, String personId) throws SQLException;

    List<Map<String, Object>> exportTeam(Connection c, String caseId) throws SQLException;

    /** The case entries about the person, with their {@code restricted_to}. */
    List<Map<String, Object>> exportEntries(Connection c, String personId) throws SQLException;

    List<Map<String, Object>> exportRelationships(Connection c, String personId) throws SQLException;

    List<Map<String, Object>> exportHouseholds(Connection c, String personId) throws SQLException;

    List<Map<String, Object>> exportConsents(Connection c, String personId) throws SQLException;

    /**
     * The plan versions of the person's cases, each with {@code member_until}: the day the person's membership
     * of that case ended, or null.
     */
    List<Map<String, Object>> exportPlanVersions(Connection c, String personId) throws SQLException;

    /** The pseudonymised monitor export's rows: one per case member (case, person, birth date, case columns). */
    List<Map<String, Object>> monitorRows(Connection c) throws SQLException;

    // --- rectification

    void insertRectification(Connection c, StoredRectification rectification) throws SQLException;

    List<StoredRectification> rectifications(Connection c, String personId) throws SQLException;

    // --- erasure requests

    void insertErasureRequest(Connection c, StoredErasureRequest request) throws SQLException;

    /** @return the request, locked until the transaction ends */
    Optional<StoredErasureRequest> lockErasureRequest(Connection c, String id) throws SQLException;

    void decideErasureRequest(Connection c, String id, String status, Instant at, String by, String outcome)
            throws SQLException;

    List<StoredErasureRequest> erasureRequests(Connection c, String personId) throws SQLException;

    // --- legal holds

    void insertHold(Connection c, StoredLegalHold hold) throws SQLException;

    /** @return the hold, locked until the transaction ends */
    Optional<StoredLegalHold> lockHold(Connection c, String id) throws SQLException;

    void liftHold(Connection c, String id, Instant at, String by) throws SQLException;

    List<StoredLegalHold> holds(Connection c, String subjectId) throws SQLException;

    /** @return the holds on the person and on their cases */
    List<StoredLegalHold> holdsOfPerson(Connection c, String personId) throws SQLException;

    /** @return whether an active hold applies to the case or to one of its members */
    boolean caseHeld(Connection c, String caseId) throws SQLException;

    // --- retention

    /** @return the closed cases whose last event is before the cut-off, by id */
    List<String> closedCasesBefore(Connection c, Instant cutoff) throws SQLException;

    /** @return the persons recorded before the cut-off, by id */
    List<String> personsRecordedBefore(Connection c, Instant cutoff) throws SQLException;

    // --- pseudonym key

    Optional<String> pseudonymKey(Connection c) throws SQLException;

    void insertPseudonymKey(Connection c, String secret) throws SQLException;
}
