package nl.proeftuin.core.audit.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
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
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.PersonRectification;
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
import nl.proeftuin.core.store.privacy.ErasureStore;
import nl.proeftuin.core.store.privacy.PrivacyStore;
import nl.proeftuin.core.store.privacy.RestrictedDataStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The GDPR rights over the platform's tables, each call logged. Retention and erasure remove rows
 * through the {@link ErasureStore}'s explicit, ordered table lists (a store test checks that they
 * name every table with a case or person column); the access log and the accountability tables
 * (legal holds, erasure requests) are kept. A rectification is a change of the family's data, made by
 * the {@link FamilyService} (the cases' history and their local teams hear it).
 */
@Component(service = PrivacyService.class)
@Designate(ocd = GdprRightsConfig.class)
public class GdprRights implements PrivacyService {
    static final String ERASED = "[gewist]";
    /** The width of erasure_request.outcome (V8): the decision's outcome, a fixed prefix and the decider's note. */
    static final int OUTCOME_WIDTH = 2000;
    static final String REJECTED_PREFIX = "rejected: ";
    static final String ERASED_PREFIX = "erased: names, date of birth (to the first of January of the year), BSN, "
            + "relationships, household memberships, safe address and rectification history; ";
    static final String GONE_PREFIX = "nothing to erase: the person is no longer recorded (removed since the request); ";
    /**
     * The longest note of an erasure decision: whatever the outcome, its prefix and the note fit the stored
     * outcome. One limit for approving and rejecting (the outcome is known only inside the decision); a longer
     * note is refused, never cut.
     */
    static final int NOTE_MAX = OUTCOME_WIDTH
            - Math.max(REJECTED_PREFIX.length(), Math.max(ERASED_PREFIX.length(), GONE_PREFIX.length()));
    private final Database database;
    private final PrivacyStore store;
    private final RestrictedDataStore restricted;
    private final ErasureStore erasure;
    private final FamilyService family;
    private final AccessLog log;
    private final Clock clock;
    private final Map<String, Integer> retention;

    @Activate
    public GdprRights(GdprRightsConfig config, @Reference Database database, @Reference PrivacyStore store,
            @Reference RestrictedDataStore restricted, @Reference ErasureStore erasure, @Reference FamilyService family,
            @Reference AccessLog log) {
        this(database, store, restricted, erasure, family, log, Clock.systemUTC(), retention(config.retention()));
    }

    /** For tests (this package is not exported): the service with a clock and retention. */
    public GdprRights(Database database, PrivacyStore store, RestrictedDataStore restricted, ErasureStore erasure,
            FamilyService family, AccessLog log, Clock clock, Map<String, Integer> retention) {
        this.database = database;
        this.store = store;
        this.restricted = restricted;
        this.erasure = erasure;
        this.family = family;
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

    /** Today as a Dutch calendar day, as the engine counts days (Europe/Amsterdam, whatever the server's zone). */
    private LocalDate today() {
        return DutchDay.today(clock);
    }

    private void logged(Reader r, AccessAction action, String personId, String objectType, String objectId, String detail) {
        log.append(new AccessEvent(action, AccessEvent.SUCCESS, r.userId(), r.name(), String.join(",", r.roles()), null,
                null, personId == null ? List.of() : List.of(personId), null, objectType, objectId, null, detail,
                r.organisation(), false));
    }

    // ---------------------------------------------------------------------------------------- export

    /** Marks an entry of the export that is restricted (the person and the exporter are named on it). */
    static final String RESTRICTED_KEY = "restricted";

    @Override
    public PersonalDataExport export(Reader reader, String personId) {
        Checks.reader(reader);
        PersonalDataExport export = read(c -> {
            Checks.personExists(c, store, personId);
            Map<String, Object> person = store.exportPerson(c, personId).orElseThrow();
            // the BSN is held encrypted: its digest and ciphertext are no information to the person
            person.remove("national_id_digest");
            person.remove("national_id_sealed");
            person.remove("given_name_lc");
            person.remove("family_name_lc");
            // the person's safe address only when it names them AND the one who makes the export is named on it:
            // an export made by a professional who is not named must not carry it (nor show that it exists)
            SafeAddress own = null;
            SafeAddress held = LoggedRestrictedData.find(c, restricted, personId).orElse(null);
            if (held != null && held.restrictedTo().contains("person:" + personId)
                    && LoggedRestrictedData.named(c, restricted, reader, held.restrictedTo(), personId, null)) {
                own = held;
            }
            // a case the person left: what it held until the day they left, not the remaining family's later
            // plans nor the team that came after (they are the other members' data)
            List<Map<String, Object>> cases = store.exportCases(c, personId);
            for (Map<String, Object> k : cases) {
                LocalDate left = day(k.get("member_until"));
                k.put("roles", store.exportFamilyRoles(c, String.valueOf(k.get("id")), personId));
                k.put("team", store.exportTeam(c, String.valueOf(k.get("id"))).stream()
                        .filter(a -> left == null || !day(a.get("since_date")).isAfter(left)).toList());
            }
            List<Map<String, Object>> plans = new ArrayList<>();
            for (Map<String, Object> v : store.exportPlanVersions(c, personId)) {
                LocalDate left = day(v.remove("member_until"));
                if (left == null || !DutchDay.of(Instant.parse(v.get("created_at").toString())).isAfter(left)) {
                    plans.add(v);
                }
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Map<String, Object> e : store.exportEntries(c, personId)) {
                Object to = e.remove("restricted_to");
                // a restricted entry only when it names this person (never someone else's restricted item) and
                // the one who makes the export is named on it
                if (to == null) {
                    entries.add(e);
                } else if (names(to.toString()).contains("person:" + personId)
                        && LoggedRestrictedData.named(c, restricted, reader, names(to.toString()), null,
                                String.valueOf(e.get("case_id")))) {
                    e.put(RESTRICTED_KEY, Boolean.TRUE);
                    entries.add(e);
                }
            }
            return new PersonalDataExport(now(), personId, person, own, store.exportRelationships(c, personId),
                    store.exportHouseholds(c, personId), cases, entries, store.exportConsents(c, personId),
                    plans, rectifications(c, personId), erasureRequests(c, personId),
                    holdsOfPerson(c, personId), List.of());
        });
        // the access log's own view for the person, without restricted entries, then the export is logged
        // (and without the entries of the restricted-data routes: that restricted data exists is itself restricted)
        // every entry, however many: the export is an overview of all the person's data, not the newest part of it
        List<nl.proeftuin.core.audit.AccessLogEntry> access = log.allForPerson(personId).stream()
                .filter(e -> !RestrictedRoutes.concernsRestrictedData(e)).toList();
        if (export.safeAddress() != null) {
            log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, reader.userId(), reader.name(),
                    String.join(",", reader.roles()), null, null, List.of(personId), null, "safe-address", personId, null,
                    "in the GDPR export", reader.organisation(), true));
        }
        // each restricted entry the export carries is a read of it, as the safe address is
        for (Map<String, Object> e : export.entries()) {
            if (Boolean.TRUE.equals(e.get(RESTRICTED_KEY))) {
                log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, reader.userId(), reader.name(),
                        String.join(",", reader.roles()), null, null, List.of(personId), String.valueOf(e.get("case_id")),
                        "restricted-entry", String.valueOf(e.get("id")), null, "in the GDPR export",
                        reader.organisation(), true));
            }
        }
        logged(reader, AccessAction.EXPORT, personId, "person", personId, "GDPR export (right of access)");
        return new PersonalDataExport(export.generatedAt(), export.personId(), export.person(), export.safeAddress(),
                export.relationships(), export.households(), export.cases(), export.entries(), export.consents(),
                export.planVersions(), export.rectifications(), export.erasureRequests(), export.legalHolds(), access);
    }

    /** A day a store's export row holds ({@code yyyy-mm-dd}), or null. */
    private static LocalDate day(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
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
        if (column.equals("date_of_birth")) {
            try {
                LocalDate d = LocalDate.parse(value);
                LocalDate today = today();
                if (d.isAfter(today) || d.isBefore(today.minusYears(120))) {
                    throw new InvalidInputException("newValue", "is not a plausible date of birth");
                }
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("newValue", "must be a date yyyy-mm-dd");
            }
        }
        PersonRectification done = family.rectifyPerson(new Actor(writer.userId(),
                writer.name() == null ? writer.userId() : writer.name()), personId, field, value, reason);
        Rectification r = new Rectification(done.id(), personId, done.field(), done.oldValue(), done.newValue(),
                done.reason(), done.madeAt(), done.madeBy());
        logged(writer, AccessAction.RECTIFICATION, personId, "person", personId, "rectified " + field + ": " + reason);
        return r;
    }

    @Override
    public List<Rectification> rectifications(String personId) {
        return read(c -> {
            Checks.personExists(c, store, personId);
            return rectifications(c, personId);
        });
    }

    private List<Rectification> rectifications(Connection c, String personId) throws SQLException {
        return store.rectifications(c, personId).stream().map(r -> new Rectification(r.id(), r.personId(), r.field(),
                r.oldValue(), r.newValue(), r.reason(), r.madeAt(), r.madeBy())).toList();
    }

    // ---------------------------------------------------------------------------------------- erasure

    @Override
    public ErasureRequest requestErasure(Reader requester, String personId, ErasureRequestInput input) {
        Checks.reader(requester);
        String reason = Checks.text("reason", input == null ? null : input.reason(), 2000);
        Instant at = now();
        String id = UUID.randomUUID().toString();
        ErasureRequest request = write(c -> {
            Checks.personExists(c, store, personId);
            store.insertErasureRequest(c, new PrivacyStore.StoredErasureRequest(id, personId,
                    ErasureStatus.REQUESTED.name(), reason, at, requester.userId(), null, null, null));
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
        String note = Checks.text("note", input == null ? null : input.note(), NOTE_MAX);
        Instant at = now();
        ErasureRequest decided = write(c -> {
            ErasureRequest r = store.lockErasureRequest(c, requestId).map(GdprRights::erasure).orElseThrow(() -> new NotFoundException("erasure request " + requestId));
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
                outcome = REJECTED_PREFIX + note;
            } else {
                // the person's row first, in the mode the erasure takes (ErasureStore.lockPerson): a case opened,
                // a member added or a hold placed for the person at this moment is committed before the checks
                // below read, or waits until the decision is made; never a refusal's grounds missed
                erasure.lockPerson(c, r.personId());
                String refusal = refusal(c, r.personId(), at);
                if (refusal != null) {
                    status = ErasureStatus.REFUSED;
                    outcome = refusal;
                } else if (erasure.erasePerson(c, r.personId(), ERASED)) {
                    status = ErasureStatus.ERASED;
                    outcome = ERASED_PREFIX + note;
                } else {
                    // the retention purge removed the person since the request: nothing was erased now, and the
                    // record must not say otherwise
                    status = ErasureStatus.ERASED;
                    outcome = GONE_PREFIX + note;
                }
            }
            store.decideErasureRequest(c, requestId, status.name(), at, decider.userId(), outcome);
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
        List<String> cases = store.casesOf(c, personId);
        if (!cases.isEmpty()) {
            return "refused: the person is in " + cases.size() + " case file(s) under the retention of youth-care files ("
                    + retention.getOrDefault("case", 20) + " years after closing); the retention job removes them in time";
        }
        return null;
    }

    @Override
    public List<ErasureRequest> erasureRequests(String personId) {
        return read(c -> erasureRequests(c, personId));
    }

    /**
     * The store reads a single request only with its row lock (the decision's read): held for this short
     * transaction, so a decision under way is waited for and its outcome answered.
     */
    @Override
    public Optional<ErasureRequest> erasureRequest(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return Optional.empty();
        }
        return read(c -> store.lockErasureRequest(c, requestId).map(GdprRights::erasure));
    }

    private List<ErasureRequest> erasureRequests(Connection c, String personId) throws SQLException {
        return store.erasureRequests(c, personId).stream().map(GdprRights::erasure).toList();
    }

    private static ErasureRequest erasure(PrivacyStore.StoredErasureRequest r) {
        return new ErasureRequest(r.id(), r.personId(), ErasureStatus.valueOf(r.status()), r.reason(), r.requestedAt(),
                r.requestedBy(), r.decidedAt(), r.decidedBy(), r.outcome());
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
            // the subject's lock, which an erasure and the retention purge take before they look for holds: a
            // hold placed while they decide waits for their decision, or is seen by it. A hold on a person
            // also keeps their cases, which the purge locks one at a time before it looks for a hold on a
            // member: the person's cases are locked first (in order, then the person: the order of every case
            // write), so that a case being purged is gone before the hold is placed, or is kept by it
            switch (type) {
                case "PERSON" -> {
                    if (input.subjectId() != null) {
                        for (String caseId : store.casesOf(c, input.subjectId()).stream().sorted().toList()) {
                            erasure.lockCase(c, caseId);
                        }
                    }
                    if (input.subjectId() == null || !erasure.lockPerson(c, input.subjectId())) {
                        throw new NotFoundException("person " + input.subjectId());
                    }
                }
                case "CASE" -> {
                    if (input.subjectId() == null || !erasure.lockCase(c, input.subjectId())) {
                        throw new NotFoundException("case " + input.subjectId());
                    }
                }
                default -> throw new InvalidInputException("subjectType", "must be PERSON or CASE");
            }
            store.insertHold(c, new PrivacyStore.StoredLegalHold(id, type, input.subjectId(), reason, at, writer.userId(),
                    null, null));
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
            LegalHold h = store.lockHold(c, holdId).map(GdprRights::hold).orElseThrow(() -> new NotFoundException("legal hold " + holdId));
            if (h.liftedAt() != null) {
                throw new RuleViolationException("hold-lifted", "legal hold " + holdId + " was lifted already");
            }
            store.liftHold(c, holdId, at, writer.userId());
            return new LegalHold(h.id(), h.subjectType(), h.subjectId(), h.reason(), h.placedAt(), h.placedBy(), at,
                    writer.userId());
        });
        logged(writer, AccessAction.UPDATE, lifted.subjectType().equals("PERSON") ? lifted.subjectId() : null,
                "legal-hold", holdId, "legal hold lifted: " + note);
        return lifted;
    }

    @Override
    public List<LegalHold> holds(String subjectId) {
        return read(c -> store.holds(c, subjectId).stream().map(GdprRights::hold).toList());
    }

    /** Like {@link #erasureRequest}: the store reads a single hold only with its row lock, held for this look-up. */
    @Override
    public Optional<LegalHold> hold(String holdId) {
        if (holdId == null || holdId.isBlank()) {
            return Optional.empty();
        }
        return read(c -> store.lockHold(c, holdId).map(GdprRights::hold));
    }

    private static LegalHold hold(PrivacyStore.StoredLegalHold h) {
        return new LegalHold(h.id(), h.subjectType(), h.subjectId(), h.reason(), h.placedAt(), h.placedBy(), h.liftedAt(),
                h.liftedBy());
    }

    /** Holds on the person and on their cases. */
    private List<LegalHold> holdsOfPerson(Connection c, String personId) throws SQLException {
        return store.holdsOfPerson(c, personId).stream().map(GdprRights::hold).toList();
    }

    private List<LegalHold> activeHolds(Connection c, String personId) throws SQLException {
        return holdsOfPerson(c, personId).stream().filter(h -> h.liftedAt() == null).toList();
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
            // a removal locks what it removes before it looks for holds (the lock a hold's placing takes): a
            // hold placed or a member added at this moment is seen, or waits until the purge is done; a dry
            // run removes nothing and locks nothing
            for (String caseId : store.closedCasesBefore(c, caseCutoff)) {
                if (!dryRun && !erasure.lockCase(c, caseId)) {
                    continue; // removed since (another run)
                }
                if (store.caseHeld(c, caseId)) {
                    held.add("case " + caseId);
                    continue;
                }
                purgedCases.add(caseId);
                if (!dryRun) {
                    erasure.removeCase(c, caseId);
                }
            }
            List<String> purgedPersons = new ArrayList<>();
            // a person is past retention when recorded before the cut-off and in no case once the purged ones are gone
            for (String personId : store.personsRecordedBefore(c, personCutoff)) {
                if (!purgedCases.containsAll(store.casesOf(c, personId))) {
                    continue; // in a case that is kept: not locked
                }
                if (!dryRun) {
                    Optional<List<String>> locked = erasure.lockPersonAndFindCases(c, personId);
                    if (locked.isEmpty() || !purgedCases.containsAll(locked.get())) {
                        continue; // removed since, or (read again under the lock) in a case opened or joined meanwhile
                    }
                }
                if (!activeHolds(c, personId).isEmpty()) {
                    held.add("person " + personId);
                    continue;
                }
                purgedPersons.add(personId);
                if (!dryRun) {
                    erasure.removePerson(c, personId);
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

    // ---------------------------------------------------------------------------------------- monitor

    @Override
    public String monitorExport(Reader reader) {
        Checks.reader(reader);
        LocalDate today = today();
        byte[] key = pseudonymKey();
        String csv = write(c -> {
            StringBuilder out = new StringBuilder("case_pseudonym,person_pseudonym,age_band,family_roles,municipality,"
                    + "status,phase,framework,opened_month\n");
            for (Map<String, Object> row : store.monitorRows(c)) {
                String roles = String.join("|", store.exportFamilyRoles(c, String.valueOf(row.get("case_id")),
                        String.valueOf(row.get("person_id"))));
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

    @Override
    public Map<String, String> casePseudonyms(Reader reader, String purpose, java.util.Collection<String> caseIds) {
        Checks.reader(reader);
        byte[] key = pseudonymKey();
        Map<String, String> out = write(c -> {
            Map<String, String> pseudonyms = new java.util.LinkedHashMap<>();
            for (String id : caseIds) {
                pseudonyms.put(id, pseudonym(key, "case:" + id));
            }
            return pseudonyms;
        });
        log.append(new AccessEvent(AccessAction.EXPORT, AccessEvent.SUCCESS, reader.userId(), reader.name(),
                String.join(",", reader.roles()), null, "outcome monitor", List.of(), null, "cohort-export", null, null,
                "pseudonymised " + purpose + ": " + out.size() + " case(s)", reader.organisation(), false));
        return out;
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
    /**
     * The region's pseudonym key, made at its first use in a transaction of its own. Two first uses at the same
     * moment both find none and both insert it: the one that loses (a unique violation, SQLState 23505) reads
     * the winner's, instead of answering 500.
     */
    private byte[] pseudonymKey() {
        try {
            String secret = database.inTransaction(this::key);
            return Base64.getDecoder().decode(secret);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new PrivacyFailure(e);
            }
            String secret = write(c -> store.pseudonymKey(c).orElseThrow(
                    () -> new PrivacyFailure(new SQLException("the pseudonym key is neither there nor insertable", e))));
            return Base64.getDecoder().decode(secret);
        }
    }

    private String key(Connection c) throws SQLException {
        Optional<String> existing = store.pseudonymKey(c);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        store.insertPseudonymKey(c, secret);
        return secret;
    }

    private static List<String> names(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
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
