package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.date;
import static nl.proeftuin.core.store.internal.Jdbc.enumValue;
import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.Membership;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipType;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.ProtectedNationalId;
import nl.proeftuin.core.store.cases.StoredPerson;
import org.osgi.service.component.annotations.Component;

/**
 * Persons, relationships and households in plain JDBC tables ({@code person}, {@code relationship},
 * {@code household}, {@code household_membership}). The BSN arrives protected (see V4) and leaves
 * this class only masked.
 */
@Component(service = FamilyStore.class)
public class JdbcFamilyStore implements FamilyStore {

    private static final String PERSON_COLUMNS =
            "id, given_name, family_name, date_of_birth, national_id_last3, created_at, created_by";

    @Override
    public Optional<ProtectedNationalId> protectedNationalId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT national_id_digest, national_id_sealed, national_id_last3 FROM person WHERE id = ?"
                + " AND national_id_sealed IS NOT NULL", rs -> new ProtectedNationalId(rs.getString(1), rs.getString(2),
                        rs.getString(3)), id);
    }

    @Override
    public void insertPerson(Connection c, StoredPerson p, ProtectedNationalId nationalId) throws SQLException {
        Jdbc.update(c, "INSERT INTO person (id, given_name, family_name, given_name_lc, family_name_lc, date_of_birth,"
                + " national_id_digest, national_id_sealed, national_id_last3, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.givenName(), p.familyName(), lower(p.givenName()), lower(p.familyName()),
                date(p.dateOfBirth()), nationalId == null ? null : nationalId.lookupDigest(),
                nationalId == null ? null : nationalId.sealed(), nationalId == null ? null : nationalId.lastDigits(),
                instant(p.createdAt()), p.createdBy());
    }

    @Override
    public Optional<StoredPerson> person(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ?", JdbcFamilyStore::person, id);
    }

    @Override
    public Optional<StoredPerson> lockPerson(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ? FOR UPDATE", JdbcFamilyStore::person,
                id);
    }

    @Override
    public void rectifyPerson(Connection c, String id, String givenName, String familyName,
            java.time.LocalDate dateOfBirth) throws SQLException {
        Jdbc.update(c, "UPDATE person SET given_name = ?, given_name_lc = ?, family_name = ?, family_name_lc = ?,"
                + " date_of_birth = ? WHERE id = ?", givenName, givenName.toLowerCase(java.util.Locale.ROOT), familyName,
                familyName.toLowerCase(java.util.Locale.ROOT), Jdbc.date(dateOfBirth), id);
    }

    @Override
    public Map<String, StoredPerson> persons(Connection c, Collection<String> ids) throws SQLException {
        Map<String, StoredPerson> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (StoredPerson p : Jdbc.list(c, "SELECT " + PERSON_COLUMNS + " FROM person WHERE id IN ("
                + Jdbc.placeholders(distinct.size()) + ")", JdbcFamilyStore::person, Jdbc.params(distinct))) {
            out.put(p.id(), p);
        }
        return out;
    }

    @Override
    public Optional<String> personIdByNationalIdDigest(Connection c, String lookupDigest) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM person WHERE national_id_digest = ?", rs -> rs.getString(1), lookupDigest);
    }

    @Override
    public List<StoredPerson> findPersons(Connection c, String text, int limit) throws SQLException {
        String pattern = "%" + likeEscape(lower(text)) + "%";
        return Jdbc.list(c, "SELECT " + PERSON_COLUMNS + " FROM person"
                + " WHERE given_name_lc LIKE ? ESCAPE '\\' OR family_name_lc LIKE ? ESCAPE '\\'"
                + " ORDER BY family_name_lc, given_name_lc, id LIMIT ?",
                JdbcFamilyStore::person, pattern, pattern, limit);
    }

    @Override
    public void insertRelationship(Connection c, Relationship r, Instant recordedAt, String recordedBy)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO relationship (id, from_person_id, to_person_id, relationship_type, since_date,"
                + " until_date, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.fromPersonId(), r.toPersonId(), r.type(), date(r.since()), date(r.until()), r.note(),
                instant(recordedAt), recordedBy);
    }

    @Override
    public List<Relationship> relationshipsOf(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM relationship WHERE from_person_id = ? OR to_person_id = ? ORDER BY seq_no",
                JdbcFamilyStore::relationship, personId, personId);
    }

    @Override
    public List<Relationship> relationshipsAmong(Connection c, Collection<String> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
        String in = Jdbc.placeholders(ids.size());
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        return Jdbc.list(c, "SELECT * FROM relationship WHERE from_person_id IN (" + in + ") AND to_person_id IN ("
                + in + ") ORDER BY seq_no", JdbcFamilyStore::relationship, params.toArray());
    }

    @Override
    public void insertHousehold(Connection c, Household h, Instant recordedAt, String recordedBy) throws SQLException {
        Jdbc.update(c, "INSERT INTO household (id, address, postal_code, municipality, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
                h.id(), h.address(), h.postalCode(), h.municipality(), instant(recordedAt), recordedBy);
    }

    @Override
    public Optional<Household> household(Connection c, String householdId) throws SQLException {
        List<Household> found = households(c, "SELECT id, address, postal_code, municipality FROM household WHERE id = ?",
                householdId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public void insertMembership(Connection c, String householdId, Membership m) throws SQLException {
        Jdbc.update(c, "INSERT INTO household_membership (id, household_id, person_id, since_date, until_date)"
                + " VALUES (?, ?, ?, ?, ?)",
                java.util.UUID.randomUUID().toString(), householdId, m.personId(), date(m.since()), date(m.until()));
    }

    @Override
    public List<Household> householdsOf(Connection c, Collection<String> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
        return households(c, "SELECT id, address, postal_code, municipality, created_at FROM household WHERE id IN"
                + " (SELECT household_id FROM household_membership WHERE person_id IN (" + Jdbc.placeholders(ids.size())
                + ")) ORDER BY created_at, id", ids.toArray());
    }

    /** Households from a query selecting their columns, each with all its membership periods. */
    private static List<Household> households(Connection c, String sql, Object... params) throws SQLException {
        record Row(String id, String address, String postalCode, String municipality) {
        }
        List<Row> rows = Jdbc.list(c, sql, rs -> new Row(rs.getString("id"), rs.getString("address"),
                rs.getString("postal_code"), rs.getString("municipality")), params);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Membership>> members = new LinkedHashMap<>();
        rows.forEach(r -> members.put(r.id(), new ArrayList<>()));
        List<String> ids = new ArrayList<>(members.keySet());
        for (Object[] m : Jdbc.list(c, "SELECT household_id, person_id, since_date, until_date FROM household_membership"
                + " WHERE household_id IN (" + Jdbc.placeholders(ids.size()) + ") ORDER BY since_date, seq_no",
                rs -> new Object[] {rs.getString("household_id"),
                        new Membership(rs.getString("person_id"), date(rs, "since_date"), date(rs, "until_date"))},
                ids.toArray())) {
            members.get((String) m[0]).add((Membership) m[1]);
        }
        List<Household> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Household(r.id(), r.address(), r.postalCode(), r.municipality(), List.copyOf(members.get(r.id()))));
        }
        return out;
    }

    private static StoredPerson person(ResultSet rs) throws SQLException {
        return new StoredPerson(rs.getString("id"), rs.getString("given_name"), rs.getString("family_name"),
                date(rs, "date_of_birth"), mask(rs.getString("national_id_last3")), instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static Relationship relationship(ResultSet rs) throws SQLException {
        return new Relationship(rs.getString("id"), rs.getString("from_person_id"), rs.getString("to_person_id"),
                enumValue(rs, "relationship_type", RelationshipType.class), date(rs, "since_date"),
                date(rs, "until_date"), rs.getString("note"));
    }

    /** The masked BSN from its last three digits: {@code ******782} (a BSN has nine digits). */
    static String mask(String lastDigits) {
        return lastDigits == null ? null : "*".repeat(9 - lastDigits.length()) + lastDigits;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Escapes LIKE wildcards so user text matches literally (with {@code ESCAPE '\'}). */
    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
