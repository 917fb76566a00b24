package nl.proeftuin.core.store.localteam;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The local-team outbox and the inbound requests received. Outbox rows are written by
 * {@link nl.proeftuin.core.store.cases.CaseStore#insertEvent} in the transaction of the change.
 */
@ProviderType
public interface LocalTeamStore {

    /**
     * @param c       the connection
     * @param status  only this status, or null
     * @param caseId  only this case, or null
     * @param limit   at most this many
     * @return outbox rows, newest first
     * @throws SQLException on a database failure
     */
    List<StoredOutbound> list(Connection c, String status, String caseId, int limit) throws SQLException;

    /**
     * {@link #list}, of the entries of some municipalities only (compared without case), chosen before the limit.
     *
     * @param municipalities at least one
     * @since 1.1
     */
    List<StoredOutbound> listIn(Connection c, String status, String caseId, java.util.Collection<String> municipalities,
            int limit) throws SQLException;

    /**
     * @param c  the connection
     * @param id the row
     * @return the row, if it exists
     * @throws SQLException on a database failure
     */
    Optional<StoredOutbound> find(Connection c, String id) throws SQLException;

    /**
     * PENDING rows whose next attempt is due, oldest first, each only when no earlier row of the same
     * case is still PENDING or WAITING (a case's events arrive in order).
     *
     * @param c     the connection
     * @param now   now
     * @param limit at most this many
     * @return the due rows
     * @throws SQLException on a database failure
     */
    List<StoredOutbound> due(Connection c, Instant now, int limit) throws SQLException;

    /**
     * @return the municipalities with WAITING rows
     * @throws SQLException on a database failure
     */
    List<String> waitingMunicipalities(Connection c) throws SQLException;

    /**
     * Makes a municipality's WAITING rows PENDING and due now (a usable connector is bound again).
     *
     * @return how many
     * @throws SQLException on a database failure
     */
    int release(Connection c, String municipality, Instant now) throws SQLException;

    /**
     * Claims a due row for one attempt by moving its next attempt to {@code leaseUntil}; only one
     * claimer of a row that was due at {@code now} succeeds.
     *
     * @return whether this caller claimed it
     * @throws SQLException on a database failure
     */
    boolean claim(Connection c, String id, String status, Instant now, Instant leaseUntil) throws SQLException;

    /**
     * Writes the state of a row after an attempt (all mutable columns).
     *
     * @throws SQLException on a database failure
     */
    void update(Connection c, StoredOutbound row) throws SQLException;

    /**
     * {@link #update}, only while the row is still this attempt's: PENDING and claimed until the time this
     * attempt's claim set. A round that overran its lease may have lost the row to another node's attempt,
     * whose outcome then stands.
     *
     * @return whether the row was still this attempt's (and is written)
     * @since 1.1
     */
    boolean updateClaimed(Connection c, StoredOutbound row, Instant claimedUntil) throws SQLException;

    /**
     * {@link #update}, unless the row was delivered meanwhile (a retry asked while a delivery succeeded).
     *
     * @return whether it was written
     * @since 1.1
     */
    boolean updateUndelivered(Connection c, StoredOutbound row) throws SQLException;

    /**
     * @return the case opened for an inbound request with this key, if one was received
     * @throws SQLException on a database failure
     */
    Optional<String> inboundCase(Connection c, String municipality, String idempotencyKey) throws SQLException;

    /**
     * Records an inbound request and the case opened for it.
     *
     * @throws SQLException on a database failure (a duplicate key among them)
     */
    void insertInbound(Connection c, String municipality, String idempotencyKey, String externalRef, String pluginId,
            String caseId, Instant at) throws SQLException;
}
