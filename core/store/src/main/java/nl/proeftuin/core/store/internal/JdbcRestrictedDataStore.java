package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.proeftuin.core.store.privacy.RestrictedDataStore;
import nl.proeftuin.core.store.privacy.StoredNotice;
import nl.proeftuin.core.store.privacy.StoredRestrictedEntry;
import nl.proeftuin.core.store.privacy.StoredSafeAddress;
import org.osgi.service.component.annotations.Component;

/** Safe addresses, restricted entries and their notices (V8, V9). */
@Component(service = RestrictedDataStore.class)
public class JdbcRestrictedDataStore implements RestrictedDataStore {

    static List<String> names(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    @Override
    public Optional<Integer> lockSafeAddress(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT version_no FROM safe_address WHERE person_id = ? FOR UPDATE", rs -> rs.getInt(1),
                personId);
    }

    @Override
    public Optional<StoredSafeAddress> safeAddress(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM safe_address WHERE person_id = ?", rs -> address(rs, null), personId);
    }

    private static StoredSafeAddress address(ResultSet rs, String kind) throws SQLException {
        return new StoredSafeAddress(rs.getString("person_id"), rs.getString("address"), rs.getString("postal_code"),
                rs.getString("municipality"), names(rs.getString("restricted_to")), instant(rs, "recorded_at"),
                rs.getString("recorded_by"), rs.getInt("version_no"), kind);
    }

    @Override
    public void insertSafeAddress(Connection c, StoredSafeAddress a) throws SQLException {
        Jdbc.update(c, "INSERT INTO safe_address (person_id, address, postal_code, municipality, restricted_to,"
                + " recorded_at, recorded_by, version_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.personId(), a.address(),
                a.postalCode(), a.municipality(), String.join(",", a.restrictedTo()), instant(a.recordedAt()),
                a.recordedBy(), a.versionNo());
    }

    @Override
    public void updateSafeAddress(Connection c, StoredSafeAddress a) throws SQLException {
        Jdbc.update(c, "UPDATE safe_address SET address = ?, postal_code = ?, municipality = ?, restricted_to = ?,"
                + " recorded_at = ?, recorded_by = ?, version_no = ? WHERE person_id = ?", a.address(), a.postalCode(),
                a.municipality(), String.join(",", a.restrictedTo()), instant(a.recordedAt()), a.recordedBy(),
                a.versionNo(), a.personId());
    }

    @Override
    public void insertSafeAddressVersion(Connection c, StoredSafeAddress a) throws SQLException {
        Jdbc.update(c, "INSERT INTO safe_address_version (person_id, version_no, change_kind, address, postal_code,"
                + " municipality, restricted_to, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.personId(), a.versionNo(), a.changeKind(), a.address(), a.postalCode(), a.municipality(),
                String.join(",", a.restrictedTo()), instant(a.recordedAt()), a.recordedBy());
    }

