package nl.proeftuin.core.store.care;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Maatwerk requests and care requests with their allocations. */
@ProviderType
public interface ProcurementStore {

    /** @throws SQLException on a database failure */
    void insertMaatwerk(Connection c, StoredMaatwerk m) throws SQLException;

    /** @return the case's maatwerk requests, oldest first @throws SQLException on a database failure */
    List<StoredMaatwerk> maatwerk(Connection c, String caseId) throws SQLException;

    /** @return the request, locked for update @throws SQLException on a database failure */
    Optional<StoredMaatwerk> lockMaatwerk(Connection c, String id) throws SQLException;

    /** Records a decision. @throws SQLException on a database failure */
    void decideMaatwerk(Connection c, String id, String state, String detail, Instant at, String by)
            throws SQLException;

    /** @return SUBMITTED requests past their deadline (before {@code today}) not alerted yet @throws SQLException */
    List<StoredMaatwerk> overdueUnalerted(Connection c, LocalDate today) throws SQLException;

    /** Marks the deadline alert raised; false when another node did first. @throws SQLException */
    boolean markOverdueAlerted(Connection c, String id) throws SQLException;

    /** @throws SQLException on a database failure */
    void insertCareRequest(Connection c, StoredCareRequest r) throws SQLException;

    /** @return the case's care requests, oldest first @throws SQLException on a database failure */
    List<StoredCareRequest> careRequests(Connection c, String caseId) throws SQLException;

    /** @return the request, locked for update @throws SQLException on a database failure */
    Optional<StoredCareRequest> lockCareRequest(Connection c, String id) throws SQLException;

    /**
     * @return the case of a care request, read without a lock (to lock the case before the request)
     * @since 1.1
     */
    Optional<String> careRequestCase(Connection c, String id) throws SQLException;

    /** Records the allocation. @throws SQLException on a database failure */
    void allocate(Connection c, String id, String allocationJson, Instant at, String by) throws SQLException;
}
