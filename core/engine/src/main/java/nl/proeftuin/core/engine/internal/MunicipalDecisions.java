package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.municipal.DecisionInput;
import nl.proeftuin.core.api.municipal.DecisionTerm;
import nl.proeftuin.core.api.municipal.DecisionTermInput;
import nl.proeftuin.core.api.municipal.DecisionTimes;
import nl.proeftuin.core.api.municipal.InboxItem;
import nl.proeftuin.core.api.municipal.MunicipalDecision;
import nl.proeftuin.core.api.municipal.MunicipalInbox;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.care.ProcurementStore;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.municipal.InboxRow;
import nl.proeftuin.core.store.municipal.MunicipalDecisionStore;
import nl.proeftuin.core.store.municipal.StoredDecision;
import nl.proeftuin.core.store.region.MunicipalityNames;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The municipality decides in the platform (issue 14 part 4, decision 0033): its inbox of <i>maatwerk</i>
 * and care requests, its decision with reasons, decider, time and objection term, its own decision
 * term, the alerts addressed to it or to a case's fixed professional, and the decision times. The
 * professional who asked can never decide their own request ({@code requester-cannot-decide}).
 */
@Component(service = MunicipalInbox.class)
public class MunicipalDecisions implements MunicipalInbox {

    static final String MAATWERK = "MAATWERK";
    static final String CARE = "CARE";
    static final List<String> OUTCOMES = List.of("GRANTED", "REFUSED", "PARTLY");
    static final int MAX_INBOX = 1000;
    static final int MAX_ALERTS = 500;

    private final Domain domain;
    private final MunicipalDecisionStore store;
    private final ProcurementStore procurement;
    private final MunicipalityStore register;
    /** The procurement variant in force at each decision (cohorts, decision 0042); null in unit tests that leave it out. */
    CaseVariants variants;

