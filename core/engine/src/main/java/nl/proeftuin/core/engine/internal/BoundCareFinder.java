package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.concurrent.ScheduledExecutorService;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.spi.CareAllocation;
import nl.proeftuin.core.spi.CareRequest;
import nl.proeftuin.core.spi.CareRequestStatus;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.MaatwerkRequest;
import nl.proeftuin.core.spi.MaatwerkStatus;
import nl.proeftuin.core.spi.Offer;
import nl.proeftuin.core.spi.OfferQuery;
import nl.proeftuin.core.spi.ProcurementConnector;
import nl.proeftuin.core.spi.ProcurementInbox;
import nl.proeftuin.core.spi.Urgency;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.care.CareRequestInput;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.care.MaatwerkDecision;
import nl.proeftuin.core.api.care.MaatwerkInput;
import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.care.OfferList;
import nl.proeftuin.core.api.care.OfferRequest;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.cluster.RegionJobs;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.care.ProcurementStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.care.StoredCareRequest;
import nl.proeftuin.core.store.care.StoredMaatwerk;
import nl.proeftuin.core.store.municipal.MunicipalDecisionStore;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Care for a case through the procurement connector bound for its municipality, read-call-write as
 * the other bound services. The core keeps what must not depend on a connector: the <i>maatwerk</i>
 * requests with their deadline and decision (also when the connector is absent: the request is
 * recorded, marked as not sent, and a person sends it), the care requests and the allocations that
 * answer them, and the deadline watch, which raises one {@code MAATWERK_OVERDUE} alert per request.
 * A child under a protection measure is told to the connector, which gives the priority
 * ({@link OfferQuery#protectionMeasure()}); the core sorts the offers by waiting time whatever the
 * connector returns.
 */
@Component(service = {CareFinder.class, ProcurementInbox.class})
@Designate(ocd = CareFinderConfig.class)
public class BoundCareFinder implements CareFinder, ProcurementInbox {

    static final String OVERDUE = "MAATWERK_OVERDUE";
    /** A care request the municipality did not decide within its term (issue 14 part 4). */
    static final String CARE_OVERDUE = "CARE_DECISION_OVERDUE";
    /** The name of the deadline check in {@code job_lease}. */
    static final String DEADLINE_JOB = "maatwerk-deadlines";
    static final int MAX_OFFERS = 500;
    static final int MAX_FIELD = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BoundCareFinder.class);

    private final Domain domain;
    private final ProcurementStore procurement;
    private final AlertStore alerts;
    private final BindingStore bindings;
    private final BoundCall plugins;
    private final NationalIdProtection nationalIds;
    private final int decisionDays;
    private final ScheduledExecutorService scheduler;
    /**
     * The municipality's part (issue 14 part 4): its own decision term, care-request deadlines, alerts
     * addressed to it and to the case's fixed professional. Null in unit tests that leave it out.
     */
    private final MunicipalDecisionStore municipal;
    /** The variant of each procurement decision (cohorts, decision 0042); null in unit tests that leave it out. */
    CaseVariants variants;

    /**
     * The access log for the inbox (every JW301 allocation handed over gets an entry); optional and
     * dynamic so that its absence makes the connector answer 503 rather than unregistering the inbox.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccessLog accessLog;

    /**
     * @param config      decision term and deadline watch
     * @param database    the platform database
     * @param family      persons
     * @param cases       cases
     * @param plans       plans
     * @param procurement maatwerk and care requests
     * @param alerts      alerts
     * @param bindings    bindings
     * @param registry    the plugins present
     * @param calls       the time-boxed plugin calls
     * @param nationalIds BSN protection (an iJw care request must carry the BSN)
     * @param jobs        who runs the deadline check in the region
     * @param municipal   the municipality's terms, deadlines and addressed alerts
     */
    @Activate
    public BoundCareFinder(CareFinderConfig config, @Reference Database database, @Reference FamilyStore family,
            @Reference CaseStore cases, @Reference PlanStore plans, @Reference ProcurementStore procurement,
            @Reference AlertStore alerts, @Reference BindingStore bindings, @Reference ServicePluginRegistry registry,
            @Reference TimeBoxedPluginCalls calls, @Reference NationalIdProtection nationalIds,
            @Reference RegionJobs jobs, @Reference MunicipalDecisionStore municipal, @Reference CohortStore cohorts) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), procurement, alerts, bindings,
                new BoundCall(registry, calls, FrameworkUtil.getBundle(BoundCareFinder.class)), nationalIds,
                config.maatwerkDecisionDays(), config.deadlineCheckMinutes(), jobs, municipal);
        this.variants = new CaseVariants(bindings, cohorts);
    }

    BoundCareFinder(Domain domain, ProcurementStore procurement, AlertStore alerts, BindingStore bindings,
            BoundCall plugins, NationalIdProtection nationalIds, int decisionDays, long checkMinutes) {
        this(domain, procurement, alerts, bindings, plugins, nationalIds, decisionDays, checkMinutes, null, null);
    }

    /**
     * @param jobs      who runs the deadline check in the region (decision 0027); null: this node, every time
     * @param municipal the municipality's terms, deadlines and addressed alerts, or null
     */
    BoundCareFinder(Domain domain, ProcurementStore procurement, AlertStore alerts, BindingStore bindings,
            BoundCall plugins, NationalIdProtection nationalIds, int decisionDays, long checkMinutes, RegionJobs jobs,
            MunicipalDecisionStore municipal) {
        this.municipal = municipal;
        this.domain = domain;
        this.procurement = procurement;
        this.alerts = alerts;
        this.bindings = bindings;
        this.plugins = plugins;
        this.nationalIds = nationalIds;
        this.decisionDays = decisionDays;
        // once per region per interval: the node that holds the lease runs it
        scheduler = checkMinutes <= 0 ? null : RegionJobSchedule.every(Duration.ofMinutes(checkMinutes), jobs,
                DEADLINE_JOB, "proeftuin-maatwerk-deadlines", this::checkDeadlines, LOG, "Maatwerk deadline check failed");
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    // --- offers ---------------------------------------------------------------------------------------

    private record Member(StoredCase kase, CaseMember member, Binding binding) {
    }

    private Member member(Connection c, String caseId, String personId, boolean forChange) throws SQLException {
        StoredCase k = forChange ? domain.lockOpen(c, caseId, null) : domain.existingCase(c, caseId);
        String id = Check.text("personId", personId, Check.ID);
        CaseMember m = domain.members(c, caseId).stream().filter(x -> x.person().id().equals(id)).findFirst()
                .orElseThrow(() -> new RuleViolationException("not-a-member", "person " + id
                        + " is not a member of case " + caseId));
        return new Member(k, m, Bindings.effective(bindings, c, ExtensionPoint.PROCUREMENT, k.municipality(), domain.now()));
    }

    @Override
    public OfferList offers(String caseId, OfferRequest request) {
        Check.required("query", request);
        LifeDomain lifeDomain = Check.required("domain", request.domain());
        String need = Check.text("need", request.need(), Check.NAME);
        Urgency urgency = request.urgency() == null ? Urgency.REGULAR : request.urgency();
        Member m = domain.read(c -> member(c, caseId, request.personId(), false));
        // National policy: a child under a protection measure goes first (unless another child's need is
        // more urgent, which the connector weighs with the urgency).
        boolean protection = m.kase().measure() != null && m.member().roles().contains(FamilyRole.CHILD);
        OfferQuery query = new OfferQuery(m.kase().municipality(), lifeDomain, need, protection, urgency);
        Map<String, String> configuration = configuration(m.binding());
        BoundCall.Answer<List<Offer>> answer = plugins.call(ExtensionPoint.PROCUREMENT, m.binding(),
                ProcurementConnector.class, "procurement connector", p -> p.offers(query, configuration),
                BoundCareFinder::unusable);
        String input = CanonicalJson.sha256(CanonicalJson.write(List.of(query, configuration)));
        if (answer.fallback()) {
            alert(answer, m.kase(), "Offers for case " + m.kase().id() + " could not be looked up: "
                    + answer.fallbackReason() + ". A person searches by hand.");
            return new OfferList(List.of(), answer.provenance(input, null, domain.now()), true, answer.fallbackReason());
        }
        List<Offer> sorted = answer.value().stream()
                .sorted(Comparator.comparingInt(Offer::waitingDays).thenComparing(Offer::provider)).toList();
        return new OfferList(sorted, answer.provenance(input, CanonicalJson.sha256(CanonicalJson.write(sorted)),
                domain.now()), false, null);
    }

    private static String unusable(List<Offer> offers) {
        if (offers.size() > MAX_OFFERS) {
            return "more than " + MAX_OFFERS + " offers";
        }
        for (Offer o : offers) {
            if (o == null || blankOrLong(o.provider()) || blankOrLong(o.product()) || o.waitingDays() < 0) {
                return "an offer without provider or product, or with a negative waiting time";
            }
        }
        return null;
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.isBlank() || s.length() > MAX_FIELD;
    }

    // --- maatwerk -----------------------------------------------------------------------------------------

    @Override
    public MaatwerkView requestMaatwerk(Actor actor, String caseId, MaatwerkInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String provider = Check.text("provider", input.provider(), Check.NAME);
        String motivation = Check.text("motivation", input.motivation(), Check.LONG_TEXT);
        // Checked open before the connector is called: a closed case sends nothing to the municipality.
        Member m = domain.read(c -> member(c, caseId, input.personId(), true));
        String id = Domain.newId();
        // the municipality's own term from the region's register rules when it set one (issue 14 part 4);
        // else the connector may set the deadline, else the configured default (8 weeks, Awb)
        Integer ownTerm = municipal == null ? null
                : domain.read(c -> municipal.decisionTermDays(c, m.kase().municipality()).orElse(null));
        LocalDate proposed = domain.today().plusDays(ownTerm != null ? ownTerm : decisionDays);
        MaatwerkRequest request = new MaatwerkRequest(id, caseId, m.kase().municipality(), provider, motivation, proposed);
        Map<String, String> configuration = configuration(m.binding());
        BoundCall.Answer<MaatwerkStatus> answer = plugins.call(ExtensionPoint.PROCUREMENT, m.binding(),
                ProcurementConnector.class, "procurement connector", p -> p.requestMaatwerk(request, configuration),
                s -> s.state() == null || !List.of("SUBMITTED", "GRANTED", "REFUSED").contains(s.state())
                        ? "a status other than SUBMITTED, GRANTED or REFUSED" : null);
        String state;
        String detail;
        LocalDate deadline;
        if (answer.fallback()) {
            state = "SUBMITTED";
            detail = "Not sent: " + answer.fallbackReason() + ". Send it to the municipality by hand.";
            deadline = proposed;
            alert(answer, m.kase(), "A maatwerk request of case " + caseId + " was recorded but not sent: "
                    + answer.fallbackReason() + ".");
        } else {
            state = answer.value().state();
            detail = answer.value().detail();
            deadline = answer.value().deadline() == null || ownTerm != null ? proposed : answer.value().deadline();
        }
        String by = answer.pluginId();
        boolean sent = !answer.fallback();
        return domain.write(c -> {
            lockForSent(c, caseId, sent);
            StoredMaatwerk s = new StoredMaatwerk(id, caseId, m.member().person().id(), m.kase().municipality(), provider,
                    motivation, deadline, state, clip(detail), by, domain.now(), actor.id(), null, null, false);
            procurement.insertMaatwerk(c, s);
            if (variants != null) { // cohorts (0042): the procurement connector this request consulted
                variants.decisionOnce(c, caseId, ExtensionPoint.PROCUREMENT, m.binding(), domain.now());
            }
            domain.event(c, caseId, actor,
                    new CaseEvents.MaatwerkRequested(s.id(), provider, deadline, state),
                    "maatwerk requested from " + provider + ", decision due "
                    + deadline + " (" + state + ")", motivation);
            return view(s);
        });
    }

    @Override
    public MaatwerkView decideMaatwerk(Actor actor, String caseId, String requestId, MaatwerkDecision decision) {
        Check.actor(actor);
        Check.required("body", decision);
        String state = Check.text("state", decision.state(), Check.ID);
        if (!state.equals("GRANTED") && !state.equals("REFUSED") && !state.equals("PARTLY")) {
            throw new InvalidInputException("state", "must be GRANTED, REFUSED or PARTLY");
        }
        String detail = Check.text("detail", decision.detail(), Check.LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            StoredMaatwerk m = procurement.lockMaatwerk(c, Check.required("requestId", requestId))
                    .filter(x -> x.caseId().equals(caseId))
                    .orElseThrow(() -> new NotFoundException("maatwerk request " + requestId + " of case " + caseId));
            if (!m.state().equals("SUBMITTED")) {
                throw new RuleViolationException("already-decided", "maatwerk request " + requestId + " was decided: "
                        + m.state());
            }
            if (actor.id().equals(m.by())) {
                throw new RuleViolationException("requester-cannot-decide", "maatwerk request " + requestId
                        + " was made by " + actor.id() + ", who cannot decide it: the municipality decides");
            }
            procurement.decideMaatwerk(c, m.id(), state, detail, domain.now(), actor.id());
            if (variants != null) { // cohorts (0042): the procurement variant in force at the decision
                variants.inForce(c, caseId, ExtensionPoint.PROCUREMENT, m.municipality(), domain.now());
            }
            domain.event(c, caseId, actor,
                    new CaseEvents.MaatwerkDecided(m.id(), m.provider(), String.valueOf(state)),
                    "maatwerk from " + m.provider() + ": " + state, detail);
            return view(procurement.lockMaatwerk(c, m.id()).orElseThrow());
        });
    }

    @Override
    public List<MaatwerkView> maatwerk(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return procurement.maatwerk(c, caseId).stream().map(this::view).toList();
        });
    }

    @Override
    public int checkDeadlines() {
        return domain.write(c -> {
            int n = 0;
            for (StoredMaatwerk m : procurement.overdueUnalerted(c, domain.today())) {
                if (procurement.markOverdueAlerted(c, m.id())) {
                    overdueAlerts(c, OVERDUE, m.municipality(), m.pluginId(), m.caseId(),
                            "The decision on the maatwerk request for " + m.provider() + " (case " + m.caseId()
                                    + ") was due on " + m.deadline() + " and has not been made.");
                    n++;
                }
            }
            if (municipal != null) {
                for (var r : municipal.overdueCareUnalerted(c, domain.today())) {
                    if (municipal.markCareOverdueAlerted(c, r.id())) {
                        overdueAlerts(c, CARE_OVERDUE, r.municipality(), null, r.caseId(),
                                "The decision on the care request for " + r.provider() + " (case " + r.caseId()
                                        + ") was due on " + r.deadline() + " and has not been made.");
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /**
     * An overdue decision alerts the coordinator and the municipality (one alert, addressed to the
     * municipality) and each of the case's fixed professionals (one alert each, addressed to them).
     */
    private void overdueAlerts(Connection c, String kind, String municipality, String pluginId, String caseId,
            String message) throws SQLException {
        StoredAlert toMunicipality = new StoredAlert(Domain.newId(), kind, ExtensionPoint.PROCUREMENT.name(),
                municipality, pluginId, caseId, message, domain.now());
        alerts.insert(c, toMunicipality);
        if (municipal == null) {
            return;
        }
        municipal.address(c, toMunicipality.id(), "municipality");
        for (String fixed : municipal.fixedProfessionals(c, caseId)) {
            StoredAlert toFixed = new StoredAlert(Domain.newId(), kind, ExtensionPoint.PROCUREMENT.name(), municipality,
                    pluginId, caseId, message, domain.now());
            alerts.insert(c, toFixed);
            municipal.address(c, toFixed.id(), "user:" + fixed);
        }
    }

    /** The municipality's own decision term, else the configured one (8 weeks by default). */
    private int termDays(Connection c, String municipality) throws SQLException {
        return municipal == null ? decisionDays : municipal.decisionTermDays(c, municipality).orElse(decisionDays);
    }

    private MaatwerkView view(StoredMaatwerk m) {
        boolean overdue = m.state().equals("SUBMITTED") && m.deadline().isBefore(domain.today());
        return new MaatwerkView(m.id(), m.caseId(), m.personId(), m.municipality(), m.provider(), m.motivation(),
                m.deadline(), m.state(), m.detail(), overdue, m.pluginId(), m.at(), m.by());
    }

    // --- care requests and allocations ---------------------------------------------------------------------

    @Override
    public CareRequestView requestCare(Actor actor, String caseId, CareRequestInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String provider = Check.text("provider", input.provider(), Check.ID);
        String category = Check.text("productCategory", input.productCategory(), 20);
        String code = Check.optionalText("productCode", input.productCode(), 20);
        LocalDate start = Check.required("start", input.start());
        if (input.volume() != null && input.volume() < 1) {
            throw new InvalidInputException("volume", "must be at least 1");
        }
        String unit = Check.optionalText("unit", input.unit(), 20);
        String frequency = Check.optionalText("frequency", input.frequency(), 20);
        String motivation = Check.text("motivation", input.motivation(), Check.LONG_TEXT);
        String id = Domain.newId();
        record Prepared(Member m, String bsn) {
        }
        Prepared p = domain.read(c -> {
            // Checked open before the connector is called: a closed case sends nothing (not the BSN either).
            Member m = member(c, caseId, input.personId(), true);
            String bsn = domain.family.protectedNationalId(c, m.member().person().id()).map(nationalIds::reveal)
                    .orElse(null);
            return new Prepared(m, bsn);
        });
        var person = p.m().member().person();
        CareRequest request = new CareRequest(id, caseId, p.m().kase().municipality(), p.bsn(), person.dateOfBirth(),
                person.familyName(), provider, category, code, start, input.volume(), unit, frequency, motivation);
        Map<String, String> configuration = configuration(p.m().binding());
        BoundCall.Answer<CareRequestStatus> answer = plugins.call(ExtensionPoint.PROCUREMENT, p.m().binding(),
                ProcurementConnector.class, "procurement connector", x -> x.requestCare(request, configuration),
                s -> s.state() == null || !List.of("SUBMITTED", "REJECTED", "UNSUPPORTED").contains(s.state())
                        ? "a status other than SUBMITTED, REJECTED or UNSUPPORTED" : null);
        if (answer.fallback()) {
            alert(answer, p.m().kase(), "A care request of case " + caseId + " was recorded but not sent: "
                    + answer.fallbackReason() + ".");
        }
        String state = answer.fallback() ? "FALLBACK" : answer.value().state();
        String detail = answer.fallback() ? "Not sent: " + answer.fallbackReason() : answer.value().detail();
        String messageRef = answer.fallback() ? null : answer.value().messageRef();
        boolean sent = !answer.fallback();
        return domain.write(c -> {
            lockForSent(c, caseId, sent);
            StoredCareRequest r = new StoredCareRequest(id, caseId, person.id(), p.m().kase().municipality(), provider,
                    category, code, start, input.volume(), unit, frequency, motivation, state, clip(detail),
                    answer.pluginId(), messageRef == null ? null : clip(messageRef, 200), domain.now(), actor.id(), null,
                    null, null);
            procurement.insertCareRequest(c, r);
            if (variants != null) { // cohorts (0042): the procurement connector this request consulted
                variants.decisionOnce(c, caseId, ExtensionPoint.PROCUREMENT, p.m().binding(), domain.now());
            }
            if (municipal != null && (state.equals("SUBMITTED") || state.equals("FALLBACK"))) {
                // the municipality decides it within its term (Awb), sent or recorded for it in the platform
                municipal.insertCareDeadline(c, r.id(), domain.today().plusDays(termDays(c, r.municipality())));
            }
            domain.event(c, caseId, actor, new CaseEvents.CareRequested(r.id(),
                    String.valueOf(category), code == null ? null : String.valueOf(code), provider, state),
                    "care requested: category " + category
                    + (code == null ? "" : " product " + code) + " from " + provider + " (" + state + ")", motivation);
            return careView(r);
        });
    }

    /**
     * The case's lock for recording a request after the connector was called. A request the connector sent
     * (the municipality has it, the child's BSN included) is recorded even when the case was closed while it
     * was sent: otherwise the platform had no record of a message that went out, refused the municipality's
     * allocation of it, and a retry sent a second one. One not sent (the fallback) needs the case still open.
     */
    private void lockForSent(java.sql.Connection c, String caseId, boolean sent) throws java.sql.SQLException {
        if (sent) {
            domain.cases.lock(c, caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        } else {
            domain.lockOpen(c, caseId, null);
        }
    }

    @Override
    public List<CareRequestView> careRequests(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return procurement.careRequests(c, caseId).stream().map(BoundCareFinder::careView).toList();
        });
    }

    @Override
    public boolean allocated(String pluginId, CareAllocation allocation) {
        String plugin = Bindings.pluginId(pluginId);
        Check.required("allocation", allocation);
        InboundAccessLog.require(accessLog);
        try {
            return allocate(plugin, allocation);
        } catch (InvalidInputException | NotFoundException e) {
            InboundAccessLog.append(accessLog, AccessAction.UPDATE, AccessEvent.FAILURE, plugin, SENDER,
                    ALLOCATION_PURPOSE, List.of(), null, "care-request",
                    InboundAccessLog.abbreviate(allocation.requestId()), InboundAccessLog.abbreviate(allocation.allocationRef()),
                    "allocation " + InboundAccessLog.abbreviate(allocation.allocationRef()) + " refused: "
                            + InboundAccessLog.abbreviate(e.getMessage()));
            throw e;
        }
    }

    @Override
    public void refused(String pluginId, int status, String reason) {
        String plugin = Bindings.pluginId(pluginId);
        InboundAccessLog.append(accessLog, AccessAction.UPDATE,
                status == 401 || status == 403 ? AccessEvent.DENIED : AccessEvent.FAILURE, plugin, SENDER,
                ALLOCATION_PURPOSE, List.of(), null, "care-request", null, null,
                "message refused by the connector with HTTP " + status + ": " + InboundAccessLog.abbreviate(reason));
    }

    /** Who a procurement connector's inbound messages come from. */
    static final String SENDER = "municipality";
    static final String ALLOCATION_PURPOSE = "allocation of care by the municipality";

    private boolean allocate(String plugin, CareAllocation allocation) {
        String requestId = Check.text("requestId", allocation.requestId(), Check.ID);
        String ref = Check.text("allocationRef", allocation.allocationRef(), Check.NAME);
        Check.text("provider", allocation.provider(), Check.ID);
        Check.text("productCategory", allocation.productCategory(), 20);
        LocalDate start = Check.required("start", allocation.start());
        if (allocation.end() != null) {
            Check.range("end", start, allocation.end());
        }
        Actor actor = new Actor("system:" + plugin, "municipality (through " + plugin + ")");
        return domain.write(c -> {
            // the case first, then the request: the order of every write to the case (a move readdresses its
            // requests, a wait starts on one, under the case's lock)
            domain.cases.lock(c, procurement.careRequestCase(c, requestId)
                    .orElseThrow(() -> new NotFoundException("care request " + requestId)));
            StoredCareRequest r = procurement.lockCareRequest(c, requestId)
                    .orElseThrow(() -> new NotFoundException("care request " + requestId));
            if (r.allocation() != null) {
                CareAllocation known = CanonicalJson.read(r.allocation(), CareAllocation.class);
                if (known.equals(allocation)) {
                    InboundAccessLog.append(accessLog, AccessAction.UPDATE, AccessEvent.SUCCESS, plugin, SENDER,
                            ALLOCATION_PURPOSE, List.of(r.personId()), r.caseId(), "care-request", r.id(), ref,
                            "allocation " + ref + " received again; already recorded");
                    return false;
                }
                throw new InvalidInputException("allocationRef", "care request " + requestId
                        + " was already allocated as " + known.allocationRef());
            }
            if (!r.provider().equals(allocation.provider().strip())) {
                throw new InvalidInputException("provider", "the request asked provider " + r.provider());
            }
            if (!r.productCategory().equals(allocation.productCategory().strip())) {
                throw new InvalidInputException("productCategory", "the request asked category " + r.productCategory());
            }
            procurement.allocate(c, r.id(), CanonicalJson.write(allocation), domain.now(), actor.id());
            if (variants != null) { // cohorts (0042): the procurement variant in force at the allocation
                variants.inForce(c, r.caseId(), ExtensionPoint.PROCUREMENT, r.municipality(), domain.now());
            }
            domain.event(c, r.caseId(), actor, new CaseEvents.CareAllocated(r.id(), String.valueOf(ref),
                    String.valueOf(allocation.productCategory()), String.valueOf(allocation.provider())),
                    "care allocated (" + ref + "): category "
                    + allocation.productCategory() + " from " + allocation.provider() + " from " + start
                    + (allocation.end() == null ? "" : " to " + allocation.end()), null);
            // before the commit: when the log cannot take it, the allocation is not recorded (no log, no answer)
            InboundAccessLog.append(accessLog, AccessAction.UPDATE, AccessEvent.SUCCESS, plugin, SENDER,
                    ALLOCATION_PURPOSE, List.of(r.personId()), r.caseId(), "care-request", r.id(), ref,
                    "allocation " + ref + " recorded: category " + allocation.productCategory() + " from "
                            + allocation.provider());
            return true;
        });
    }

    static CareRequestView careView(StoredCareRequest r) {
        return new CareRequestView(r.id(), r.caseId(), r.personId(), r.municipality(), r.provider(), r.productCategory(),
                r.productCode(), r.start(), r.state(), r.detail(), r.pluginId(),
                r.allocation() == null ? null : CanonicalJson.read(r.allocation(), CareAllocation.class), r.at(), r.by());
    }

    // --- shared -------------------------------------------------------------------------------------------------

    private static Map<String, String> configuration(Binding b) {
        return b == null ? Map.of() : b.configuration();
    }

    private void alert(BoundCall.Answer<?> answer, StoredCase k, String message) {
        if (!answer.alarming()) {
            return;
        }
        domain.write(c -> {
            alerts.insert(c, new StoredAlert(Domain.newId(), answer.alertKind(), ExtensionPoint.PROCUREMENT.name(),
                    k.municipality(), answer.binding() == null ? null : answer.binding().pluginId(), k.id(), message,
                    domain.now()));
            return null;
        });
    }

    private static String clip(String s) {
        return clip(s, Check.LONG_TEXT);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
