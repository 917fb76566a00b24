package nl.proeftuin.core.store.care;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Care-path steps done and repeat incidents, append-only. */
@ProviderType
public interface CarePathStore {

    /** @return the case's steps, oldest first @throws SQLException on a database failure */
    List<StoredStep> steps(Connection c, String caseId) throws SQLException;

    /** @throws SQLException on a database failure (a step done twice among them) */
    void insertStep(Connection c, StoredStep step) throws SQLException;

    /** @return the case's incidents, oldest first @throws SQLException on a database failure */
    List<StoredIncident> incidents(Connection c, String caseId) throws SQLException;

    /** @throws SQLException on a database failure */
    void insertIncident(Connection c, StoredIncident incident) throws SQLException;
}
