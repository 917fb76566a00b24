package nl.proeftuin.core.audit.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.privacy.ErasureDecisionInput;
import nl.proeftuin.core.audit.privacy.ErasureRequest;
import nl.proeftuin.core.audit.privacy.ErasureRequestInput;
import nl.proeftuin.core.audit.privacy.ErasureStatus;
import nl.proeftuin.core.audit.privacy.LegalHold;
import nl.proeftuin.core.audit.privacy.LegalHoldInput;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.PurgeReport;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.audit.privacy.Rectification;
import nl.proeftuin.core.audit.privacy.RestrictedRoutes;
import nl.proeftuin.core.audit.privacy.RectificationInput;
import nl.proeftuin.core.audit.privacy.SafeAddress;
import nl.proeftuin.core.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The GDPR rights over the platform's tables, each call logged. Retention and erasure remove rows
 * generically: every table with a {@code case_id} (or {@code person_id}) column, so that tables added
 * by later migrations are covered without a change here; the access log and the accountability
 * tables (legal holds, erasure requests) are kept.
 */
@Component(service = PrivacyService.class)
@Designate(ocd = GdprRightsConfig.class)
public class GdprRights implements PrivacyService {
    static final String ERASED = "[gewist]";
    /** Kept when a case or person is removed: the accountability of the removal itself. */
    private static final List<String> KEPT = List.of("access_log", "access_log_person", "access_log_head",
            "legal_hold", "erasure_request");

    private final Database database;
    private final AccessLog log;
    private final Clock clock;
    private final Map<String, Integer> retention;

    @Activate
    public GdprRights(GdprRightsConfig config, @Reference Database database, @Reference AccessLog log) {
        this(database, log, Clock.systemUTC(), retention(config.retention()));
    }

    /** For tests (this package is not exported): the service with a clock and retention. */
    public GdprRights(Database database, AccessLog log, Clock clock, Map<String, Integer> retention) {
        this.database = database;
        this.log = log;
        this.clock = clock;
        this.retention = Map.copyOf(retention);
    }

