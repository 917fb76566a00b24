package nl.proeftuin.core.engine.internal;

import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.InboundPerson;
import nl.proeftuin.core.spi.InboundRequest;
import nl.proeftuin.core.spi.InboundResult;
import nl.proeftuin.core.spi.LocalTeamInbox;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.ProtectedNationalId;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.cases.StoredPerson;
import nl.proeftuin.core.store.localteam.LocalTeamStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Requests from a municipality's local team, handed over by a local-team connector: the persons and
 * the case (a request for help from the local team) in one transaction, so that a request is either
 * wholly recorded or not at all, and once only per idempotency key and municipality. A person whose
 * BSN is already recorded is that person, not a second record. The actor recorded is the connector
 * on behalf of the local team ({@code system:<plugin id>}).
 *
 * <p>Every request gets an access-log entry (NEN 7513): a new case (CREATE, SUCCESS, with the case
 * and its persons, written before the case's transaction commits, so no case exists without its
 * entry), a repeated key (READ, SUCCESS, the known case), an invalid request (CREATE, FAILURE, with
 * the field) and a request the connector refused itself ({@link #refused}: DENIED for 401/403, else
 * FAILURE). No log, no answer: without an access log, or when it fails, nothing is recorded and
 * {@link InboxUnavailableException} makes the connector answer 503.
 */
@Component(service = LocalTeamInbox.class)
public class InboundLocalTeamRequests implements LocalTeamInbox {

    static final int MAX_PERSONS = 50;

    private final Domain domain;
    private final LocalTeamStore inbound;
    private final NationalIdProtection nationalIds;

    /** The access log; optional and dynamic so that its absence answers 503 rather than unregistering the inbox. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccessLog accessLog;

    /**
     * @param database    the platform database
     * @param family      persons
     * @param cases       cases
     * @param plans       plans
     * @param inbound     the requests received
     * @param nationalIds BSN protection
     */
    @Activate
    public InboundLocalTeamRequests(@Reference Database database, @Reference FamilyStore family,
            @Reference CaseStore cases, @Reference PlanStore plans, @Reference LocalTeamStore inbound,
            @Reference NationalIdProtection nationalIds, @Reference BindingStore bindings,
            @Reference CohortStore cohorts) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), inbound, nationalIds);
        domain.variants = new CaseVariants(bindings, cohorts); // cohorts (V26): the variant at opening
    }

    InboundLocalTeamRequests(Domain domain, LocalTeamStore inbound, NationalIdProtection nationalIds) {
        this.domain = domain;
        this.inbound = inbound;
        this.nationalIds = nationalIds;
    }

    private record Valid(InboundPerson person, String bsn, ProtectedNationalId protectedBsn) {
    }

    @Override
    public InboundResult receive(String pluginId, InboundRequest request) {
        String plugin = Bindings.pluginId(pluginId);
        Check.required("request", request);
        InboundAccessLog.require(accessLog);
        try {
            return checkAndRecord(plugin, request);
        } catch (InvalidInputException e) {
            InboundAccessLog.append(accessLog, AccessAction.CREATE, AccessEvent.FAILURE, plugin,
                    InboundAccessLog.localTeam(request.municipality()), PURPOSE, List.of(), null, "inbound-request",
                    InboundAccessLog.abbreviate(request.idempotencyKey()), InboundAccessLog.abbreviate(request.idempotencyKey()),
                    "request refused: " + e.field() + ": " + e.reason());
            throw e;
        }
    }

    @Override
    public void refused(String pluginId, String municipality, int status, String reason) {
        String plugin = Bindings.pluginId(pluginId);
        InboundAccessLog.append(accessLog, AccessAction.CREATE,
                status == 401 || status == 403 ? AccessEvent.DENIED : AccessEvent.FAILURE, plugin,
                InboundAccessLog.localTeam(InboundAccessLog.abbreviate(municipality)), PURPOSE, List.of(), null,
                "inbound-request", null, null, "request refused by the connector with HTTP " + status + ": "
                        + InboundAccessLog.abbreviate(reason));
    }

    /** The purpose every entry of an inbound request names. */
    static final String PURPOSE = "request for help from the local team";

    private InboundResult checkAndRecord(String plugin, InboundRequest request) {
        String key = Check.text("idempotencyKey", request.idempotencyKey(), Check.NAME);
        String municipality = Check.text("municipality", request.municipality(), Check.NAME);
        String externalRef = Check.optionalText("externalRef", request.externalRef(), Check.NAME);
        String description = Check.text("description", request.description(), Check.LONG_TEXT);
        LocalDate receivedOn = Check.required("receivedOn", request.receivedOn());
        Check.notInFuture("receivedOn", receivedOn, domain.today());
        List<InboundPerson> persons = Check.list(request.persons());
        if (persons.isEmpty() || persons.size() > MAX_PERSONS) {
            throw new InvalidInputException("persons", "must name 1 to " + MAX_PERSONS + " persons");
        }
        List<Valid> valid = new ArrayList<>();
        Set<String> bsns = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) {
            String f = "persons[" + i + "]";
            InboundPerson p = Check.required(f, persons.get(i));
            Check.text(f + ".givenName", p.givenName(), Check.NAME);
            Check.text(f + ".familyName", p.familyName(), Check.NAME);
            LocalDate dob = Check.required(f + ".dateOfBirth", p.dateOfBirth());
            Check.notInFuture(f + ".dateOfBirth", dob, domain.today());
            if (dob.isBefore(domain.today().minusYears(TransactionalFamilyService.MAX_AGE + 1).plusDays(1))) {
                throw new InvalidInputException(f + ".dateOfBirth", "gives an age over " + TransactionalFamilyService.MAX_AGE);
            }
            if (p.roles() == null || p.roles().isEmpty() || p.roles().stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException(f + ".roles", "must give at least one role");
            }
            String bsn = Check.bsn(f + ".nationalId", p.nationalId());
            if (bsn != null && !bsns.add(bsn)) {
                throw new InvalidInputException(f + ".nationalId", "names the same person twice");
            }
            valid.add(new Valid(p, bsn, bsn == null ? null : nationalIds.protect(bsn)));
        }
        Actor actor = new Actor("system:" + plugin, "local team " + municipality + " (through " + plugin + ")");
        // The same request (or one naming the same BSN) may arrive twice at once; the loser of that
        // race meets a unique key and tries again, when it sees the winner's case (or person).
        for (int attempt = 1;; attempt++) {
            try {
                return record(plugin, key, municipality, externalRef, description, receivedOn, valid, actor);
            } catch (DatabaseFailure e) {
                if (attempt == 3 || !uniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean uniqueViolation(DatabaseFailure e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private InboundResult record(String plugin, String key, String municipality, String externalRef, String description,
            LocalDate receivedOn, List<Valid> valid, Actor actor) {
        return domain.write(c -> {
            var known = inbound.inboundCase(c, municipality, key);
            if (known.isPresent()) {
                InboundAccessLog.append(accessLog, AccessAction.READ, AccessEvent.SUCCESS, plugin,
                        InboundAccessLog.localTeam(municipality), PURPOSE,
                        List.copyOf(domain.cases.members(c, known.get()).keySet()), known.get(), "case", known.get(), key,
                        "POST /localteam/v1/" + municipality + "/requests: idempotency key " + key
                                + " is known; answered its case");
                return new InboundResult(known.get(), true);
            }
            // the persons the request names by BSN, locked (in order) before they are made members, then found
            // again under the lock: an erasure decided at this moment either sees them in this case (and is
            // refused) or has erased them first (their BSN is gone: the request's own person is recorded)
            java.util.Map<Integer, String> byBsn = new java.util.HashMap<>();
            java.util.TreeSet<String> toLock = new java.util.TreeSet<>();
            for (int i = 0; i < valid.size(); i++) {
                Valid v = valid.get(i);
                if (v.protectedBsn() != null) {
                    domain.family.personIdByNationalIdDigest(c, v.protectedBsn().lookupDigest()).ifPresent(toLock::add);
                }
            }
            for (String id : toLock) {
                domain.family.lockPerson(c, id);
            }
            for (int i = 0; i < valid.size(); i++) {
                Valid v = valid.get(i);
                if (v.protectedBsn() != null) {
                    Optional<String> found = domain.family.personIdByNationalIdDigest(c, v.protectedBsn().lookupDigest());
                    if (found.isPresent() && (toLock.contains(found.get()) || domain.family.lockPerson(c, found.get())
                            .isPresent())) {
                        byBsn.put(i, found.get()); // (recorded at this moment by another request: locked now)
                    }
                }
            }
            List<String> personIds = new ArrayList<>();
            StoredCase k = new StoredCase(Domain.newId(), 1, municipality, CaseStatus.OPEN, null,
                    new Signal(SignalKind.REQUEST_FOR_HELP, SignalSource.LOCAL_TEAM, description, receivedOn),
                    Phase.ACUTE_SAFETY, Framework.VOLUNTARY, null, domain.now(), actor.id());
            domain.cases.insertCase(c, k);
            for (int i = 0; i < valid.size(); i++) {
                Valid v = valid.get(i);
                String personId = byBsn.get(i);
                if (personId == null) {
                    personId = Domain.newId();
                    domain.family.insertPerson(c, new StoredPerson(personId, v.person().givenName().strip(),
                            v.person().familyName().strip(), v.person().dateOfBirth(), null, domain.now(), actor.id()),
                            v.protectedBsn());
                }
                Set<FamilyRole> roles = Set.copyOf(v.person().roles());
                domain.cases.insertMember(c, k.id(), personId, roles, i);
                personIds.add(personId);
            }
            inbound.insertInbound(c, municipality, key, externalRef, plugin, k.id(), domain.now());
            domain.event(c, k.id(), actor, new CaseEvents.CaseOpened(municipality, "LOCAL_TEAM", valid.size()),
                    "opened from a request of the local team of " + municipality
                    + (externalRef == null ? "" : " (their reference " + externalRef + ")") + ", " + valid.size()
                    + " member(s)", null);
            // before the commit: when the log cannot take it, the case is not opened (no log, no answer)
            InboundAccessLog.append(accessLog, AccessAction.CREATE, AccessEvent.SUCCESS, plugin,
                    InboundAccessLog.localTeam(municipality), PURPOSE, personIds, k.id(), "case", k.id(), key,
                    "POST /localteam/v1/" + municipality + "/requests: idempotency key " + key + ", case opened with "
                            + valid.size() + " member(s)" + (externalRef == null ? "" : ", their reference " + externalRef));
            return new InboundResult(k.id(), false);
        });
    }
}
