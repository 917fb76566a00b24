package nl.proeftuin.core.store.region;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The region's register of municipalities in {@code municipality}. Names are found by their
 * {@link MunicipalityNames#key key}, so {@code arnhem} finds {@code Arnhem}.
 */
@ProviderType
public interface MunicipalityStore {

    /**
     * @param c the connection
     * @return every municipality, by name
     * @throws SQLException on a database failure
     */
    List<StoredMunicipality> all(Connection c) throws SQLException;

    /**
     * @param c   the connection
     * @param key a name's {@link MunicipalityNames#key key}
     * @return the municipality of that name, if registered
     * @throws SQLException on a database failure
     */
    Optional<StoredMunicipality> byKey(Connection c, String key) throws SQLException;

    /**
     * @param c    the connection
     * @param code the CBS code
     * @return the municipality with that code, if registered
     * @throws SQLException on a database failure
     */
    Optional<StoredMunicipality> byCode(Connection c, String code) throws SQLException;

    /**
     * @param c the connection
     * @return whether the register holds no municipality at all
     * @throws SQLException on a database failure
     */
    boolean isEmpty(Connection c) throws SQLException;

    /**
     * Adds a municipality (its name must be valid for {@link MunicipalityNames#key}).
     *
     * @param c            the connection
     * @param municipality the municipality
     * @throws SQLException on a database failure, also when the code or the name's key is taken
     */
    void insert(Connection c, StoredMunicipality municipality) throws SQLException;

    /**
     * Changes the name and inhabitants of the municipality with the record's code.
     *
     * @param c            the connection
     * @param municipality the municipality
     * @return whether a municipality with that code existed
     * @throws SQLException on a database failure, also when the new name's key is taken
     */
    boolean update(Connection c, StoredMunicipality municipality) throws SQLException;
}
