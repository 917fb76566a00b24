package nl.proeftuin.core.engine.internal;

import static nl.proeftuin.core.engine.internal.Check.LONG_TEXT;
import static nl.proeftuin.core.engine.internal.Check.NAME;
import static nl.proeftuin.core.engine.internal.Check.SHORT_TEXT;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.OpenCaseExistsException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.Consent;
import nl.proeftuin.core.api.dto.ConsentInput;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.CourtRequestInput;
import nl.proeftuin.core.api.dto.EndAssignmentInput;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.EvaluationInput;
import nl.proeftuin.core.api.dto.FamilySystem;
import nl.proeftuin.core.api.dto.Membership;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Review;
import nl.proeftuin.core.api.dto.ReviewInput;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.TeamPosition;
import nl.proeftuin.core.store.living.LivingStore;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.outcomes.OutcomeStore;
import nl.proeftuin.core.api.dto.ClosingOutcome;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.cases.StoredPlanVersion;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Cases with all their rules, each call one database transaction. A change locks the case row
 * ({@code SELECT ... FOR UPDATE}), so changes to one case are serialised; it then checks the
 * expected version, that the case is open and the rule at hand, applies the change, increments the
 * case's version when what the case shows changed, and appends the event to the history.
 *
 * <p>Ids in the request body that do not exist or are not members of the case (persons, the
 * assignment to hand over to) are invalid input (400) naming the field; unknown ids in the path
 * (case, assignment to end) are 404.
 *
 * <p>Rule names ({@link RuleViolationException#rule()}): {@code case-closed},
 * {@code one-fixed-professional}, {@code one-casusregie}, {@code already-assigned},
 * {@code handover-required}, {@code assignment-ended}, {@code plan-required},
 * {@code reviewer-not-independent}, {@code independent-review-required}.
 */
@Component(service = CaseService.class)
public class TransactionalCaseService implements CaseService {

    private final Domain domain;
    /** The region's register: the municipality of a case (and of a search) must be in it. */
    private final MunicipalityStore municipalities;
    /** The structured outcome recorded with the closing (cohorts, issue 15). */
    private final OutcomeStore outcomes;
    /** One family, one case (issue 14); null in tests without the living store. */
    private OneFamilyOneCase oneCase;

    /**
     * @param database the platform database
     * @param family   persons (the case's members)
     * @param cases    cases
     * @param plans    plan versions (the team invariant and reviews depend on whether a plan exists)
     * @param municipalities the region's register of municipalities
     * @param outcomes the outcome recorded at closing
     * @param bindings the bindings, for the variant in force at opening
     * @param cohorts  where that variant is recorded
     */
    @Activate
    public TransactionalCaseService(@Reference Database database, @Reference FamilyStore family,
            @Reference CaseStore cases, @Reference PlanStore plans, @Reference MunicipalityStore municipalities,
            @Reference OutcomeStore outcomes, @Reference BindingStore bindings, @Reference CohortStore cohorts,
            @Reference LivingStore living) {
        this(database, family, cases, plans, municipalities, outcomes, bindings, cohorts, living, Clock.systemUTC());
    }

    /** With the variant at opening recorded (cohorts, V26) and one family, one case. */
    TransactionalCaseService(Database database, FamilyStore family, CaseStore cases, PlanStore plans,
            MunicipalityStore municipalities, OutcomeStore outcomes, BindingStore bindings, CohortStore cohorts,
            LivingStore living, Clock clock) {
        this(database, family, cases, plans, municipalities, outcomes, clock);
        domain.variants = new CaseVariants(bindings, cohorts);
        this.oneCase = new OneFamilyOneCase(domain, living);
    }

    TransactionalCaseService(Database database, FamilyStore family, CaseStore cases, PlanStore plans,
            MunicipalityStore municipalities, OutcomeStore outcomes, Clock clock) {
        this.domain = new Domain(database, family, cases, plans, clock);
        this.municipalities = municipalities;
        this.outcomes = outcomes;
    }

    // --- the case --------------------------------------------------------------------------------

    @Override
    public CaseView open(Actor actor, SignalInput input) {
        return open(actor, input, null, false);
    }

    @Override
    public CaseView open(Actor actor, SignalInput input, String separateCaseReason) {
        if (oneCase == null) {
            throw new IllegalStateException("one family, one case needs the living store");
        }
        return open(actor, input, separateCaseReason, true);
    }

    /** @param oneFamily whether one family, one case applies (the persons' open cases checked under their locks) */
    private CaseView open(Actor actor, SignalInput input, String separateCaseReason, boolean oneFamily) {
        Check.actor(actor);
        Check.required("body", input);
        Check.required("kind", input.kind());
        Check.required("source", input.source());
        String description = Check.text("description", input.description(), LONG_TEXT);
        LocalDate receivedOn = Check.required("receivedOn", input.receivedOn());
        Check.notInFuture("receivedOn", receivedOn, domain.today());
        String given = Check.text("municipality", input.municipality(), NAME);
        Municipalities.key("municipality", given); // characters before members: a refusal names the first bad field
        List<CaseMemberInput> members = Check.list(input.members());
        if (members.isEmpty()) {
            throw new InvalidInputException("members", "must name at least one person");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            CaseMemberInput m = Check.required("members[" + i + "]", members.get(i));
            String personId = Check.text("members[" + i + "].personId", m.personId(), Check.ID);
            if (!seen.add(personId)) {
                throw new InvalidInputException("members[" + i + "].personId", "names the same person twice");
            }
            // Not roles().contains(null): immutable sets (Set.of) throw on a null query.
            if (m.roles() == null || m.roles().isEmpty() || m.roles().stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidInputException("members[" + i + "].roles", "must give at least one role");
            }
        }
        String why = Check.optionalText("separateCaseReason", separateCaseReason, LONG_TEXT);
        return domain.write(c -> {
            // the register's exact form is what is stored: "arnhem" is Arnhem, and finds Arnhem's bindings
            String municipality = Municipalities.canonical(municipalities, c, "municipality", given);
            List<String> openCases = oneFamily ? oneCase.openCasesLocked(c, seen) : List.of();
            if (!openCases.isEmpty() && why == null) {
                throw new OpenCaseExistsException(openCases);
            }
            var persons = domain.family.persons(c, seen);
            for (int i = 0; i < members.size(); i++) {
                if (!persons.containsKey(members.get(i).personId().strip())) {
                    throw new InvalidInputException("members[" + i + "].personId",
                            "no person is recorded with id " + members.get(i).personId());
                }
            }
            StoredCase k = new StoredCase(Domain.newId(), 1, municipality, CaseStatus.OPEN, null,
                    new Signal(input.kind(), input.source(), description, receivedOn), Phase.ACUTE_SAFETY,
                    Framework.VOLUNTARY, null, domain.now(), actor.id());
            domain.cases.insertCase(c, k);
            for (int i = 0; i < members.size(); i++) {
                domain.cases.insertMember(c, k.id(), members.get(i).personId().strip(), members.get(i).roles(), i);
            }
            domain.event(c, k.id(), actor,
                    new CaseEvents.CaseOpened(municipality, "SIGNAL", members.size()),
                    "opened from " + input.kind() + " by " + input.source()
                    + " received " + receivedOn + ", municipality " + municipality + ", " + members.size() + " member(s)",
                    null);
            if (!openCases.isEmpty()) {
                oneCase.recordSeparate(c, actor, k.id(), openCases, why);
            }
            return domain.view(c, k);
        });
    }

    @Override
    public CaseView get(String caseId) {
        return domain.query(c -> domain.view(c, domain.existingCase(c, caseId))); // the hot read path: decision 0052
    }

    @Override
    public Page<CaseSummary> search(CaseQuery query) {
        Check.required("query", query);
        if (query.page() < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (query.size() < 1 || query.size() > 100) {
            throw new InvalidInputException("size", "must be from 1 to 100");
        }
        if (query.after() != null) {
            if (nl.proeftuin.core.store.cases.CaseKey.decode(query.after()).isEmpty()) {
                throw new InvalidInputException("after", "must be the next key of an earlier page");
            }
            if (query.page() != 0) {
                throw new InvalidInputException("page", "must be 0 (or left out) with after");
            }
        }
        return domain.query(c -> {
            CaseQuery q = new CaseQuery(Check.optionalText("name", query.name(), NAME),
                    Municipalities.optional(municipalities, c, "municipality", query.municipality()), query.status(),
                    query.phase(), query.page(), query.size(), Check.optionalText("visibleTo", query.visibleTo(), NAME),
                    query.municipalities() == null ? java.util.Set.of() : java.util.Set.copyOf(query.municipalities()),
                    query.after());
            return domain.cases.search(c, q);
        });
    }

    @Override
    public FamilySystem familySystem(String caseId) {
        return domain.query(c -> {
            domain.existingCase(c, caseId);
            var members = domain.members(c, caseId);
            List<String> ids = members.stream().map(m -> m.person().id()).toList();
            // living (decision 0038): the family system shows the current relationships and household periods;
            // ended ones stay readable through /persons/{personId}/relationships and /households/{householdId}
            LocalDate today = domain.today();
            List<Relationship> current = domain.family.relationshipsAmong(c, ids).stream()
                    .filter(r -> r.until() == null || r.until().isAfter(today)).toList();
            List<Household> homes = new java.util.ArrayList<>();
            for (Household h : domain.family.householdsOf(c, ids)) {
                List<Membership> now = h.members().stream()
                        .filter(m -> !m.since().isAfter(today) && (m.until() == null || m.until().isAfter(today)))
                        .toList();
                if (!now.isEmpty()) {
                    homes.add(new Household(h.id(), h.address(), h.postalCode(), h.municipality(), now));
                }
            }
            return new FamilySystem(members, current, List.copyOf(homes));
        });
    }

    @Override
    public List<CaseEvent> history(String caseId) {
        return domain.query(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.events(c, caseId).stream().map(TransactionalCaseService::withoutReporter).toList();
        });
    }

    /**
     * Who reported a family is protected even from those who may read the case's history (an invited
     * reviewer or assessor may not read {@code /reporters}): the history names no reporter. Events recorded
     * before the reporter was left out of their line (up to 0.4.0) are shown without it.
     */
    private static final java.util.regex.Pattern REPORTER_NAMED = java.util.regex.Pattern.compile(
            "^the reporter \\(.*\\) (is to be told what happens next by |was told on )", java.util.regex.Pattern.DOTALL);

    static CaseEvent withoutReporter(CaseEvent e) {
        if (e.detail() == null || !(e.type().equals(CaseEvents.Type.REPORTER_RECORDED.name())
                || e.type().equals(CaseEvents.Type.REPORTER_TOLD.name()))) {
            return e;
        }
        java.util.regex.Matcher m = REPORTER_NAMED.matcher(e.detail());
        if (!m.find()) {
            return e;
        }
        String rest = e.detail().substring(m.end());
        String line = m.group(1).startsWith("is") ? "a reporter is recorded, to be told what happens next by " + rest
                : "the reporter was told on " + rest;
        return new CaseEvent(e.type(), line, e.reason(), e.at(), e.by());
    }

    @Override
    public CaseView changePhase(Actor actor, String caseId, Long expectedVersion, PhaseChangeInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Phase phase = Check.required("phase", input.phase());
        String reason = Check.text("reason", input.reason(), LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            if (k.phase() == phase) {
                throw new InvalidInputException("phase", "is already the case's phase");
            }
            StoredCase after = new StoredCase(k.id(), k.version(), k.municipality(), k.status(), k.closedReason(),
                    k.signal(), phase, k.framework(), k.measure(), k.openedAt(), k.openedBy());
            return domain.view(c, domain.commit(c, k, after, actor, new CaseEvents.PhaseChanged(k.phase(), phase),
                    k.phase() + " -> " + phase, reason));
        });
    }

    @Override
    public CaseView changeFramework(Actor actor, String caseId, Long expectedVersion, FrameworkChangeInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Framework framework = Check.required("framework", input.framework());
        Measure measure = input.measure();
        if (framework == Framework.COMPULSORY) {
            Check.required("measure", measure);
            Check.required("measure.type", measure.type());
            Check.required("measure.since", measure.since());
            Check.range("measure.until", measure.since(), measure.until());
        } else if (measure != null) {
            throw new InvalidInputException("measure", "is only given for the COMPULSORY framework");
        }
        String reason = Check.text("reason", input.reason(), LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            if (k.framework() == framework && framework != Framework.COMPULSORY) {
                throw new InvalidInputException("framework", "is already the case's framework");
            }
            StoredCase after = new StoredCase(k.id(), k.version(), k.municipality(), k.status(), k.closedReason(),
                    k.signal(), k.phase(), framework, measure, k.openedAt(), k.openedBy());
            String detail = k.framework() + " -> " + framework + (measure == null ? ""
                    : " (" + measure.type() + " from " + measure.since()
                            + (measure.until() == null ? "" : " until " + measure.until()) + ")");
            return domain.view(c, domain.commit(c, k, after, actor,
                    new CaseEvents.FrameworkChanged(k.framework(), framework, measure), detail, reason));
        });
    }

    @Override
    public CaseView close(Actor actor, String caseId, Long expectedVersion, CloseInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String reason = Check.text("reason", input.reason(), LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            // A closed case has no active team: every assignment ends with the case.
            for (Assignment a : Domain.active(domain.cases.assignments(c, caseId))) {
                domain.cases.updateAssignment(c, caseId, ended(a, domain.today(), "case closed"));
            }
            StoredCase after = new StoredCase(k.id(), k.version(), k.municipality(), CaseStatus.CLOSED, reason,
                    k.signal(), k.phase(), k.framework(), k.measure(), k.openedAt(), k.openedBy());
            // cohorts (issue 15): the structured outcome, in the closing's own transaction
            ClosingOutcome outcome = input.outcome() == null ? ClosingOutcome.UNKNOWN : input.outcome();
            Instant at = domain.now();
            outcomes.insertOutcome(c, new OutcomeStore.StoredOutcome(caseId, outcome.name(), reason,
                    DutchDay.of(at), at, actor.id()));
            return domain.view(c, domain.commit(c, k, after, actor, new CaseEvents.CaseClosed(outcome),
                    "closed", reason));
        });
    }

    // --- the team --------------------------------------------------------------------------------

    @Override
    public CaseView assign(Actor actor, String caseId, Long expectedVersion, AssignmentInput input) {
        Check.actor(actor);
        AssignmentInput in = assignmentInput("", input);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            List<Assignment> active = Domain.active(domain.cases.assignments(c, caseId));
            Assignment a = newAssignment(in, in.role(), in.casusregie());
            checkCanJoin(active, a, "");
            domain.cases.insertAssignment(c, caseId, a);
            return domain.view(c, domain.touch(c, k, actor,
                    new CaseEvents.Assigned(a.id(), a.role(), a.casusregie()), describe(a), null));
        });
    }

    @Override
    public CaseView handover(Actor actor, String caseId, Long expectedVersion, HandoverInput input) {
        Check.actor(actor);
        Check.required("body", input);
        TeamPosition position = Check.required("position", input.position());
        String note = Check.text("note", input.note(), LONG_TEXT);
        String toId = Check.optionalText("toAssignment", input.toAssignment(), Check.ID);
        if ((toId == null) == (input.to() == null)) {
            throw new InvalidInputException("toAssignment",
                    "give either toAssignment (an active assignment) or to (a professional to assign), not both");
        }
        AssignmentInput to = input.to() == null ? null : assignmentInput("to.", input.to());
        if (to != null && position == TeamPosition.FIXED_PROFESSIONAL && to.role() != ProfessionalRole.FIXED_PROFESSIONAL) {
            throw new InvalidInputException("to.role", "must be FIXED_PROFESSIONAL to take over as fixed professional");
        }
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            List<Assignment> all = domain.cases.assignments(c, caseId);
            List<Assignment> active = Domain.active(all);
            Assignment target = null;
            if (toId != null) {
                target = active.stream().filter(a -> a.id().equals(toId)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("toAssignment",
                                "is not an active assignment of this case"));
            }
            Instant at = domain.now();
            LocalDate today = domain.today();
            List<Handover> recorded = position == TeamPosition.FIXED_PROFESSIONAL
                    ? handOverFixedProfessional(c, caseId, active, target, to, note, actor, at, today)
                    : handOverCasusregie(c, caseId, active, target, to, note, actor, at);
            for (Handover h : recorded) {
                domain.cases.insertHandover(c, caseId, h);
            }
            Map<String, Assignment> byId = new java.util.HashMap<>();
            domain.cases.assignments(c, caseId).forEach(a -> byId.put(a.id(), a));
            Handover main = recorded.get(0);
            String detail = position + ": " + (main.fromAssignment() == null ? "(nobody)"
                    : byId.get(main.fromAssignment()).name()) + " -> " + byId.get(main.toAssignment()).name()
                    + (recorded.size() > 1 ? "; " + recorded.get(1).position() + " moved along" : "");
            return domain.view(c, domain.touch(c, k, actor, new CaseEvents.HandedOver(position,
                    main.fromAssignment(), main.toAssignment(), recorded.size()), detail, note));
        });
    }

    /**
     * The fixed professional: the old holder's assignment ends ("handover"); the new holder is a new
     * assignment (from {@code to}, or, for an existing colleague, a new FIXED_PROFESSIONAL assignment
     * that replaces theirs, so the role they had stays in the record). If the old holder also held
     * <i>casusregie</i>, it moves to the new holder in the same change, recorded as its own handover.
     */
    private List<Handover> handOverFixedProfessional(Connection c, String caseId, List<Assignment> active,
            Assignment target, AssignmentInput to, String note, Actor actor, Instant at, LocalDate today)
            throws SQLException {
        Assignment old = Domain.fixedProfessional(active);
        Assignment regie = Domain.casusregie(active);
        Assignment next;
        if (target != null) {
            if (old != null && target.id().equals(old.id())) {
                throw new InvalidInputException("toAssignment", "is already the fixed professional");
            }
            // The colleague's current assignment ends; they continue in the new role.
            domain.cases.updateAssignment(c, caseId, ended(target, today, "continues as fixed professional"));
            next = new Assignment(Domain.newId(), target.professionalId(), target.name(), target.organisation(),
                    ProfessionalRole.FIXED_PROFESSIONAL, target.casusregie(), today, null, null);
        } else {
            next = newAssignment(to, ProfessionalRole.FIXED_PROFESSIONAL, to.casusregie());
            List<Assignment> others = active.stream().filter(a -> old == null || !a.id().equals(old.id())).toList();
            checkCanJoin(others, next, "to.");
        }
        boolean regieMoves = old != null && old.casusregie();
        if (regieMoves && !next.casusregie()) {
            next = withCasusregie(next, true);
        }
        if (next.casusregie() && regie != null && !regieMoves && (target == null || !regie.id().equals(target.id()))) {
            throw new RuleViolationException("one-casusregie", regie.name()
                    + " holds casusregie: hand it over separately (position CASUSREGIE)");
        }
        if (old != null) {
            domain.cases.updateAssignment(c, caseId, ended(withCasusregie(old, old.casusregie() && !regieMoves), today,
                    "handover"));
        }
        domain.cases.insertAssignment(c, caseId, next);
        List<Handover> out = new ArrayList<>();
        out.add(new Handover(Domain.newId(), TeamPosition.FIXED_PROFESSIONAL, old == null ? null : old.id(), next.id(),
                note, at, actor.id()));
        if (regieMoves) {
            out.add(new Handover(Domain.newId(), TeamPosition.CASUSREGIE, old.id(), next.id(), note, at, actor.id()));
        } else if (target != null && target.casusregie()) {
            // The colleague held casusregie on their old assignment: it continues on the new one.
            out.add(new Handover(Domain.newId(), TeamPosition.CASUSREGIE, target.id(), next.id(), note, at, actor.id()));
        }
        return out;
    }

    /** <i>Casusregie</i>: only the flag moves; the old holder stays in the team. */
    private List<Handover> handOverCasusregie(Connection c, String caseId, List<Assignment> active, Assignment target,
            AssignmentInput to, String note, Actor actor, Instant at) throws SQLException {
        Assignment old = Domain.casusregie(active);
        Assignment next;
        if (target != null) {
            if (old != null && target.id().equals(old.id())) {
                throw new InvalidInputException("toAssignment", "already holds casusregie");
            }
            next = withCasusregie(target, true);
        } else {
            next = newAssignment(to, to.role(), true);
            List<Assignment> others = active.stream().filter(a -> old == null || !a.id().equals(old.id())).toList();
            checkCanJoin(others, next, "to.");
        }
        if (old != null) {
            domain.cases.updateAssignment(c, caseId, withCasusregie(old, false));
        }
        if (target != null) {
            domain.cases.updateAssignment(c, caseId, next);
        } else {
            domain.cases.insertAssignment(c, caseId, next);
        }
        return List.of(new Handover(Domain.newId(), TeamPosition.CASUSREGIE, old == null ? null : old.id(), next.id(),
                note, at, actor.id()));
    }

    @Override
    public CaseView endAssignment(Actor actor, String caseId, Long expectedVersion, String assignmentId,
            EndAssignmentInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String reason = Check.text("reason", input.reason(), LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            Assignment a = domain.cases.assignments(c, caseId).stream().filter(x -> x.id().equals(assignmentId))
                    .findFirst().orElseThrow(() -> new NotFoundException("assignment " + assignmentId + " of case " + caseId));
            if (!a.active()) {
                throw new RuleViolationException("assignment-ended", "assignment " + assignmentId + " ended on " + a.until());
            }
            boolean holder = a.role() == ProfessionalRole.FIXED_PROFESSIONAL || a.casusregie();
            if (holder && domain.plans.latestNumber(c, caseId) > 0) {
                throw new RuleViolationException("handover-required", a.name() + " is the "
                        + (a.role() == ProfessionalRole.FIXED_PROFESSIONAL ? "fixed professional" : "casusregie holder")
                        + " and the case has a plan: hand over to someone else instead of ending the assignment");
            }
            domain.cases.updateAssignment(c, caseId, ended(a, domain.today(), reason));
            return domain.view(c, domain.touch(c, k, actor,
                    new CaseEvents.AssignmentEnded(a.id(), a.role()), describe(a), reason));
        });
    }

    @Override
    public List<Handover> handovers(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.handovers(c, caseId);
        });
    }

    private AssignmentInput assignmentInput(String prefix, AssignmentInput in) {
        Check.required(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), in);
        String professionalId = Check.text(prefix + "professionalId", in.professionalId(), Check.ID);
        String name = Check.text(prefix + "name", in.name(), NAME);
        String organisation = Check.text(prefix + "organisation", in.organisation(), NAME);
        ProfessionalRole role = Check.required(prefix + "role", in.role());
        LocalDate since = in.since() == null ? domain.today() : in.since();
        Check.notInFuture(prefix + "since", since, domain.today());
        return new AssignmentInput(professionalId, name, organisation, role, in.casusregie(), since);
    }

    private static Assignment newAssignment(AssignmentInput in, ProfessionalRole role, boolean casusregie) {
        return new Assignment(Domain.newId(), in.professionalId(), in.name(), in.organisation(), role, casusregie,
                in.since(), null, null);
    }

    /** The team rules for someone joining {@code active}. */
    private static void checkCanJoin(List<Assignment> active, Assignment joining, String prefix) {
        for (Assignment a : active) {
            if (a.professionalId().equals(joining.professionalId())) {
                throw new RuleViolationException("already-assigned", joining.name() + " is already assigned to this case"
                        + " (assignment " + a.id() + ")" + (prefix.isEmpty() ? "" : ": hand over with toAssignment"));
            }
        }
        Assignment fixed = Domain.fixedProfessional(active);
        if (joining.role() == ProfessionalRole.FIXED_PROFESSIONAL && fixed != null) {
            throw new RuleViolationException("one-fixed-professional", fixed.name()
                    + " is the fixed professional: a case has one; hand over to change it");
        }
        Assignment regie = Domain.casusregie(active);
        if (joining.casusregie() && regie != null) {
            throw new RuleViolationException("one-casusregie", regie.name()
                    + " holds casusregie: a case has one holder; hand over to change it");
        }
    }

    private static Assignment ended(Assignment a, LocalDate until, String reason) {
        return new Assignment(a.id(), a.professionalId(), a.name(), a.organisation(), a.role(), a.casusregie(),
                a.since(), until.isBefore(a.since()) ? a.since() : until, reason);
    }

    private static Assignment withCasusregie(Assignment a, boolean casusregie) {
        return new Assignment(a.id(), a.professionalId(), a.name(), a.organisation(), a.role(), casusregie, a.since(),
                a.until(), a.endReason());
    }

    private static String describe(Assignment a) {
        return a.name() + " (" + a.organisation() + ") as " + a.role() + (a.casusregie() ? " with casusregie" : "");
    }

    // --- records ---------------------------------------------------------------------------------

    @Override
    public Entry addEntry(Actor actor, String caseId, EntryInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Check.required("kind", input.kind());
        String text = Check.text("text", input.text(), LONG_TEXT);
        String source = Check.text("source", input.source(), NAME);
        List<String> about = Check.list(input.aboutPersonIds());
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Set<String> members = domain.cases.members(c, caseId).keySet();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < about.size(); i++) {
                String id = about.get(i);
                if (id == null || !members.contains(id)) {
                    throw new InvalidInputException("aboutPersonIds[" + i + "]", "is not a member of the case");
                }
                if (!seen.add(id)) {
                    throw new InvalidInputException("aboutPersonIds[" + i + "]", "names the same person twice");
                }
            }
            ProfessionalRole role = Domain.active(domain.cases.assignments(c, caseId)).stream()
                    .filter(a -> a.professionalId().equals(actor.id())).map(Assignment::role).findFirst().orElse(null);
            Entry e = new Entry(Domain.newId(), input.kind(), text, source, List.copyOf(seen), actor.id(),
                    Check.actorName(actor), role, domain.now());
            domain.cases.insertEntry(c, caseId, e);
            return e;
        });
    }

    @Override
    public List<Entry> entries(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.entries(c, caseId);
        });
    }

    @Override
    public Review addReview(Actor actor, String caseId, ReviewInput input) {
        Check.actor(actor);
        Check.required("body", input);
        // living (issue 14 part 8): the reviewer signs with their own login; the id is the login's
        String reviewerId = actor.id();
        String given = Check.optionalText("reviewerId", input.reviewerId(), Check.ID);
        if (given != null && !given.equals(reviewerId)) {
            throw new InvalidInputException("reviewerId", "is the logged-in reviewer's own id (" + reviewerId
                    + "): the reviewer records the review with their own login");
        }
        String reviewerName = input.reviewerName() == null || input.reviewerName().isBlank() ? Check.actorName(actor)
                : Check.text("reviewerName", input.reviewerName(), NAME);
        String organisation = Check.text("organisation", input.organisation(), NAME);
        String conclusion = Check.text("conclusion", input.conclusion(), LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            int plan = domain.plans.latestNumber(c, caseId);
            if (plan == 0) {
                throw new RuleViolationException("plan-required", "a review reviews the plan: the case has no plan yet");
            }
            if (domain.cases.everAssigned(c, caseId, reviewerId)) {
                throw new RuleViolationException("reviewer-not-independent", reviewerName
                        + " is or was assigned to this case: the review must be by someone not involved with the family");
            }
            Review r = new Review(Domain.newId(), reviewerId, reviewerName, organisation, conclusion,
                    input.supportsCourtRequest(), plan, domain.now(), actor.id());
            domain.cases.insertReview(c, caseId, r);
            domain.event(c, caseId, actor,
                    new CaseEvents.ReviewRecorded(r.id(), plan, r.supportsCourtRequest()),
                    "independent review of plan version " + plan + " by "
                    + reviewerName + " (" + organisation + ")" + (r.supportsCourtRequest() ? ", supports a court request" : ""),
                    null);
            return r;
        });
    }

    @Override
    public List<Review> reviews(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.reviews(c, caseId);
        });
    }

    @Override
    public Consent addConsent(Actor actor, String caseId, ConsentInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String personId = Check.text("personId", input.personId(), Check.ID);
        String subject = Check.text("subject", input.subject(), SHORT_TEXT);
        String reason = Check.text("reason", input.reason(), LONG_TEXT);
        String aim = Check.text("aim", input.aim(), LONG_TEXT);
        String consequence = Check.text("consequenceOfRefusal", input.consequenceOfRefusal(), LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            if (!domain.cases.members(c, caseId).containsKey(personId)) {
                throw new InvalidInputException("personId", "is not a member of the case");
            }
            Consent k = new Consent(Domain.newId(), personId, subject, reason, aim, consequence, input.given(),
                    domain.now(), actor.id());
            domain.cases.insertConsent(c, caseId, k);
            return k;
        });
    }

    @Override
    public List<Consent> consents(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.consents(c, caseId);
        });
    }

    @Override
    public Evaluation addEvaluation(Actor actor, String caseId, EvaluationInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate date = Check.required("date", input.date());
        Check.notInFuture("date", date, domain.today());
        String summary = Check.text("summary", input.summary(), LONG_TEXT);
        String opinion = Check.optionalText("familyOpinion", input.familyOpinion(), LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            int plan = domain.plans.latestNumber(c, caseId);
            if (plan == 0) {
                throw new RuleViolationException("plan-required", "an evaluation evaluates the plan: the case has no plan yet");
            }
            Evaluation e = new Evaluation(Domain.newId(), plan, date, summary, opinion, domain.now(), actor.id());
            domain.cases.insertEvaluation(c, caseId, e);
            domain.event(c, caseId, actor, new CaseEvents.EvaluationRecorded(e.id(), plan, date),
                    "evaluation of plan version " + plan + " on " + date, null);
            return e;
        });
    }

    @Override
    public List<Evaluation> evaluations(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.evaluations(c, caseId);
        });
    }

    @Override
    public CourtRequest requestCourt(Actor actor, String caseId, CourtRequestInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Check.required("measure", input.measure());
        String grounds = Check.text("grounds", input.grounds(), LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Optional<StoredPlanVersion> plan = domain.plans.latest(c, caseId);
            if (plan.isEmpty()) {
                throw new RuleViolationException("independent-review-required",
                        "the case has no plan yet: a court request needs an independent review of the latest plan");
            }
            StoredPlanVersion latest = plan.get();
            Review basis = null;
            for (Review r : domain.cases.reviews(c, caseId)) {
                // Counts only for the latest plan version, recorded after that version was saved, by a
                // reviewer who is (still) never assigned to the case.
                // And signed: recorded by the reviewer with their own login (a review typed in by someone
                // else, as before issue 14, stays readable but is no basis).
                if (r.supportsCourtRequest() && r.planVersion() == latest.version()
                        && r.reviewerId().equals(r.recordedBy())
                        && !r.recordedAt().isBefore(latest.createdAt())
                        && !domain.cases.everAssigned(c, caseId, r.reviewerId())) {
                    basis = r;
                }
            }
            if (basis == null) {
                throw new RuleViolationException("independent-review-required", "no independent review supporting a"
                        + " court request was recorded and signed by its reviewer for plan version " + latest.version()
                        + ": record one (toetsing en tegenspraak) first");
            }
            CourtRequest r = new CourtRequest(Domain.newId(), input.measure(), grounds, basis.id(), latest.version(),
                    domain.now(), actor.id());
            domain.cases.insertCourtRequest(c, caseId, r);
            domain.event(c, caseId, actor, new CaseEvents.CourtRequested(r.id(),
                    String.valueOf(input.measure()), basis.id(), latest.version()),
                    "request for " + input.measure() + " based on review "
                    + basis.id() + " of plan version " + latest.version(), grounds);
            return r;
        });
    }

    @Override
    public List<CourtRequest> courtRequests(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return domain.cases.courtRequests(c, caseId);
        });
    }
}