    /**
     * @param database    the platform database
     * @param family      persons
     * @param cases       cases (events)
     * @param plans       plans
     * @param store       the municipal decisions
     * @param procurement maatwerk requests (their state follows the decision)
     * @param register    the region's municipalities
     */
    @Activate
    public MunicipalDecisions(@Reference Database database, @Reference FamilyStore family, @Reference CaseStore cases,
            @Reference PlanStore plans, @Reference MunicipalDecisionStore store, @Reference ProcurementStore procurement,
            @Reference MunicipalityStore register, @Reference BindingStore bindings, @Reference CohortStore cohorts) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), store, procurement, register);
        this.variants = new CaseVariants(bindings, cohorts);
    }

    MunicipalDecisions(Domain domain, MunicipalDecisionStore store, ProcurementStore procurement,
            MunicipalityStore register) {
        this.domain = domain;
        this.store = store;
        this.procurement = procurement;
        this.register = register;
    }

    @Override
    public List<InboxItem> inbox(Set<String> municipalities, boolean openOnly) {
        return domain.read(c -> store.inbox(c, municipalities, openOnly, MAX_INBOX).stream().map(this::item).toList());
    }

    @Override
    public InboxItem request(String requestId) {
        String id = Check.text("requestId", requestId, Check.ID);
        // a read: it neither waits for a decision being made nor locks the row (a GET that wrote a row lock)
        return domain.read(c -> item(store.find(c, id).orElseThrow(() -> new NotFoundException("request " + id))));
    }

    @Override
    public InboxItem decide(Actor actor, String requestId, DecisionInput input) {
        return decide(actor, requestId, input, null);
    }

    @Override
    public InboxItem decide(Actor actor, String requestId, DecisionInput input, String municipality) {
        Check.actor(actor);
        Check.required("body", input);
        String id = Check.text("requestId", requestId, Check.ID);
        String outcome = Check.text("outcome", input.outcome(), Check.ID).toUpperCase(Locale.ROOT);
        if (!OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("outcome", "must be GRANTED, REFUSED or PARTLY");
        }
        String reasons = Check.text("reasons", input.reasons(), Check.LONG_TEXT);
        return domain.write(c -> {
            // the case first, then the request: the order of every write to the case (a move to another
            // municipality moves its undecided requests under the case's lock; the event below needs it too)
            String caseId = store.find(c, id).map(InboxRow::caseId).orElseThrow(() -> new NotFoundException("request " + id));
            domain.cases.lock(c, caseId);
            InboxRow r = store.lock(c, id).orElseThrow(() -> new NotFoundException("request " + id));
            if (municipality != null && !MunicipalityNames.key(municipality).equals(MunicipalityNames.key(r.municipality()))) {
                throw new RuleViolationException("request-moved", "request " + id + " is addressed to "
                        + r.municipality() + " since the family moved: " + municipality + " no longer decides it");
            }
            if (r.decision() != null || decided(r)) {
                throw new RuleViolationException("already-decided", "request " + id + " was decided: "
                        + (r.decision() != null ? r.decision().outcome() : r.state()));
            }
            if (actor.id().equals(r.requestedBy())) {
                throw new RuleViolationException("requester-cannot-decide", "request " + id + " was made by "
                        + actor.id() + ", who cannot decide it: the municipality decides");
            }
            StoredDecision d = new StoredDecision(r.id(), r.kind(), r.caseId(), r.municipality(), outcome, reasons,
                    domain.now(), actor.id(), Check.actorName(actor), domain.today().plusDays(OBJECTION_DAYS));
            store.insertDecision(c, d);
            domain.existingCase(c, r.caseId());
            if (variants != null) { // cohorts (0042): the procurement variant in force at the municipality's decision
                variants.inForce(c, r.caseId(), ExtensionPoint.PROCUREMENT, r.municipality(), domain.now());
            }
            if (MAATWERK.equals(r.kind())) {
                procurement.decideMaatwerk(c, r.id(), outcome, reasons, d.decidedAt(), actor.id());
                domain.event(c, r.caseId(), actor, new CaseEvents.MaatwerkDecided(r.id(), r.provider(), outcome),
                        "the municipality decided on maatwerk from " + r.provider() + ": " + outcome, reasons);
            } else {
                domain.event(c, r.caseId(), actor, new CaseEvents.CareDecided(r.id(), r.provider(), outcome,
                        d.objectionUntil()), "the municipality decided on care from " + r.provider() + ": " + outcome,
                        reasons);
            }
            return item(store.lock(c, id).orElseThrow());
        });
    }

    /** A maatwerk request the connector answered at once, or care allocated through the connector, is decided. */
    private static boolean decided(InboxRow r) {
        return MAATWERK.equals(r.kind()) ? !"SUBMITTED".equals(r.state()) : "ALLOCATED".equals(r.state());
    }

    @Override
    public DecisionTerm term(String municipality) {
        return domain.read(c -> term(c, municipality(c, municipality)));
    }

    @Override
    public DecisionTerm setTerm(Actor actor, String code, DecisionTermInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Integer days = input.days();
        if (days != null && (days < 1 || days > 365)) {
            throw new InvalidInputException("days", "must be from 1 to 365 (or null for the default of "
                    + DEFAULT_TERM_DAYS + ")");
        }
        return domain.write(c -> {
            StoredMunicipality m = municipality(c, code);
            store.setDecisionTerm(c, m.code(), days, domain.now(), actor.id());
            return term(c, m);
        });
    }

    private DecisionTerm term(Connection c, StoredMunicipality m) throws SQLException {
        Integer own = store.decisionTermDays(c, m.name()).orElse(null);
        return new DecisionTerm(m.code(), m.name(), own == null ? DEFAULT_TERM_DAYS : own, own != null);
    }

    /** The decision term of a municipality by its stored name (the default when it set none). */
    static int termDays(MunicipalDecisionStore store, Connection c, String municipality) throws SQLException {
        return store.decisionTermDays(c, municipality).orElse(DEFAULT_TERM_DAYS);
    }

    private StoredMunicipality municipality(Connection c, String nameOrCode) throws SQLException {
        String given = Check.text("municipality", nameOrCode, Check.NAME);
        if (given.matches("(?i)GM[0-9]{4}")) {
            return register.byCode(c, given.toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new NotFoundException("municipality " + given));
        }
        try {
            return register.byKey(c, MunicipalityNames.key(given))
                    .orElseThrow(() -> new NotFoundException("municipality " + given));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("municipality", e.getMessage());
        }
    }

    @Override
    public List<Alert> alerts(String userId, Set<String> municipalities, int limit) {
        if (limit < 1 || limit > MAX_ALERTS) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_ALERTS);
        }
        return domain.read(c -> store.addressedAlerts(c, userId, municipalities, limit).stream()
                .map(StoredPluginRuntime::alert).toList());
    }

    @Override
    public List<DecisionTimes> decisionTimes() {
        return domain.read(c -> store.decisionTimes(c, domain.today()).stream()
                .map(r -> new DecisionTimes(r.municipality(), r.requests(), r.decided(), r.open(), r.overdue(),
                        r.decided() == 0 ? null : round(r.totalDays() / r.decided()),
                        r.longestDays() == null ? null : round(r.longestDays())))
                .toList());
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }

    private InboxItem item(InboxRow r) {
        boolean open = r.decision() == null && !decided(r);
        LocalDate deadline = r.deadline();
        MunicipalDecision d = r.decision() == null ? null : new MunicipalDecision(r.decision().outcome(),
                r.decision().reasons(), r.decision().decidedAt(), r.decision().decidedBy(), r.decision().decidedByName(),
                r.decision().objectionUntil());
        return new InboxItem(r.kind(), r.id(), r.caseId(), r.municipality(), r.personId(),
                r.givenName() + " " + r.familyName(), r.dateOfBirth(), r.provider(), r.product(), r.motivation(),
                r.requestedAt(), r.requestedBy(), r.state(), deadline,
                open && deadline != null && deadline.isBefore(domain.today()), d);
    }
}
