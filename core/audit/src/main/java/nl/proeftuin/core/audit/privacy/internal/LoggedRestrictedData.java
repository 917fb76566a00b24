package nl.proeftuin.core.audit.privacy.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.RestrictedEntry;
import nl.proeftuin.core.audit.privacy.RestrictedEntryInput;
import nl.proeftuin.core.audit.privacy.SafeAddress;
import nl.proeftuin.core.audit.privacy.SafeAddressInput;
import nl.proeftuin.core.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Safe addresses and restricted entries, each read decided against the reader and logged (as
 * restricted entries of the access log, which a person's access view never shows). A read is logged
 * before the data is returned: when the log cannot be written, nothing is shown.
 */
@Component(service = RestrictedData.class)
public class LoggedRestrictedData implements RestrictedData {
    private final Database database;
    private final AccessLog log;
    private final Clock clock;

    @Activate
    public LoggedRestrictedData(@Reference Database database, @Reference AccessLog log) {
        this(database, log, Clock.systemUTC());
    }

    /** For tests (this package is not exported): the service with a clock. */
    public LoggedRestrictedData(Database database, AccessLog log, Clock clock) {
        this.database = database;
        this.log = log;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void logAccess(Reader reader, AccessAction action, String outcome, String personId, String caseId,
            String objectType, String objectId, String detail) {
        log.append(new AccessEvent(action, outcome, reader.userId(), reader.name(), String.join(",", reader.roles()),
                null, null, personId == null ? List.of() : List.of(personId), caseId, objectType, objectId, null, detail,
                reader.organisation(), true));
    }

    @Override
    public SafeAddress setSafeAddress(Reader writer, String personId, SafeAddressInput input) {
        Checks.reader(writer);
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        String address = Checks.text("address", input.address(), 200);
        String postalCode = Checks.optional("postalCode", input.postalCode(), 7);
        String municipality = Checks.text("municipality", input.municipality(), 200);
        List<String> to = Checks.restrictedTo(input.restrictedTo(), writer);
        Instant at = now();
        SafeAddress saved = write(c -> {
            Checks.personExists(c, personId);
            Rows.update(c, "DELETE FROM safe_address WHERE person_id = ?", personId);
            Rows.update(c, "INSERT INTO safe_address (person_id, address, postal_code, municipality, restricted_to, "
                    + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)", personId, address, postalCode, municipality,
                    String.join(",", to), at, writer.userId());
            return new SafeAddress(personId, address, postalCode, municipality, to, at, writer.userId());
        });
        logAccess(writer, AccessAction.UPDATE, AccessEvent.SUCCESS, personId, null, "safe-address", personId, "safe address recorded");
        return saved;
    }

    @Override
    public SafeAddress safeAddress(Reader reader, String personId) {
        Checks.reader(reader);
        Optional<SafeAddress> found = read(c -> find(c, personId));
        if (found.isEmpty() || !reader.isNamedIn(found.get().restrictedTo())) {
            logAccess(reader, AccessAction.READ, AccessEvent.DENIED, personId, null, "safe-address", personId,
                    found.isEmpty() ? "no safe address" : "reader not named on the safe address");
            throw new NotFoundException("safe address of person " + personId);
        }
        logAccess(reader, AccessAction.READ, AccessEvent.SUCCESS, personId, null, "safe-address", personId, null);
        return found.get();
    }

    static Optional<SafeAddress> find(java.sql.Connection c, String personId) throws SQLException {
        return Rows.one(c, "SELECT * FROM safe_address WHERE person_id = ?", rs -> new SafeAddress(
                rs.getString("person_id"), rs.getString("address"), rs.getString("postal_code"),
                rs.getString("municipality"), Rows.names(rs.getString("restricted_to")), Rows.instant(rs, "recorded_at"),
                rs.getString("recorded_by")), personId);
    }

    @Override
    public RestrictedEntry addRestrictedEntry(Reader writer, String caseId, RestrictedEntryInput input) {
        Checks.reader(writer);
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "is required: " + List.of(EntryKind.values()));
        }
        String text = Checks.text("text", input.text(), 10_000);
        String source = Checks.text("source", input.source(), 200);
        List<String> about = input.aboutPersonIds() == null ? List.of() : List.copyOf(input.aboutPersonIds());
        List<String> to = Checks.restrictedTo(input.restrictedTo(), writer);
        Instant at = now();
        String id = UUID.randomUUID().toString();
        RestrictedEntry entry = write(c -> {
            Checks.caseExists(c, caseId);
            for (int i = 0; i < about.size(); i++) {
                String p = about.get(i);
                if (Rows.one(c, "SELECT person_id FROM case_member WHERE case_id = ? AND person_id = ?",
                        rs -> rs.getString(1), caseId, p).isEmpty()) {
                    throw new InvalidInputException("aboutPersonIds[" + i + "]", "is not a member of the case");
                }
            }
            Rows.update(c, "INSERT INTO case_entry (id, case_id, entry_kind, body_text, source, author_id, author_name, "
                    + "author_role, recorded_at, restricted_to) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)", id, caseId,
                    input.kind().name(), text, source, writer.userId(), writer.name() == null ? writer.userId() : writer.name(),
                    at, String.join(",", to));
            for (int i = 0; i < about.size(); i++) {
                Rows.update(c, "INSERT INTO case_entry_person (entry_id, person_id, seq_no) VALUES (?, ?, ?)", id,
                        about.get(i), i);
            }
            return new RestrictedEntry(id, caseId, input.kind(), text, source, about, to, writer.userId(),
                    writer.name() == null ? writer.userId() : writer.name(), at);
        });
        log.append(new AccessEvent(AccessAction.CREATE, AccessEvent.SUCCESS, writer.userId(), writer.name(),
                String.join(",", writer.roles()), null, null, about, caseId, "restricted-entry", id, null, null,
                writer.organisation(), true));
        return entry;
    }

    @Override
    public List<RestrictedEntry> restrictedEntries(Reader reader, String caseId) {
        Checks.reader(reader);
        List<RestrictedEntry> all = read(c -> {
            Checks.caseExists(c, caseId);
            return entries(c, caseId);
        });
        List<RestrictedEntry> visible = new ArrayList<>();
        for (RestrictedEntry e : all) {
            boolean named = reader.isNamedIn(e.restrictedTo());
            log.append(new AccessEvent(AccessAction.READ, named ? AccessEvent.SUCCESS : AccessEvent.DENIED,
                    reader.userId(), reader.name(), String.join(",", reader.roles()), null, null, e.aboutPersonIds(),
                    caseId, "restricted-entry", e.id(), null, named ? null : "reader not named on the entry",
                    reader.organisation(), true));
            if (named) {
                visible.add(e);
            }
        }
        return visible;
    }

    /** Every restricted entry of a case, oldest first. */
    static List<RestrictedEntry> entries(java.sql.Connection c, String caseId) throws SQLException {
        Map<String, List<String>> about = new java.util.HashMap<>();
        for (String[] row : Rows.list(c, "SELECT p.entry_id, p.person_id FROM case_entry_person p JOIN case_entry e "
                + "ON e.id = p.entry_id WHERE e.case_id = ? AND e.restricted_to IS NOT NULL ORDER BY p.entry_id, p.seq_no",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, caseId)) {
            about.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        return Rows.list(c, "SELECT * FROM case_entry WHERE case_id = ? AND restricted_to IS NOT NULL ORDER BY seq_no",
                rs -> new RestrictedEntry(rs.getString("id"), caseId, EntryKind.valueOf(rs.getString("entry_kind")),
                        rs.getString("body_text"), rs.getString("source"),
                        List.copyOf(about.getOrDefault(rs.getString("id"), List.of())),
                        Rows.names(rs.getString("restricted_to")), rs.getString("author_id"), rs.getString("author_name"),
                        Rows.instant(rs, "recorded_at")), caseId);
    }

    private <T> T write(Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new PrivacyFailure(e);
        }
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new PrivacyFailure(e);
        }
    }
}
