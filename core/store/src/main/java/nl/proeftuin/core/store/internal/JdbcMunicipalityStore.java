package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.region.MunicipalityNames;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import org.osgi.service.component.annotations.Component;

/** The register in {@code municipality}; the key column is always written from the name here. */
@Component(service = MunicipalityStore.class)
public class JdbcMunicipalityStore implements MunicipalityStore {

    private static final String COLUMNS = "code, name, inhabitants, changed_at, changed_by";

    @Override
    public List<StoredMunicipality> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM municipality ORDER BY name_key", JdbcMunicipalityStore::row);
    }

    @Override
    public Optional<StoredMunicipality> byKey(Connection c, String key) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM municipality WHERE name_key = ?", JdbcMunicipalityStore::row, key);
    }

    @Override
    public Optional<StoredMunicipality> byCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM municipality WHERE code = ?", JdbcMunicipalityStore::row, code);
    }

    @Override
    public boolean isEmpty(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM municipality LIMIT 1", rs -> 1).isEmpty();
    }

    @Override
    public void insert(Connection c, StoredMunicipality m) throws SQLException {
        Jdbc.update(c, "INSERT INTO municipality (code, name, name_key, inhabitants, changed_at, changed_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", m.code(), m.name(), MunicipalityNames.key(m.name()), inhabitants(m),
                Jdbc.instant(m.changedAt()), m.changedBy());
    }

    @Override
    public boolean update(Connection c, StoredMunicipality m) throws SQLException {
        return Jdbc.update(c, "UPDATE municipality SET name = ?, name_key = ?, inhabitants = ?, changed_at = ?,"
                + " changed_by = ? WHERE code = ?", m.name(), MunicipalityNames.key(m.name()), inhabitants(m),
                Jdbc.instant(m.changedAt()), m.changedBy(), m.code()) == 1;
    }

    private static Object inhabitants(StoredMunicipality m) {
        return m.inhabitants() == null ? new Jdbc.TypedNull(java.sql.Types.INTEGER) : m.inhabitants();
    }

    private static StoredMunicipality row(ResultSet rs) throws SQLException {
        int count = rs.getInt("inhabitants");
        Integer inhabitants = rs.wasNull() ? null : count;
        return new StoredMunicipality(rs.getString("code"), rs.getString("name"), inhabitants,
                Jdbc.instant(rs, "changed_at"), rs.getString("changed_by"));
    }
}
