package nl.proeftuin.core.store.waits;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Explicit waits in {@code case_wait}. */
@ProviderType
public interface WaitStore {

    /** @throws SQLException on a database failure */
    void insert(Connection c, StoredWait wait) throws SQLException;

    /** @return the case's waits, oldest first @throws SQLException on a database failure */
    List<StoredWait> ofCase(Connection c, String caseId) throws SQLException;

    /** @return the wait, locked for update @throws SQLException on a database failure */
    Optional<StoredWait> lock(Connection c, String id) throws SQLException;

    /** Ends a wait. @throws SQLException on a database failure */
    void end(Connection c, String id, LocalDate endedOn, String reason, Instant at, String by) throws SQLException;

    /**
     * @param municipalities the municipalities (exact names), or null for all
     * @param waitingOn      only waits on this organisation (case-insensitive), or null
     * @return the open waits, oldest first @throws SQLException on a database failure
     */
    List<StoredWait> open(Connection c, Collection<String> municipalities, String waitingOn, int limit)
            throws SQLException;

    /** @return the professional ids of the case's active team members @throws SQLException on a database failure */
    List<String> activeTeam(Connection c, String caseId) throws SQLException;

    /**
     * @param today the day ages are counted to
     * @return the open waits per municipality and kind @throws SQLException on a database failure
     */
    List<WaitAgeRow> ages(Connection c, LocalDate today) throws SQLException;
}
