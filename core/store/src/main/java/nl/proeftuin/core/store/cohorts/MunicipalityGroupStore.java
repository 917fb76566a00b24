package nl.proeftuin.core.store.cohorts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Named groups of municipalities (pilot versus control); the only writer of their two tables. */
@ProviderType
public interface MunicipalityGroupStore {

    /** @param municipalityCodes CBS codes, sorted */
    record StoredGroup(String name, String key, String description, List<String> municipalityCodes,
            Instant changedAt, String changedBy) {
    }

    List<StoredGroup> all(Connection c) throws SQLException;

    Optional<StoredGroup> byKey(Connection c, String key) throws SQLException;

    /** Creates the group, or replaces its name, description and members. */
    void put(Connection c, StoredGroup group) throws SQLException;

    /** @return false when there was no such group */
    boolean delete(Connection c, String key) throws SQLException;
}
