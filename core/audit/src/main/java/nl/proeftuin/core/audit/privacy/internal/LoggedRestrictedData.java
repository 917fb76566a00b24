package nl.proeftuin.core.audit.privacy.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.audit.privacy.ReaderInput;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.RestrictedEntry;
import nl.proeftuin.core.audit.privacy.RestrictedEntryInput;
import nl.proeftuin.core.audit.privacy.RestrictedNotice;
import nl.proeftuin.core.audit.privacy.SafeAddress;
import nl.proeftuin.core.audit.privacy.SafeAddressInput;
import nl.proeftuin.core.audit.privacy.SafeAddressVersion;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.privacy.PrivacyStore;
import nl.proeftuin.core.store.privacy.RestrictedDataStore;
import nl.proeftuin.core.store.privacy.StoredNotice;
import nl.proeftuin.core.store.privacy.StoredRestrictedEntry;
import nl.proeftuin.core.store.privacy.StoredSafeAddress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Safe addresses and restricted entries, each read decided against the reader and logged (as
 * restricted entries of the access log, which a person's access view never shows). A read is logged
 * before the data is returned: when the log cannot be written, nothing is shown. Only a reader named
 * on the current version changes it or adds a reader; every version of a safe address is kept
 * (safe_address_version), every added reader of an entry (restricted_reader_added); the users named
 * are notified (restricted_notice).
 */
@Component(service = RestrictedData.class)
public class LoggedRestrictedData implements RestrictedData {
    private final Database database;
    private final RestrictedDataStore store;
    private final PrivacyStore subjects;
    private final AccessLog log;
    private final Clock clock;

    @Activate
    public LoggedRestrictedData(@Reference Database database, @Reference RestrictedDataStore store,
            @Reference PrivacyStore subjects, @Reference AccessLog log) {
        this(database, store, subjects, log, Clock.systemUTC());
    }

    /** For tests (this package is not exported): the service with a clock. */
    public LoggedRestrictedData(Database database, RestrictedDataStore store, PrivacyStore subjects, AccessLog log,
            Clock clock) {
        this.database = database;
        this.store = store;
        this.subjects = subjects;
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
        List<String> given = Checks.restrictedTo(input.restrictedTo(), writer);
        List<List<String>> stored = new ArrayList<>(List.of(given));
        Instant at = now();
        // Who may change it: only a reader named on the current version (a case position named on it
        // counts for whoever holds it now). Not the case's casusregie holder as such: casusregie directs
        // the case, it does not make a worker one of those a shelter address is entrusted to; a list that
        // should follow casusregie names role:CASUSREGIE. The first version may be recorded by anyone
        // with need to know on the person (the API's guard decided that).
        Optional<SafeAddress> previous = write(c -> {
            Checks.personExists(c, subjects, personId);
            Checks.allExist(c, subjects, input.restrictedTo());
            Optional<Integer> version = store.lockSafeAddress(c, personId);
            Optional<SafeAddress> current = find(c, store, personId);
            if (current.isPresent() && !named(c, store, writer, current.get().restrictedTo(), personId, null)) {
                throw new NotNamed();
            }
            List<String> to = tied(c, given, personId, writer, null);
            stored.set(0, to);
            int next = version.orElse(0) + 1;
            StoredSafeAddress row = new StoredSafeAddress(personId, address, postalCode, municipality, to, at,
                    writer.userId(), next, null);
            if (current.isPresent()) {
                store.updateSafeAddress(c, row);
            } else {
                try {
                    store.insertSafeAddress(c, row);
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                    // another first version was recorded at the same moment: it stands; nothing of this one is kept
                    throw new RuleViolationException("concurrent-change",
                            "A safe address for person " + personId + " was recorded at the same time; nothing was changed");
                }
            }
            SafeAddress saved = new SafeAddress(personId, address, postalCode, municipality, to, at, writer.userId());
            version(c, saved, next, current.isPresent() ? "CHANGED" : "RECORDED");
            if (current.isPresent()) {
                notify(c, writer, recipients(c, List.of(current.get().restrictedTo(), to), personId, null), personId, null,
                        "safe-address", personId, "The safe address you are named on was changed by " + who(writer)
                                + " (version " + next + ")", at);
            }
            return current;
        }, () -> logAccess(writer, AccessAction.UPDATE, AccessEvent.DENIED, personId, null, "safe-address", personId,
                "writer not named on the current safe address"), () -> new RuleViolationException(RestrictedData.NOT_NAMED,
                        "Only those named on the current safe address of person " + personId + " may change it"));
        logAccess(writer, AccessAction.UPDATE, AccessEvent.SUCCESS, personId, null, "safe-address", personId,
                previous.isPresent() ? "safe address changed (new version)" : "safe address recorded");
        return new SafeAddress(personId, address, postalCode, municipality, stored.get(0), at, writer.userId());
    }

    @Override
    public SafeAddress safeAddress(Reader reader, String personId) {
        Checks.reader(reader);
        Optional<SafeAddress> found = read(c -> {
            Optional<SafeAddress> a = find(c, store, personId);
            return a.isPresent() && named(c, store, reader, a.get().restrictedTo(), personId, null) ? a : Optional.empty();
        });
        if (found.isEmpty()) {
            boolean exists = read(c -> find(c, store, personId).isPresent());
            logAccess(reader, AccessAction.READ, AccessEvent.DENIED, personId, null, "safe-address", personId,
                    exists ? "reader not named on the safe address" : "no safe address");
            throw new NotFoundException("safe address of person " + personId);
        }
        logAccess(reader, AccessAction.READ, AccessEvent.SUCCESS, personId, null, "safe-address", personId, null);
        return found.get();
    }

    @Override
    public List<SafeAddressVersion> safeAddressHistory(Reader reader, String personId) {
        safeAddress(reader, personId); // the same decision, logged
        List<SafeAddressVersion> versions = read(c -> store.safeAddressVersions(c, personId).stream()
                .map(v -> new SafeAddressVersion(v.personId(), v.versionNo(), v.changeKind(), v.address(), v.postalCode(),
                        v.municipality(), v.restrictedTo(), v.recordedAt(), v.recordedBy())).toList());
        logAccess(reader, AccessAction.READ, AccessEvent.SUCCESS, personId, null, "safe-address", personId,
                "history: " + versions.size() + " version(s)");
        return versions;
    }

    @Override
    public SafeAddress addSafeAddressReader(Reader writer, String personId, ReaderInput input) {
        Checks.reader(writer);
        String name = Checks.name("reader", input == null ? null : input.reader());
        Instant at = now();
        boolean[] added = new boolean[1];
        SafeAddress saved = write(c -> {
            Optional<Integer> version = store.lockSafeAddress(c, personId);
            Optional<SafeAddress> current = find(c, store, personId);
            if (current.isEmpty() || !named(c, store, writer, current.get().restrictedTo(), personId, null)) {
                throw new NotNamed();
            }
            Checks.exists(c, subjects, "reader", name);
            SafeAddress a = current.get();
            List<String> names = tied(c, List.of(name), personId, writer, "reader");
            if (a.restrictedTo().containsAll(names)) {
                return a; // named already: nothing changes, no new version
            }
            List<String> to = new ArrayList<>(a.restrictedTo());
            names.stream().filter(n -> !to.contains(n)).forEach(to::add);
            if (String.join(",", to).length() > 2000) {
                throw new InvalidInputException("reader", "makes the list of readers too long");
            }
            int next = version.orElse(1) + 1;
            store.updateSafeAddress(c, new StoredSafeAddress(personId, a.address(), a.postalCode(), a.municipality(),
                    List.copyOf(to), at, writer.userId(), next, null));
            SafeAddress changed = new SafeAddress(personId, a.address(), a.postalCode(), a.municipality(), List.copyOf(to), at,
                    writer.userId());
            version(c, changed, next, "READER_ADDED");
            added[0] = true;
            notify(c, writer, recipients(c, List.of(to), personId, null), personId, null, "safe-address", personId,
                    "A reader (" + name + ") was added to the safe address you are named on by " + who(writer), at);
            return changed;
        }, () -> logAccess(writer, AccessAction.UPDATE, AccessEvent.DENIED, personId, null, "safe-address", personId,
                "add reader " + name + ": no safe address the writer is named on"),
                () -> new NotFoundException("safe address of person " + personId));
        if (added[0]) {
            logAccess(writer, AccessAction.UPDATE, AccessEvent.SUCCESS, personId, null, "safe-address", personId,
                    "reader added: " + name);
        }
        return saved;
    }

    private void version(java.sql.Connection c, SafeAddress a, int versionNo, String kind) throws SQLException {
        store.insertSafeAddressVersion(c, new StoredSafeAddress(a.personId(), a.address(), a.postalCode(), a.municipality(),
                a.restrictedTo(), a.recordedAt(), a.recordedBy(), versionNo, kind));
    }

    static Optional<SafeAddress> find(java.sql.Connection c, RestrictedDataStore store, String personId)
            throws SQLException {
        return store.safeAddress(c, personId).map(a -> new SafeAddress(a.personId(), a.address(), a.postalCode(),
                a.municipality(), a.restrictedTo(), a.recordedAt(), a.recordedBy()));
    }

    /**
     * Whether the reader is named on a restriction list: by user, by platform role, or as the current
     * holder of a case position it names ({@link #positions}). A handover moves the position, so the
     * restriction follows it; the previous holder is no longer named by it.
     */
    static boolean named(java.sql.Connection c, RestrictedDataStore store, Reader reader, List<String> to,
            String personId, String caseId) throws SQLException {
        if (reader.isNamedIn(to)) {
            return true;
        }
        for (Map.Entry<String, Set<String>> p : positions(c, store, to, personId, caseId).entrySet()) {
            for (RestrictedDataStore.Holding a : store.activeHoldings(c, p.getKey(), null, reader.userId())) {
                if (holds(a, p.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The users the lists name now: by user id, and the current holders of the case positions they name. */
    private Set<String> recipients(java.sql.Connection c, List<List<String>> lists, String personId, String caseId)
            throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> to : lists) {
            for (String name : to) {
                if (name.startsWith("user:")) {
                    out.add(name.substring("user:".length()));
                }
            }
            for (Map.Entry<String, Set<String>> p : positions(c, store, to, personId, caseId).entrySet()) {
                for (RestrictedDataStore.Holding a : store.activeHoldings(c, p.getKey(), null, null)) {
                    if (holds(a, p.getValue())) {
                        out.add(a.professionalId());
                    }
                }
            }
        }
        return out;
    }

    private static boolean holds(RestrictedDataStore.Holding a, Set<String> positions) {
        return positions.contains("FIXED_PROFESSIONAL") && "FIXED_PROFESSIONAL".equals(a.role())
                || positions.contains("CASUSREGIE") && a.casusregie();
    }

    /**
     * The cases in which a list's case positions name their holders, with the positions named in each:
     * <ul>
     * <li>{@code role:FIXED_PROFESSIONAL@<caseId>} (how a safe address stores them) in that case, while the
     * person is a current member of it: a case the person left (an ended membership) names nobody;</li>
     * <li>a plain {@code role:FIXED_PROFESSIONAL} in the given case (a restricted entry's own), or, on a
     * person's list (a safe address stored before positions were tied to a case), in the person's one
     * current case: none when they are in several, where it cannot say which (the father's professional
     * in the child's other case is not whom a shelter address was entrusted to; decision 0063).</li>
     * </ul>
     */
    static Map<String, Set<String>> positions(java.sql.Connection c, RestrictedDataStore store, List<String> to,
            String personId, String caseId) throws SQLException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String name : to) {
            if (!name.startsWith("role:")) {
                continue;
            }
            String position = name.substring("role:".length());
            String anchor = null;
            int at = position.indexOf('@');
            if (at >= 0) {
                anchor = position.substring(at + 1);
                position = position.substring(0, at);
            }
            if (!Checks.CASE_POSITIONS.contains(position)) {
                continue;
            }
            String in;
            if (anchor != null) {
                if (personId != null) {
                    current = current != null ? current : store.currentCases(c, personId);
                    if (!current.contains(anchor)) {
                        continue;
                    }
                } else if (!anchor.equals(caseId)) {
                    continue;
                }
                in = anchor;
            } else if (caseId != null) {
                in = caseId;
            } else {
                current = current != null ? current : store.currentCases(c, personId);
                if (current.size() != 1) {
                    continue;
                }
                in = current.get(0);
            }
            out.computeIfAbsent(in, k -> new LinkedHashSet<>()).add(position);
        }
        return out;
    }

    /**
     * A safe address's list as stored: each plain case position tied to the person's current cases the
     * writer works in (holds or held an assignment in), so that it never names the holder of that position
     * in another case of the person; a position tied to a case already must name one of the person's
     * current cases. A plain position from a writer who works in none of them is refused (400): it would
     * name nobody.
     */
    private List<String> tied(java.sql.Connection c, List<String> to, String personId, Reader writer, String field)
            throws SQLException {
        List<String> current = store.currentCases(c, personId);
        List<String> worked = null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            String name = to.get(i);
            String role = name.startsWith("role:") ? name.substring("role:".length()) : "";
            int at = role.indexOf('@');
            if (at >= 0) {
                if (!current.contains(role.substring(at + 1))) {
                    throw new InvalidInputException(field != null ? field : "restrictedTo[" + i + "]",
                            "names a case the person is not a member of");
                }
                out.add(name);
            } else if (Checks.CASE_POSITIONS.contains(role)) {
                worked = worked != null ? worked : store.casesWorkedIn(c, personId, writer.userId());
                if (worked.isEmpty()) {
                    throw new InvalidInputException(field != null ? field : "restrictedTo[" + i + "]", "names a case position, but you work in"
                            + " none of this person's cases, so it would name nobody: name users (user:<id>), or "
                            + name + "@<caseId>");
                }
                for (String k : worked) {
                    out.add(name + "@" + k);
                }
            } else {
                out.add(name);
            }
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(out));
        if (String.join(",", distinct).length() > 2000) {
            throw new InvalidInputException("restrictedTo", "is too long");
        }
        return distinct;
    }

    /**
     * Notifies the named users (but the writer) that restricted data changed, in restricted_notice:
     * read by its recipient only. Not the coordinator's alert store (plugin_alert), which coordinators
     * who are not named read region-wide: it would tell them that restricted data exists.
     */
    private void notify(java.sql.Connection c, Reader writer, Set<String> recipients, String personId, String caseId,
            String objectType, String objectId, String message, Instant at) throws SQLException {
        for (String recipient : recipients) {
            if (recipient.equals(writer.userId())) {
                continue;
            }
            store.insertNotice(c, new StoredNotice(UUID.randomUUID().toString(), recipient, personId, caseId, objectType,
                    objectId, message, at, writer.userId()));
        }
    }

    @Override
    public List<RestrictedNotice> notices(Reader reader, int limit) {
        Checks.reader(reader);
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be from 1 to 500");
        }
        List<RestrictedNotice> notices = read(c -> store.notices(c, reader.userId(), limit).stream()
                .map(n -> new RestrictedNotice(n.id(), n.objectType(), n.objectId(), n.personId(), n.caseId(), n.message(),
                        n.createdAt(), n.createdBy())).toList());
        logAccess(reader, AccessAction.READ, AccessEvent.SUCCESS, null, null, "restricted-notice", null,
                "own notices: " + notices.size());
        return notices;
    }

    private static String who(Reader r) {
        return r.name() == null || r.name().isBlank() ? r.userId() : r.name() + " (" + r.userId() + ")";
    }

    /** A refusal decided inside a transaction: rolled back, logged, answered as the method documents. */
    private static final class NotNamed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotNamed() {
            super(null, null, false, false);
        }
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
            Checks.caseExists(c, subjects, caseId);
            Checks.allExist(c, subjects, input.restrictedTo());
            for (int i = 0; i < about.size(); i++) {
                String p = about.get(i);
                if (!store.isMember(c, caseId, p)) {
                    throw new InvalidInputException("aboutPersonIds[" + i + "]", "is not a member of the case");
                }
            }
            store.insertEntry(c, new StoredRestrictedEntry(id, caseId, input.kind().name(), text, source, about, to,
                    writer.userId(), writer.name() == null ? writer.userId() : writer.name(), at));
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
        Map<RestrictedEntry, Boolean> all = read(c -> {
            Checks.caseExists(c, subjects, caseId);
            Map<RestrictedEntry, Boolean> out = new java.util.LinkedHashMap<>();
            for (RestrictedEntry e : entries(c, caseId)) {
                out.put(e, named(c, store, reader, e.restrictedTo(), null, caseId));
            }
            return out;
        });
        List<RestrictedEntry> visible = new ArrayList<>();
        for (RestrictedEntry e : all.keySet()) {
            boolean named = all.get(e);
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

    @Override
    public RestrictedEntry addRestrictedEntryReader(Reader writer, String caseId, String entryId, ReaderInput input) {
        Checks.reader(writer);
        String name = Checks.name("reader", input == null ? null : input.reader());
        Instant at = now();
        RestrictedEntry[] before = new RestrictedEntry[1];
        RestrictedEntry saved = write(c -> {
            Checks.caseExists(c, subjects, caseId);
            store.lockEntry(c, caseId, entryId);
            RestrictedEntry e = entries(c, caseId).stream().filter(x -> x.id().equals(entryId)).findFirst().orElse(null);
            if (e == null || !named(c, store, writer, e.restrictedTo(), null, caseId)) {
                throw new NotNamed();
            }
            before[0] = e;
            Checks.exists(c, subjects, "reader", name);
            if (e.restrictedTo().contains(name)) {
                return e;
            }
            List<String> to = new ArrayList<>(e.restrictedTo());
            to.add(name);
            if (String.join(",", to).length() > 2000) {
                throw new InvalidInputException("reader", "makes the list of readers too long");
            }
            store.addEntryReader(c, caseId, entryId, to, name, at, writer.userId());
            notify(c, writer, recipients(c, List.of(to), null, caseId), null, caseId, "restricted-entry", entryId,
                    "A reader (" + name + ") was added to a restricted entry you are named on by " + who(writer), at);
            return new RestrictedEntry(e.id(), e.caseId(), e.kind(), e.text(), e.source(), e.aboutPersonIds(), List.copyOf(to),
                    e.authorId(), e.authorName(), e.recordedAt());
        }, () -> log.append(new AccessEvent(AccessAction.UPDATE, AccessEvent.DENIED, writer.userId(), writer.name(),
                String.join(",", writer.roles()), null, null, List.of(), caseId, "restricted-entry", entryId, null,
                "add reader " + name + ": no restricted entry the writer is named on", writer.organisation(), true)),
                () -> new NotFoundException("restricted entry " + entryId + " of case " + caseId));
        if (saved.restrictedTo().size() != before[0].restrictedTo().size()) {
            log.append(new AccessEvent(AccessAction.UPDATE, AccessEvent.SUCCESS, writer.userId(), writer.name(),
                    String.join(",", writer.roles()), null, null, saved.aboutPersonIds(), caseId, "restricted-entry",
                    entryId, null, "reader added: " + name, writer.organisation(), true));
        }
        return saved;
    }

    /** Every restricted entry of a case, oldest first. */
    private List<RestrictedEntry> entries(java.sql.Connection c, String caseId) throws SQLException {
        return entries(c, store, caseId);
    }

    static List<RestrictedEntry> entries(java.sql.Connection c, RestrictedDataStore store, String caseId)
            throws SQLException {
        List<RestrictedEntry> out = new ArrayList<>();
        for (StoredRestrictedEntry e : store.entries(c, caseId)) {
            out.add(new RestrictedEntry(e.id(), e.caseId(), EntryKind.valueOf(e.kind()), e.text(), e.source(),
                    e.aboutPersonIds(), e.restrictedTo(), e.authorId(), e.authorName(), e.recordedAt()));
        }
        return out;
    }

    private <T> T write(Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new PrivacyFailure(e);
        }
    }

    /** Work that may refuse ({@link NotNamed}): rolled back, the refusal logged, then the given answer thrown. */
    private <T> T write(Database.SqlWork<T> work, Runnable logDenied, Supplier<RuntimeException> answer) {
        try {
            return write(work);
        } catch (NotNamed refused) {
            logDenied.run();
            throw answer.get();
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
