package nl.proeftuin.core.store.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The versions of a case's plan: insert-only, never updated or deleted.
 */
@ProviderType
public interface PlanStore {

    /**
     * Inserts a version; fails if that version number exists for the case.
     *
     * @param c       the connection
     * @param version the version
     * @throws SQLException on a database failure
     */
    void insertVersion(Connection c, StoredPlanVersion version) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return the latest version, if the case has a plan
     * @throws SQLException on a database failure
     */
    Optional<StoredPlanVersion> latest(Connection c, String caseId) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @param number the version number
     * @return that version, if it exists
     * @throws SQLException on a database failure
     */
    Optional<StoredPlanVersion> version(Connection c, String caseId, int number) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return all versions, oldest first, with their content
     * @throws SQLException on a database failure
     */
    List<StoredPlanVersion> versions(Connection c, String caseId) throws SQLException;

    /**
     * @param c      the connection
     * @param caseId the case
     * @return the latest version number, 0 when there is no plan
     * @throws SQLException on a database failure
     */
    int latestNumber(Connection c, String caseId) throws SQLException;
}