    @Override
    public List<StoredSafeAddress> safeAddressVersions(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM safe_address_version WHERE person_id = ? ORDER BY version_no",
                rs -> address(rs, rs.getString("change_kind")), personId);
    }

    @Override
    public List<Holding> activeHoldings(Connection c, String caseId, String personId, String professionalId)
            throws SQLException {
        // a case the person left (an ended membership, until_date, as JdbcCaseStore.members counts it) is
        // history: whoever holds a position there is not named by the person's restrictions
        String where = caseId != null ? "a.case_id = ?"
                : "a.case_id IN (SELECT m.case_id FROM case_member m WHERE m.person_id = ? AND m.until_date IS NULL)";
        List<Object> params = new ArrayList<>(List.of(caseId != null ? caseId : personId));
        if (professionalId != null) {
            where += " AND a.professional_id = ?";
            params.add(professionalId);
        }
        return Jdbc.list(c, "SELECT a.professional_id, a.professional_role, a.casusregie FROM assignment a WHERE " + where
                + " AND a.until_date IS NULL ORDER BY a.seq_no", rs -> new Holding(rs.getString(1), rs.getString(2),
                        rs.getBoolean(3)), params.toArray());
    }

    @Override
    public List<String> currentCases(Connection c, String personId) throws SQLException {
        return Jdbc.list(c, "SELECT m.case_id FROM case_member m WHERE m.person_id = ? AND m.until_date IS NULL"
                + " ORDER BY m.case_id", rs -> rs.getString(1), personId);
    }

    @Override
    public List<String> casesWorkedIn(Connection c, String personId, String professionalId) throws SQLException {
        return Jdbc.list(c, "SELECT m.case_id FROM case_member m WHERE m.person_id = ? AND m.until_date IS NULL"
                + " AND EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = m.case_id AND a.professional_id = ?)"
                + " ORDER BY m.case_id", rs -> rs.getString(1), personId, professionalId);
    }

    @Override
    public void insertNotice(Connection c, StoredNotice n) throws SQLException {
        Jdbc.update(c, "INSERT INTO restricted_notice (id, recipient_id, person_id, case_id, object_type, object_id,"
                + " message, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", n.id(), n.recipientId(),
                n.personId(), n.caseId(), n.objectType(), n.objectId(), n.message(), instant(n.createdAt()),
                n.createdBy());
    }

    @Override
    public List<StoredNotice> notices(Connection c, String recipientId, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM restricted_notice WHERE recipient_id = ? ORDER BY seq_no DESC LIMIT ?",
                rs -> new StoredNotice(rs.getString("id"), rs.getString("recipient_id"), rs.getString("person_id"),
                        rs.getString("case_id"), rs.getString("object_type"), rs.getString("object_id"),
                        rs.getString("message"), instant(rs, "created_at"), rs.getString("created_by")),
                recipientId, limit);
    }

    @Override
    public boolean isMember(Connection c, String caseId, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT person_id FROM case_member WHERE case_id = ? AND person_id = ? AND until_date IS NULL",
                rs -> Boolean.TRUE, caseId, personId).isPresent();
    }

    @Override
    public void insertEntry(Connection c, StoredRestrictedEntry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO case_entry (id, case_id, entry_kind, body_text, source, author_id, author_name,"
                + " author_role, recorded_at, restricted_to) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)", e.id(),
                e.caseId(), e.kind(), e.text(), e.source(), e.authorId(), e.authorName(), instant(e.recordedAt()),
                String.join(",", e.restrictedTo()));
        for (int i = 0; i < e.aboutPersonIds().size(); i++) {
            Jdbc.update(c, "INSERT INTO case_entry_person (entry_id, person_id, seq_no) VALUES (?, ?, ?)", e.id(),
                    e.aboutPersonIds().get(i), i);
        }
    }

    @Override
    public boolean lockEntry(Connection c, String caseId, String entryId) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM case_entry WHERE id = ? AND case_id = ? AND restricted_to IS NOT NULL"
                + " FOR UPDATE", rs -> rs.getString(1), entryId, caseId).isPresent();
    }

    @Override
    public List<StoredRestrictedEntry> entries(Connection c, String caseId) throws SQLException {
        Map<String, List<String>> about = new HashMap<>();
        for (String[] row : Jdbc.list(c, "SELECT p.entry_id, p.person_id FROM case_entry_person p JOIN case_entry e"
                + " ON e.id = p.entry_id WHERE e.case_id = ? AND e.restricted_to IS NOT NULL ORDER BY p.entry_id, p.seq_no",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, caseId)) {
            about.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        return Jdbc.list(c, "SELECT * FROM case_entry WHERE case_id = ? AND restricted_to IS NOT NULL ORDER BY seq_no",
                rs -> new StoredRestrictedEntry(rs.getString("id"), caseId, rs.getString("entry_kind"),
                        rs.getString("body_text"), rs.getString("source"),
                        List.copyOf(about.getOrDefault(rs.getString("id"), List.of())),
                        names(rs.getString("restricted_to")), rs.getString("author_id"), rs.getString("author_name"),
                        instant(rs, "recorded_at")), caseId);
    }

    @Override
    public void addEntryReader(Connection c, String caseId, String entryId, List<String> restrictedTo, String reader,
            Instant at, String by) throws SQLException {
        Jdbc.update(c, "UPDATE case_entry SET restricted_to = ? WHERE id = ?", String.join(",", restrictedTo), entryId);
        Jdbc.update(c, "INSERT INTO restricted_reader_added (entry_id, case_id, reader, added_at, added_by)"
                + " VALUES (?, ?, ?, ?, ?)", entryId, caseId, reader, instant(at), by);
    }
}
