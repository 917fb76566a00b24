package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.cohorts.MunicipalityGroupStore;
import org.osgi.service.component.annotations.Component;

/** {@code municipality_group} and {@code municipality_group_member}. */
@Component(service = MunicipalityGroupStore.class)
public class JdbcMunicipalityGroupStore implements MunicipalityGroupStore {

    @Override
    public List<StoredGroup> all(Connection c) throws SQLException {
        List<StoredGroup> out = new ArrayList<>();
        for (String key : Jdbc.list(c, "SELECT name_key FROM municipality_group ORDER BY name_key", rs -> rs.getString(1))) {
            byKey(c, key).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<StoredGroup> byKey(Connection c, String key) throws SQLException {
        Optional<StoredGroup> head = Jdbc.one(c, "SELECT name, name_key, description, changed_at, changed_by"
                + " FROM municipality_group WHERE name_key = ?", rs -> new StoredGroup(rs.getString("name"),
                        rs.getString("name_key"), rs.getString("description"), List.of(), instant(rs, "changed_at"),
                        rs.getString("changed_by")), key);
        if (head.isEmpty()) {
            return head;
        }
        List<String> codes = Jdbc.list(c, "SELECT municipality_code FROM municipality_group_member WHERE group_key = ?"
                + " ORDER BY municipality_code", rs -> rs.getString(1), key);
        StoredGroup g = head.get();
        return Optional.of(new StoredGroup(g.name(), g.key(), g.description(), List.copyOf(codes), g.changedAt(),
                g.changedBy()));
    }

    @Override
    public void put(Connection c, StoredGroup g) throws SQLException {
        Jdbc.update(c, "DELETE FROM municipality_group_member WHERE group_key = ?", g.key());
        int updated = Jdbc.update(c, "UPDATE municipality_group SET name = ?, description = ?, changed_at = ?,"
                + " changed_by = ? WHERE name_key = ?", g.name(), g.description(), g.changedAt(), g.changedBy(), g.key());
        if (updated == 0) {
            Jdbc.update(c, "INSERT INTO municipality_group (name, name_key, description, changed_at, changed_by)"
                    + " VALUES (?, ?, ?, ?, ?)", g.name(), g.key(), g.description(), g.changedAt(), g.changedBy());
        }
        for (String code : g.municipalityCodes()) {
            Jdbc.update(c, "INSERT INTO municipality_group_member (group_key, municipality_code) VALUES (?, ?)",
                    g.key(), code);
        }
    }

    @Override
    public boolean delete(Connection c, String key) throws SQLException {
        Jdbc.update(c, "DELETE FROM municipality_group_member WHERE group_key = ?", key);
        return Jdbc.update(c, "DELETE FROM municipality_group WHERE name_key = ?", key) > 0;
    }
}