    /** Parses "type=years"; a malformed or unknown value stops the component (a config error must be seen). */
    static Map<String, Integer> retention(String[] values) {
        Map<String, Integer> out = new TreeMap<>();
        for (String v : values) {
            String[] kv = v.split("=", 2);
            String type = kv[0].strip();
            if (kv.length != 2 || !List.of("case", "person").contains(type)) {
                throw new IllegalArgumentException("retention: expected case=<years> or person=<years>, not " + v);
            }
            int years = Integer.parseInt(kv[1].strip());
            if (years < 1 || years > 200) {
                throw new IllegalArgumentException("retention: years must be from 1 to 200: " + v);
            }
            out.put(type, years);
        }
        return out;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void logged(Reader r, AccessAction action, String personId, String objectType, String objectId, String detail) {
        log.append(new AccessEvent(action, AccessEvent.SUCCESS, r.userId(), r.name(), String.join(",", r.roles()), null,
                null, personId == null ? List.of() : List.of(personId), null, objectType, objectId, null, detail,
                r.organisation(), false));
    }

    // ---------------------------------------------------------------------------------------- export

    @Override
    public PersonalDataExport export(Reader reader, String personId) {
        Checks.reader(reader);
        PersonalDataExport export = read(c -> {
            Checks.personExists(c, personId);
            Map<String, Object> person = Rows.maps(c, "SELECT * FROM person WHERE id = ?", personId).get(0);
            // the BSN is held encrypted: its digest and ciphertext are no information to the person
            person.remove("national_id_digest");
            person.remove("national_id_sealed");
            person.remove("given_name_lc");
            person.remove("family_name_lc");
            // the person's safe address only when it names them AND the one who makes the export is named on it:
            // an export made by a professional who is not named must not carry it (nor show that it exists)
            SafeAddress own = null;
            SafeAddress held = LoggedRestrictedData.find(c, personId).orElse(null);
            if (held != null && held.restrictedTo().contains("person:" + personId)
                    && LoggedRestrictedData.named(c, reader, held.restrictedTo(), personId, null)) {
                own = held;
            }
            List<Map<String, Object>> cases = Rows.maps(c, "SELECT f.id, f.municipality, f.status, f.phase, f.framework, "
                    + "f.signal_kind, f.signal_source, f.signal_description, f.signal_received_on, f.opened_at, f.opened_by, "
                    + "f.closed_reason FROM family_case f JOIN case_member m ON m.case_id = f.id WHERE m.person_id = ? "
                    + "ORDER BY f.opened_at", personId);
            for (Map<String, Object> k : cases) {
                k.put("roles", Rows.list(c, "SELECT family_role FROM case_member_role WHERE case_id = ? AND person_id = ? "
                        + "ORDER BY family_role", rs -> rs.getString(1), k.get("id"), personId));
                k.put("team", Rows.maps(c, "SELECT professional_name, organisation, professional_role, casusregie, "
                        + "since_date, until_date FROM assignment WHERE case_id = ? ORDER BY seq_no", k.get("id")));
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Map<String, Object> e : Rows.maps(c, "SELECT e.id, e.case_id, e.entry_kind, e.body_text, e.source, "
                    + "e.author_name, e.author_role, e.recorded_at, e.restricted_to FROM case_entry e JOIN case_entry_person p "
                    + "ON p.entry_id = e.id WHERE p.person_id = ? ORDER BY e.seq_no", personId)) {
                Object to = e.remove("restricted_to");
                // a restricted entry only when it names this person (never someone else's restricted item) and
                // the one who makes the export is named on it
                if (to == null || Rows.names(to.toString()).contains("person:" + personId)
                        && LoggedRestrictedData.named(c, reader, Rows.names(to.toString()), null, String.valueOf(e.get("case_id")))) {
                    entries.add(e);
                }
            }
            return new PersonalDataExport(now(), personId, person, own,
                    Rows.maps(c, "SELECT * FROM relationship WHERE from_person_id = ? OR to_person_id = ? ORDER BY seq_no",
                            personId, personId),
                    Rows.maps(c, "SELECT h.address, h.postal_code, h.municipality, m.since_date, m.until_date "
                            + "FROM household_membership m JOIN household h ON h.id = m.household_id WHERE m.person_id = ? "
                            + "ORDER BY m.seq_no", personId),
                    cases, entries,
                    Rows.maps(c, "SELECT * FROM consent WHERE person_id = ?", personId),
                    Rows.maps(c, "SELECT v.case_id, v.version_no, v.content, v.note, v.created_at, v.created_by "
                            + "FROM plan_version v JOIN case_member m ON m.case_id = v.case_id WHERE m.person_id = ? "
                            + "ORDER BY v.case_id, v.version_no", personId),
                    rectifications(c, personId), erasureRequests(c, personId), holdsOfPerson(c, personId),
                    List.of());
        });
        // the access log's own view for the person, without restricted entries, then the export is logged
        // (and without the entries of the restricted-data routes: that restricted data exists is itself restricted)
        List<nl.proeftuin.core.audit.AccessLogEntry> access = log.forPerson(personId, null, null, 1000).stream()
                .filter(e -> !RestrictedRoutes.concernsRestrictedData(e)).toList();
        if (export.safeAddress() != null) {
            log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, reader.userId(), reader.name(),
                    String.join(",", reader.roles()), null, null, List.of(personId), null, "safe-address", personId, null,
                    "in the GDPR export", reader.organisation(), true));
        }
        logged(reader, AccessAction.EXPORT, personId, "person", personId, "GDPR export (right of access)");
        return new PersonalDataExport(export.generatedAt(), export.personId(), export.person(), export.safeAddress(),
                export.relationships(), export.households(), export.cases(), export.entries(), export.consents(),
                export.planVersions(), export.rectifications(), export.erasureRequests(), export.legalHolds(), access);
    }

    // ---------------------------------------------------------------------------------------- rectification

    @Override
    public Rectification rectify(Reader writer, String personId, RectificationInput input) {
        Checks.reader(writer);
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        String field = Checks.text("field", input.field(), 40);
        String value = Checks.text("newValue", input.newValue(), 200);
        String reason = Checks.text("reason", input.reason(), 2000);
        String column = switch (field) {
            case "givenName" -> "given_name";
            case "familyName" -> "family_name";
            case "dateOfBirth" -> "date_of_birth";
            default -> throw new InvalidInputException("field", "must be givenName, familyName or dateOfBirth");
        };
        Object newValue = value;
        if (column.equals("date_of_birth")) {
            try {
                LocalDate d = LocalDate.parse(value);
                if (d.isAfter(LocalDate.now(clock)) || d.isBefore(LocalDate.now(clock).minusYears(120))) {
                    throw new InvalidInputException("newValue", "is not a plausible date of birth");
                }
                newValue = d;
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("newValue", "must be a date yyyy-mm-dd");
            }
        }
        Object stored = newValue;
        Instant at = now();
        String id = UUID.randomUUID().toString();
        Rectification r = write(c -> {
            Checks.personExists(c, personId);
            String old = Rows.one(c, "SELECT " + column + " FROM person WHERE id = ? FOR UPDATE",
                    rs -> String.valueOf(rs.getObject(1)), personId).orElseThrow();
            if (column.equals("date_of_birth")) {
                Rows.update(c, "UPDATE person SET date_of_birth = ? WHERE id = ?", stored, personId);
            } else {
                Rows.update(c, "UPDATE person SET " + column + " = ?, " + column + "_lc = ? WHERE id = ?", value,
                        value.toLowerCase(Locale.ROOT), personId);
            }
            Rows.update(c, "INSERT INTO rectification (id, person_id, field_name, old_value, new_value, reason, made_at, "
                    + "made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, personId, field, old, value, reason, at, writer.userId());
            return new Rectification(id, personId, field, old, value, reason, at, writer.userId());
        });
        logged(writer, AccessAction.RECTIFICATION, personId, "person", personId, "rectified " + field + ": " + reason);
        return r;
    }

    @Override
    public List<Rectification> rectifications(String personId) {
        return read(c -> {
            Checks.personExists(c, personId);
            return rectifications(c, personId);
        });
    }

    private static List<Rectification> rectifications(Connection c, String personId) throws SQLException {
        return Rows.list(c, "SELECT * FROM rectification WHERE person_id = ? ORDER BY seq_no", rs -> new Rectification(
                rs.getString("id"), rs.getString("person_id"), rs.getString("field_name"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("reason"), Rows.instant(rs, "made_at"), rs.getString("made_by")),
                personId);
    }

    // ---------------------------------------------------------------------------------------- erasure

    @Override
    public ErasureRequest requestErasure(Reader requester, String personId, ErasureRequestInput input) {
        Checks.reader(requester);
        String reason = Checks.text("reason", input == null ? null : input.reason(), 2000);
        Instant at = now();
        String id = UUID.randomUUID().toString();
        ErasureRequest request = write(c -> {
            Checks.personExists(c, personId);
            Rows.update(c, "INSERT INTO erasure_request (id, person_id, status, reason, requested_at, requested_by) "
                    + "VALUES (?, ?, 'REQUESTED', ?, ?, ?)", id, personId, reason, at, requester.userId());
            return new ErasureRequest(id, personId, ErasureStatus.REQUESTED, reason, at, requester.userId(), null, null, null);
        });
        logged(requester, AccessAction.ERASURE, personId, "erasure-request", id, "erasure requested: " + reason);
        return request;
    }

    @Override
    public ErasureRequest approveErasure(Reader approver, String requestId, ErasureDecisionInput input) {
        return decide(approver, requestId, input, true);
    }

    @Override
    public ErasureRequest rejectErasure(Reader decider, String requestId, ErasureDecisionInput input) {
        return decide(decider, requestId, input, false);
    }

    private ErasureRequest decide(Reader decider, String requestId, ErasureDecisionInput input, boolean approve) {
        Checks.reader(decider);
        String note = Checks.text("note", input == null ? null : input.note(), 2000);
        Instant at = now();
        ErasureRequest decided = write(c -> {
            ErasureRequest r = Rows.one(c, "SELECT * FROM erasure_request WHERE id = ? FOR UPDATE", GdprRights::erasure,
                    requestId).orElseThrow(() -> new NotFoundException("erasure request " + requestId));
            if (r.status() != ErasureStatus.REQUESTED) {
                throw new RuleViolationException("erasure-decided", "erasure request " + requestId + " is already " + r.status());
            }
            if (r.requestedBy().equals(decider.userId())) {
                throw new RuleViolationException("four-eyes", "a second person decides an erasure request, not the one who asked for it");
            }
            ErasureStatus status;
            String outcome;
            if (!approve) {
                status = ErasureStatus.REJECTED;
                outcome = "rejected: " + note;
            } else {
                String refusal = refusal(c, r.personId(), at);
                if (refusal != null) {
                    status = ErasureStatus.REFUSED;
                    outcome = refusal;
                } else {
                    erasePerson(c, r.personId());
                    status = ErasureStatus.ERASED;
                    outcome = "erased: names, date of birth (to the first of January of the year), BSN, relationships, "
                            + "household memberships, safe address and rectification history; " + note;
                }
            }
            Rows.update(c, "UPDATE erasure_request SET status = ?, decided_at = ?, decided_by = ?, outcome = ? WHERE id = ?",
                    status.name(), at, decider.userId(), outcome, requestId);
            return new ErasureRequest(r.id(), r.personId(), status, r.reason(), r.requestedAt(), r.requestedBy(), at,
                    decider.userId(), outcome);
        });
        logged(decider, AccessAction.ERASURE, decided.personId(), "erasure-request", requestId,
                "erasure " + decided.status() + ": " + decided.outcome());
        return decided;
    }

    /** Why the law keeps the person's data, or null when it may be erased. */
    private String refusal(Connection c, String personId, Instant at) throws SQLException {
        if (!activeHolds(c, personId).isEmpty()) {
            return "refused: a legal hold applies to the person or one of their cases";
        }
        List<String> cases = Rows.list(c, "SELECT case_id FROM case_member WHERE person_id = ?", rs -> rs.getString(1), personId);
        if (!cases.isEmpty()) {
            return "refused: the person is in " + cases.size() + " case file(s) under the retention of youth-care files ("
                    + retention.getOrDefault("case", 20) + " years after closing); the retention job removes them in time";
        }
        return null;
    }

    private static void erasePerson(Connection c, String personId) throws SQLException {
        Rows.update(c, "DELETE FROM relationship WHERE from_person_id = ? OR to_person_id = ?", personId, personId);
        Rows.update(c, "DELETE FROM household_membership WHERE person_id = ?", personId);
        Rows.update(c, "DELETE FROM safe_address WHERE person_id = ?", personId);
        // an approved erasure erases the safe address's earlier versions and the notices about it too
        Rows.update(c, "DELETE FROM safe_address_version WHERE person_id = ?", personId);
        Rows.update(c, "DELETE FROM restricted_notice WHERE person_id = ?", personId);
        Rows.update(c, "DELETE FROM rectification WHERE person_id = ?", personId);
        Rows.update(c, "UPDATE person SET given_name = ?, family_name = ?, given_name_lc = ?, family_name_lc = ?, "
                + "national_id_digest = NULL, national_id_sealed = NULL, national_id_last3 = NULL WHERE id = ?",
                ERASED, ERASED, ERASED, ERASED, personId);
        LocalDate dob = Rows.one(c, "SELECT date_of_birth FROM person WHERE id = ?", rs -> rs.getObject(1, LocalDate.class),
                personId).orElseThrow();
        Rows.update(c, "UPDATE person SET date_of_birth = ? WHERE id = ?", LocalDate.of(dob.getYear(), 1, 1), personId);
    }

    @Override
    public List<ErasureRequest> erasureRequests(String personId) {
        return read(c -> erasureRequests(c, personId));
    }

    private static List<ErasureRequest> erasureRequests(Connection c, String personId) throws SQLException {
        return Rows.list(c, "SELECT * FROM erasure_request WHERE person_id = ? ORDER BY requested_at", GdprRights::erasure,
                personId);
    }

    private static ErasureRequest erasure(java.sql.ResultSet rs) throws SQLException {
        return new ErasureRequest(rs.getString("id"), rs.getString("person_id"), ErasureStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), Rows.instant(rs, "requested_at"), rs.getString("requested_by"),
                Rows.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("outcome"));
    }

    // ---------------------------------------------------------------------------------------- legal hold

    @Override
    public LegalHold placeHold(Reader writer, LegalHoldInput input) {
        Checks.reader(writer);
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        String type = Checks.text("subjectType", input.subjectType(), 20).toUpperCase(Locale.ROOT);
        String reason = Checks.text("reason", input.reason(), 2000);
        Instant at = now();
        String id = UUID.randomUUID().toString();
        LegalHold hold = write(c -> {
            switch (type) {
                case "PERSON" -> Checks.personExists(c, input.subjectId());
                case "CASE" -> Checks.caseExists(c, input.subjectId());
                default -> throw new InvalidInputException("subjectType", "must be PERSON or CASE");
            }
            Rows.update(c, "INSERT INTO legal_hold (id, subject_type, subject_id, reason, placed_at, placed_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", id, type, input.subjectId(), reason, at, writer.userId());
            return new LegalHold(id, type, input.subjectId(), reason, at, writer.userId(), null, null);
        });
        logged(writer, AccessAction.UPDATE, type.equals("PERSON") ? input.subjectId() : null, "legal-hold", id,
                "legal hold placed on " + type + " " + input.subjectId() + ": " + reason);
        return hold;
    }

    @Override
    public LegalHold liftHold(Reader writer, String holdId, ErasureDecisionInput input) {
        Checks.reader(writer);
        String note = Checks.text("note", input == null ? null : input.note(), 2000);
        Instant at = now();
        LegalHold lifted = write(c -> {
            LegalHold h = Rows.one(c, "SELECT * FROM legal_hold WHERE id = ? FOR UPDATE", GdprRights::hold, holdId)
                    .orElseThrow(() -> new NotFoundException("legal hold " + holdId));
            if (h.liftedAt() != null) {
                throw new RuleViolationException("hold-lifted", "legal hold " + holdId + " was lifted already");
            }
            Rows.update(c, "UPDATE legal_hold SET lifted_at = ?, lifted_by = ? WHERE id = ?", at, writer.userId(), holdId);
            return new LegalHold(h.id(), h.subjectType(), h.subjectId(), h.reason(), h.placedAt(), h.placedBy(), at,
                    writer.userId());
        });
        logged(writer, AccessAction.UPDATE, lifted.subjectType().equals("PERSON") ? lifted.subjectId() : null,
                "legal-hold", holdId, "legal hold lifted: " + note);
        return lifted;
    }

    @Override
    public List<LegalHold> holds(String subjectId) {
        return read(c -> Rows.list(c, "SELECT * FROM legal_hold WHERE subject_id = ? ORDER BY placed_at", GdprRights::hold,
                subjectId));
    }

    private static LegalHold hold(java.sql.ResultSet rs) throws SQLException {
        return new LegalHold(rs.getString("id"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("reason"), Rows.instant(rs, "placed_at"), rs.getString("placed_by"),
                Rows.instant(rs, "lifted_at"), rs.getString("lifted_by"));
    }

    /** Holds on the person and on their cases. */
    private static List<LegalHold> holdsOfPerson(Connection c, String personId) throws SQLException {
        return Rows.list(c, "SELECT * FROM legal_hold WHERE (subject_type = 'PERSON' AND subject_id = ?) OR "
                + "(subject_type = 'CASE' AND subject_id IN (SELECT case_id FROM case_member WHERE person_id = ?)) "
                + "ORDER BY placed_at", GdprRights::hold, personId, personId);
    }

    private static List<LegalHold> activeHolds(Connection c, String personId) throws SQLException {
        return holdsOfPerson(c, personId).stream().filter(h -> h.liftedAt() == null).toList();
    }

    private static boolean caseHeld(Connection c, String caseId) throws SQLException {
        return !Rows.list(c, "SELECT id FROM legal_hold WHERE lifted_at IS NULL AND ((subject_type = 'CASE' AND subject_id = ?) "
                + "OR (subject_type = 'PERSON' AND subject_id IN (SELECT person_id FROM case_member WHERE case_id = ?)))",
                rs -> rs.getString(1), caseId, caseId).isEmpty();
    }

    // ---------------------------------------------------------------------------------------- retention

    @Override
    public PurgeReport purge(String actorId, boolean dryRun) {
        if (actorId == null || actorId.isBlank()) {
            throw new InvalidInputException("actorId", "is required");
        }
        Instant at = now();
        Instant caseCutoff = at.atOffset(ZoneOffset.UTC).minusYears(retention.getOrDefault("case", 20)).toInstant();
        Instant personCutoff = at.atOffset(ZoneOffset.UTC).minusYears(retention.getOrDefault("person", 20)).toInstant();
        PurgeReport report = write(c -> {
            List<String> purgedCases = new ArrayList<>();
            List<String> held = new ArrayList<>();
            // a closed case's retention runs from its last event (the closing is one)
            for (String caseId : Rows.list(c, "SELECT f.id FROM family_case f WHERE f.status = 'CLOSED' AND "
                    + "(SELECT MAX(e.occurred_at) FROM case_event e WHERE e.case_id = f.id) < ? ORDER BY f.id",
                    rs -> rs.getString(1), caseCutoff)) {
                if (caseHeld(c, caseId)) {
                    held.add("case " + caseId);
                    continue;
                }
                purgedCases.add(caseId);
                if (!dryRun) {
                    removeCase(c, caseId);
                }
            }
            List<String> purgedPersons = new ArrayList<>();
            // a person is past retention when recorded before the cut-off and in no case once the purged ones are gone
            for (String personId : Rows.list(c, "SELECT p.id FROM person p WHERE p.created_at < ? ORDER BY p.id",
                    rs -> rs.getString(1), personCutoff)) {
                List<String> inCases = Rows.list(c, "SELECT case_id FROM case_member WHERE person_id = ?",
                        rs -> rs.getString(1), personId);
                if (!purgedCases.containsAll(inCases)) {
                    continue;
                }
                if (!activeHolds(c, personId).isEmpty()) {
                    held.add("person " + personId);
                    continue;
                }
                purgedPersons.add(personId);
                if (!dryRun) {
                    removeRows(c, "person_id", personId, List.of("person"));
                    Rows.update(c, "DELETE FROM relationship WHERE from_person_id = ? OR to_person_id = ?", personId, personId);
                    Rows.update(c, "DELETE FROM person WHERE id = ?", personId);
                }
            }
            return new PurgeReport(at, dryRun, retention, purgedCases, purgedPersons, held);
        });
        log.append(new AccessEvent(AccessAction.PURGE, AccessEvent.SUCCESS, actorId, null, null, null,
                "retention " + retention, List.of(), null, "retention", null, null,
                (dryRun ? "dry run: would purge " : "purged ") + report.casesPurged().size() + " case(s) "
                        + report.casesPurged() + ", " + report.personsPurged().size() + " person(s); held: " + report.held()));
        return report;
    }

    private static void removeCase(Connection c, String caseId) throws SQLException {
        Rows.update(c, "DELETE FROM case_entry_person WHERE entry_id IN (SELECT id FROM case_entry WHERE case_id = ?)", caseId);
        removeRows(c, "case_id", caseId, List.of("family_case"));
        Rows.update(c, "DELETE FROM family_case WHERE id = ?", caseId);
    }

    /**
     * Deletes the rows with {@code column = id} in every table that has that column (but the kept
     * ones), in an order the foreign keys allow: a delete that a reference still blocks is undone to
     * a savepoint and tried again after the others.
     */
    private static void removeRows(Connection c, String column, String id, List<String> last) throws SQLException {
        List<String> tables = Rows.list(c, "SELECT table_name FROM information_schema.columns WHERE LOWER(column_name) = ? "
                + "AND LOWER(table_schema) IN ('public') ORDER BY table_name", rs -> rs.getString(1).toLowerCase(Locale.ROOT),
                column);
        tables.removeIf(t -> KEPT.contains(t) || last.contains(t));
        for (int round = 0; round <= tables.size() && !tables.isEmpty(); round++) {
            for (String table : List.copyOf(tables)) {
                Savepoint sp = c.setSavepoint();
                try {
                    Rows.update(c, "DELETE FROM " + table + " WHERE " + column + " = ?", id);
                    c.releaseSavepoint(sp);
                    tables.remove(table);
                } catch (SQLException blocked) {
                    c.rollback(sp);
                }
            }
        }
        if (!tables.isEmpty()) {
            throw new SQLException("rows of " + column + " " + id + " in " + tables + " could not be removed");
        }
    }

    // ---------------------------------------------------------------------------------------- monitor

    @Override
    public String monitorExport(Reader reader) {
        Checks.reader(reader);
        LocalDate today = LocalDate.now(clock);
        String csv = write(c -> {
            byte[] key = Base64.getDecoder().decode(key(c));
            StringBuilder out = new StringBuilder("case_pseudonym,person_pseudonym,age_band,family_roles,municipality,"
                    + "status,phase,framework,opened_month\n");
            for (Map<String, Object> row : Rows.maps(c, "SELECT f.id AS case_id, m.person_id, p.date_of_birth, f.municipality, "
                    + "f.status, f.phase, f.framework, f.opened_at FROM family_case f JOIN case_member m ON m.case_id = f.id "
                    + "JOIN person p ON p.id = m.person_id ORDER BY f.opened_at, f.id, m.seq_no")) {
                String roles = String.join("|", Rows.list(c, "SELECT family_role FROM case_member_role WHERE case_id = ? "
                        + "AND person_id = ? ORDER BY family_role", rs -> rs.getString(1), row.get("case_id"), row.get("person_id")));
                int age = Period.between(LocalDate.parse(row.get("date_of_birth").toString()), today).getYears();
                out.append(pseudonym(key, "case:" + row.get("case_id"))).append(',')
                        .append(pseudonym(key, "person:" + row.get("person_id"))).append(',')
                        .append(ageBand(age)).append(',').append(roles).append(',')
                        .append(csvCell(String.valueOf(row.get("municipality")))).append(',')
                        .append(row.get("status")).append(',').append(row.get("phase")).append(',')
                        .append(row.get("framework")).append(',')
                        .append(row.get("opened_at").toString(), 0, 7).append('\n');
            }
            return out.toString();
        });
        log.append(new AccessEvent(AccessAction.EXPORT, AccessEvent.SUCCESS, reader.userId(), reader.name(),
                String.join(",", reader.roles()), null, "outcome monitor", List.of(), null, "monitor-export", null, null,
                "pseudonymised export: " + (csv.lines().count() - 1) + " rows", reader.organisation(), false));
        return csv;
    }

    static String ageBand(int age) {
        if (age < 4) {
            return "0-3";
        } else if (age < 12) {
            return "4-11";
        } else if (age < 18) {
            return "12-17";
        } else if (age < 23) {
            return "18-22";
        } else if (age < 65) {
            return "23-64";
        }
        return "65+";
    }

    /** A cell that a spreadsheet never reads as a formula and that cannot break the CSV's shape. */
    static String csvCell(String value) {
        String v = value.replaceAll("[\\p{Cntrl}]", " ");
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static String pseudonym(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** The installation's pseudonym key, made at first use (stable, so the monitor can follow a case over time). */
    private static String key(Connection c) throws SQLException {
        var existing = Rows.one(c, "SELECT secret FROM pseudonym_key WHERE key_id = 1", rs -> rs.getString(1));
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        Rows.update(c, "INSERT INTO pseudonym_key (key_id, secret) VALUES (1, ?)", secret);
        return secret;
    }

    private <T> T write(Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new PrivacyFailure(e);
        }
    }

    private <T> T read(Database.SqlWork<T> work) {
        return write(work);
    }
}
