package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.ChildMeasureInput;
import nl.proeftuin.core.api.living.LinkedSignal;
import nl.proeftuin.core.api.living.MemberChange;
import nl.proeftuin.core.api.living.ParentalAuthority;
import nl.proeftuin.core.api.living.ParentalAuthorityInput;
import nl.proeftuin.core.api.living.RegieNotice;
import nl.proeftuin.core.api.living.MemberInput;
import nl.proeftuin.core.api.living.MembershipEndInput;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.store.cases.StoredCase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.living.LivingCaseService;
import nl.proeftuin.core.api.living.MeasureEndInput;
import nl.proeftuin.core.api.living.ReviewRequest;
import nl.proeftuin.core.api.living.ReviewRequestInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.living.LivingStore;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.Membership;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.living.MeasureChoice;
import nl.proeftuin.core.api.living.MeasureCycle;
import nl.proeftuin.core.api.living.MeasureEvaluationInput;
import nl.proeftuin.core.api.living.MunicipalityMove;
import nl.proeftuin.core.api.living.MunicipalityMoveInput;
import nl.proeftuin.core.api.living.RaadInvestigation;
import nl.proeftuin.core.api.living.RaadInvestigationInput;
import nl.proeftuin.core.api.living.RaadReportInput;
import nl.proeftuin.core.api.living.ActiveProfessional;
import nl.proeftuin.core.api.living.FeedbackChannel;
import nl.proeftuin.core.api.living.FeedbackOutcome;
import nl.proeftuin.core.api.living.ProfessionalsNotice;
import nl.proeftuin.core.api.living.Reporter;
import nl.proeftuin.core.api.living.ReporterFeedbackInput;
import nl.proeftuin.core.api.living.ReporterInput;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.store.cluster.RegionJobs;
import nl.proeftuin.core.store.living.StoredEvaluation;
import nl.proeftuin.core.store.municipal.MunicipalDecisionStore;
import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.region.MunicipalityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The living case (issue 14, decision 0032): the measure per child. Each change is one transaction
 * under the case's lock, with a typed event in the case's history.
 */
@Component(service = LivingCaseService.class)
@Designate(ocd = LivingCycleConfig.class)
public class TransactionalLivingService implements LivingCaseService {
    private static final int REFERENCE = 200;

    private final Domain domain;
    private final LivingStore living;

    /** The terms of a measure's cycle (decision 0038). */
    record Terms(int otsEvaluationWeeks, int placementEvaluationWeeks, int evaluationReminderDays, int raadReportMonths,
            int reporterFeedbackDays, int familyProfessionalsThreshold) {
        static final Terms DEFAULT = new Terms(8, 8, 14, 3, 10, 5);
    }

    /** The name of the cycle check in {@code job_lease}: once per region per interval. */
    static final String CYCLE_JOB = "living-cycle";
    static final String EVALUATION_DUE = "MEASURE_EVALUATION_DUE";
    static final String EVALUATION_OVERDUE = "MEASURE_EVALUATION_OVERDUE";
    static final String RAAD_OVERDUE = "RAAD_REPORT_OVERDUE";
    static final String REPORTER_OVERDUE = "REPORTER_FEEDBACK_OVERDUE";
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLivingService.class);

    private final OneFamilyOneCase oneCase;
    private final MunicipalityStore municipalities;
    private final AlertStore alerts;
    private final MunicipalDecisionStore municipal;
    private final Terms terms;
    private final ScheduledExecutorService scheduler;

    @Activate
    public TransactionalLivingService(LivingCycleConfig config, @Reference Database database,
            @Reference FamilyStore family, @Reference CaseStore cases, @Reference PlanStore plans,
            @Reference LivingStore living, @Reference MunicipalityStore municipalities, @Reference AlertStore alerts,
            @Reference MunicipalDecisionStore municipal, @Reference RegionJobs jobs) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), living, municipalities, alerts, municipal,
                new Terms(config.otsEvaluationWeeks(), config.placementEvaluationWeeks(),
                        config.evaluationReminderDays(), config.raadReportMonths(), config.reporterFeedbackDays(),
                        config.familyProfessionalsThreshold()), config.cycleCheckMinutes(), jobs);
    }

    /**
     * @param checkMinutes how often the cycle check runs by itself (0: never; tests call {@link #checkCycles()})
     * @param jobs         who runs it in the region (decision 0027); null: this node, every time
     */
    TransactionalLivingService(Domain domain, LivingStore living, MunicipalityStore municipalities, AlertStore alerts,
            MunicipalDecisionStore municipal, Terms terms, long checkMinutes, RegionJobs jobs) {
        this.domain = domain;
        this.living = living;
        this.oneCase = new OneFamilyOneCase(domain, living);
        this.municipalities = municipalities;
        this.alerts = alerts;
        this.municipal = municipal;
        this.terms = terms;
        scheduler = checkMinutes <= 0 ? null : RegionJobSchedule.every(Duration.ofMinutes(checkMinutes), jobs,
                CYCLE_JOB, "proeftuin-living-cycle", this::checkCycles, LOG, "Measure cycle check failed");
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public List<ChildMeasure> measures(String caseId) {
        return ofCase(caseId, living::measures);
    }

    @Override
    public ChildMeasure addMeasure(Actor actor, String caseId, ChildMeasureInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String personId = Check.text("personId", input.personId(), Check.ID);
        MeasureType type = Check.required("type", input.type());
        Check.required("startDate", input.startDate());
        if (type != MeasureType.GUARDIANSHIP && input.endDate() == null) {
            throw new InvalidInputException("endDate", "is required: the court imposes " + type + " for a fixed term");
        }
        Check.range("endDate", input.startDate(), input.endDate());
        String reference = Check.text("courtDecisionReference", input.courtDecisionReference(), REFERENCE);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Map<String, Set<FamilyRole>> members = domain.cases.members(c, caseId);
            Set<FamilyRole> roles = members.get(personId);
            if (roles == null || !roles.contains(FamilyRole.CHILD)) {
                throw new RuleViolationException("measure-child-not-in-case", "person " + personId
                        + " is not a child in this case: a measure is recorded for a child member of the case");
            }
            for (ChildMeasure m : living.measures(c, caseId)) {
                if (m.personId().equals(personId) && m.type() == type && m.endedOn() == null
                        && (m.endDate() == null || !m.endDate().isBefore(input.startDate()))) {
                    throw new RuleViolationException("measure-already-running", "this child has a running " + type
                            + " (" + m.courtDecisionReference() + ", measure " + m.id()
                            + "): end it first, or record the extension as its own decision after its end date");
                }
            }
            ChildMeasure m = new ChildMeasure(Domain.newId(), caseId, personId, type, input.startDate(),
                    input.endDate(), reference, null, null, domain.now(), actor.id());
            living.insertMeasure(c, m);
            domain.event(c, caseId, actor, new CaseEvents.ChildMeasureRecorded(m.id(), personId, type.name(),
                    m.startDate(), m.endDate()), type + " for a child from " + m.startDate()
                    + (m.endDate() == null ? "" : " until " + m.endDate()) + " (" + reference + ")", null);
            return m;
        });
    }

    @Override
    public ChildMeasure endMeasure(Actor actor, String caseId, String measureId, MeasureEndInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Check.required("endedOn", input.endedOn());
        Check.notInFuture("endedOn", input.endedOn(), domain.today());
        String reason = Check.text("reason", input.reason(), Check.SHORT_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            ChildMeasure m = living.measure(c, caseId, measureId)
                    .orElseThrow(() -> new NotFoundException("measure " + measureId + " in case " + caseId));
            if (m.endedOn() != null) {
                throw new RuleViolationException("measure-ended", "this measure ended on " + m.endedOn());
            }
            Check.range("endedOn", m.startDate(), input.endedOn());
            living.end(c, m.id(), input.endedOn(), reason);
            domain.event(c, caseId, actor, new CaseEvents.ChildMeasureEnded(m.id(), m.personId(), m.type().name(),
                    input.endedOn()), m.type() + " of a child ended on " + input.endedOn(), reason);
            return living.measure(c, caseId, measureId).orElseThrow();
        });
    }

    // --- the independent review, asked of a named reviewer (part 8) --------------------------------

    @Override
    public ReviewRequest requestReview(Actor actor, String caseId, ReviewRequestInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String reviewerId = Check.text("reviewerId", input.reviewerId(), Check.ID);
        String question = Check.text("question", input.question(), Check.LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            int plan = domain.plans.latestNumber(c, caseId);
            if (plan == 0) {
                throw new RuleViolationException("plan-required", "a review reviews the plan: the case has no plan yet");
            }
            if (domain.cases.everAssigned(c, caseId, reviewerId)) {
                throw new RuleViolationException("reviewer-not-independent", reviewerId
                        + " is or was assigned to this case: the review must be by someone not involved with the family");
            }
            for (ReviewRequest open : living.reviewRequests(c, caseId)) {
                if (open.open() && open.reviewerId().equals(reviewerId)) {
                    throw new RuleViolationException("review-already-requested", "a review was asked of " + reviewerId
                            + " on " + open.requestedAt() + " and is still open (request " + open.id() + ")");
                }
            }
            ReviewRequest r = new ReviewRequest(Domain.newId(), caseId, reviewerId, question, plan, domain.now(),
                    actor.id(), null);
            living.insertReviewRequest(c, r);
            domain.event(c, caseId, actor, new CaseEvents.ReviewRequested(r.id(), reviewerId, plan),
                    "independent review of plan version " + plan + " asked of " + reviewerId, question);
            return r;
        });
    }

    @Override
    public List<ReviewRequest> reviewRequests(String caseId) {
        return ofCase(caseId, living::reviewRequests);
    }

    @Override
    public List<ReviewRequest> openReviewRequests(String reviewerId) {
        Check.text("reviewerId", reviewerId, Check.ID);
        return domain.read(c -> living.openReviewRequests(c, reviewerId));
    }

    // --- one family, one case (part 2) ----------------------------------------------------------------

    @Override
    public List<String> openCasesOf(List<String> personIds) {
        List<String> ids = personIds == null ? List.of()
                : personIds.stream().filter(java.util.Objects::nonNull).map(String::strip).distinct().toList();
        return domain.read(c -> living.openCasesOf(c, ids));
    }

    @Override
    public void recordSeparateCase(Actor actor, String caseId, List<String> existingCaseIds, String reason) {
        Check.actor(actor);
        String why = Check.text("separateCaseReason", reason, Check.LONG_TEXT);
        List<String> existing = Check.list(existingCaseIds);
        domain.write(c -> {
            domain.existingCase(c, caseId);
            oneCase.recordSeparate(c, actor, caseId, existing, why);
            return null;
        });
    }

    @Override
    public LinkedSignal linkSignal(Actor actor, String caseId, SignalInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Check.required("kind", input.kind());
        Check.required("source", input.source());
        String description = Check.text("description", input.description(), Check.LONG_TEXT);
        Check.required("receivedOn", input.receivedOn());
        Check.notInFuture("receivedOn", input.receivedOn(), domain.today());
        List<CaseMemberInput> named = Check.list(input.members());
        if (named.isEmpty()) {
            throw new InvalidInputException("members", "must name at least one person of the case the signal is about");
        }
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Set<String> members = domain.cases.members(c, caseId).keySet();
            for (int i = 0; i < named.size(); i++) {
                CaseMemberInput m = Check.required("members[" + i + "]", named.get(i));
                String personId = Check.text("members[" + i + "].personId", m.personId(), Check.ID);
                if (!members.contains(personId)) {
                    throw new RuleViolationException("signal-persons-not-in-case", "members[" + i + "] is not a member"
                            + " of this case: link a signal only to the case of the family it is about");
                }
            }
            LinkedSignal s = new LinkedSignal(Domain.newId(), caseId, input.kind(), input.source(), description,
                    input.receivedOn(), domain.now(), actor.id());
            living.insertLinkedSignal(c, s);
            domain.event(c, caseId, actor, new CaseEvents.SignalLinked(s.id(), input.kind().name(),
                    input.source().name(), input.receivedOn()), "new " + input.kind() + " from " + input.source()
                    + " received " + input.receivedOn() + " linked to this case", null);
            return s;
        });
    }

    @Override
    public List<LinkedSignal> linkedSignals(String caseId) {
        return ofCase(caseId, living::linkedSignals);
    }

    // --- the family system over time (part 2) ---------------------------------------------------------

    @Override
    public CaseView addMember(Actor actor, String caseId, Long expectedVersion, MemberInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String personId = Check.text("personId", input.personId(), Check.ID);
        Set<FamilyRole> roles = roles(input);
        LocalDate since = since(input.since());
        String reason = Check.optionalText("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            if (domain.family.persons(c, Set.of(personId)).isEmpty()) {
                throw new InvalidInputException("personId", "no person is recorded with id " + personId);
            }
            // one family, one case (decision 0047): the person's open cases read under the person's lock, the lock an
            // opening for the same person takes; read without it, a case opened meanwhile went unnoticed by both
            List<String> openCases = oneCase.openCasesLocked(c, List.of(personId));
            if (domain.cases.members(c, caseId).containsKey(personId)) {
                throw new RuleViolationException("already-member", "this person is a member of the case already:"
                        + " change their roles instead (POST .../members/{personId}/roles)");
            }
            snapshotOpening(c, k);
            if (living.wasMember(c, caseId, personId)) {
                living.reopenMembership(c, caseId, personId, roles);
            } else {
                domain.cases.insertMember(c, caseId, personId, roles, domain.cases.members(c, caseId).size() + 1000);
            }
            change(c, actor, caseId, personId, "ADDED", roles, since, reason);
            for (String other : openCases) {
                if (!other.equals(caseId)) {
                    oneCase.noticeBothWays(c, caseId, other);
                }
            }
            return domain.view(c, domain.touch(c, k, actor, new CaseEvents.MemberAdded(personId, roles.toString(), since),
                    "a member joined the family system from " + since + " as " + roles, reason));
        });
    }

    @Override
    public CaseView changeMemberRoles(Actor actor, String caseId, Long expectedVersion, String personId,
            MemberInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Set<FamilyRole> roles = roles(input);
        LocalDate since = since(input.since());
        String reason = Check.optionalText("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            if (!domain.cases.members(c, caseId).containsKey(personId)) {
                throw new NotFoundException("member " + personId + " of case " + caseId);
            }
            snapshotOpening(c, k);
            living.replaceRoles(c, caseId, personId, roles);
            change(c, actor, caseId, personId, "ROLES_CHANGED", roles, since, reason);
            return domain.view(c, domain.touch(c, k, actor, new CaseEvents.MemberRolesChanged(personId,
                    roles.toString(), since), "a member's roles are " + roles + " from " + since, reason));
        });
    }

    @Override
    public CaseView endMembership(Actor actor, String caseId, Long expectedVersion, String personId,
            MembershipEndInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate until = Check.required("until", input.until());
        Check.notInFuture("until", until, domain.today());
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            Map<String, Set<FamilyRole>> members = domain.cases.members(c, caseId);
            Set<FamilyRole> roles = members.get(personId);
            if (roles == null) {
                throw new NotFoundException("member " + personId + " of case " + caseId);
            }
            if (members.size() == 1) {
                throw new RuleViolationException("last-member", "a case names at least one person: this is its last"
                        + " member (close the case instead)");
            }
            snapshotOpening(c, k);
            living.endMembership(c, caseId, personId, until, reason);
            change(c, actor, caseId, personId, "ENDED", roles, until, reason);
            return domain.view(c, domain.touch(c, k, actor, new CaseEvents.MembershipEnded(personId, until),
                    "a member left the family system on " + until, reason));
        });
    }

    @Override
    public List<MemberChange> memberHistory(String caseId) {
        return domain.read(c -> {
            StoredCase k = domain.existingCase(c, caseId);
            List<MemberChange> changes = living.memberChanges(c, caseId);
            return changes.isEmpty() ? opening(c, k) : changes;
        });
    }

    private void change(Connection c, Actor actor, String caseId, String personId, String kind, Set<FamilyRole> roles,
            LocalDate on, String reason) throws SQLException {
        living.insertMemberChange(c, new MemberChange(Domain.newId(), caseId, personId, kind, Set.copyOf(roles), on,
                reason, domain.now(), actor.id()));
    }

    /** Before the first change, the members the case opened with go into the history as ADDED. */
    private void snapshotOpening(Connection c, StoredCase k) throws SQLException {
        if (living.memberChanges(c, k.id()).isEmpty()) {
            for (MemberChange m : opening(c, k)) {
                living.insertMemberChange(c, m);
            }
        }
    }

    /** The members as the case opened with them (while nothing changed, they are its current members). */
    private List<MemberChange> opening(Connection c, StoredCase k) throws SQLException {
        List<MemberChange> out = new ArrayList<>();
        LocalDate opened = DutchDay.of(k.openedAt());
        for (Map.Entry<String, Set<FamilyRole>> m : domain.cases.members(c, k.id()).entrySet()) {
            out.add(new MemberChange(Domain.newId(), k.id(), m.getKey(), "ADDED", Set.copyOf(m.getValue()), opened,
                    "opened with the case", k.openedAt(), k.openedBy()));
        }
        return out;
    }

    private static Set<FamilyRole> roles(MemberInput input) {
        if (input.roles() == null || input.roles().isEmpty()
                || input.roles().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("roles", "must give at least one role");
        }
        return Set.copyOf(input.roles());
    }

    private LocalDate since(LocalDate given) {
        return Check.notInFuture("since", given == null ? domain.today() : given, domain.today());
    }

    // --- parental authority (gezag) per child (part 2) -------------------------------------------------

    @Override
    public List<ParentalAuthority> authority(String caseId) {
        return ofCase(caseId, living::authority);
    }

    @Override
    public ParentalAuthority recordAuthority(Actor actor, String caseId, ParentalAuthorityInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String child = Check.text("personId", input.personId(), Check.ID);
        String holder = Check.optionalText("holderPersonId", input.holderPersonId(), Check.ID);
        String organisation = Check.optionalText("holderOrganisation", input.holderOrganisation(), REFERENCE);
        if ((holder == null) == (organisation == null)) {
            throw new InvalidInputException("holderPersonId", "give exactly one of holderPersonId (a parent in the"
                    + " case) and holderOrganisation (an organisation holding voogdij)");
        }
        LocalDate since = Check.required("since", input.since());
        Check.notInFuture("since", since, domain.today());
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Map<String, Set<FamilyRole>> members = domain.cases.members(c, caseId);
            Set<FamilyRole> roles = members.get(child);
            if (roles == null || !roles.contains(FamilyRole.CHILD)) {
                throw new RuleViolationException("authority-child-not-in-case", "personId is not a child in this case");
            }
            if (holder != null && (!members.containsKey(holder) || holder.equals(child))) {
                throw new RuleViolationException("authority-holder-not-in-case", "holderPersonId is not another member"
                        + " of this case: add them to the family system first");
            }
            List<ParentalAuthority> held = living.authorityOver(c, child).stream().filter(a -> a.until() == null)
                    .toList();
            for (ParentalAuthority a : held) {
                if (holder != null ? holder.equals(a.holderPersonId())
                        : organisation.equalsIgnoreCase(String.valueOf(a.holderOrganisation()))) {
                    throw new RuleViolationException("authority-already-held", "this holder has held authority over"
                            + " the child since " + a.since() + " (" + a.id() + ")");
                }
            }
            if (held.size() >= 2) {
                throw new RuleViolationException("authority-at-most-two", "parental authority is held by one or two at"
                        + " a time: end one of the current holders first");
            }
            ParentalAuthority a = new ParentalAuthority(Domain.newId(), caseId, child, holder, organisation, since,
                    null, null, domain.now(), actor.id());
            living.insertAuthority(c, a);
            domain.event(c, caseId, actor, new CaseEvents.AuthorityRecorded(a.id(), child, holder, organisation, since),
                    "parental authority over a child held by " + (holder != null ? "a parent in the case" : organisation)
                    + " from " + since, null);
            return a;
        });
    }

    @Override
    public ParentalAuthority endAuthority(Actor actor, String caseId, String authorityId, MembershipEndInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate until = Check.required("until", input.until());
        Check.notInFuture("until", until, domain.today());
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            ParentalAuthority a = living.authority(c, caseId).stream().filter(x -> x.id().equals(authorityId))
                    .findFirst().orElseThrow(() -> new NotFoundException("authority " + authorityId + " in case " + caseId));
            if (a.until() != null) {
                throw new RuleViolationException("authority-ended", "this authority ended on " + a.until());
            }
            Check.range("until", a.since(), until);
            living.endAuthority(c, authorityId, until, reason);
            domain.event(c, caseId, actor, new CaseEvents.AuthorityEnded(a.id(), a.personId(), until),
                    "parental authority over a child ended on " + until, reason);
            return living.authority(c, caseId).stream().filter(x -> x.id().equals(authorityId)).findFirst().orElseThrow();
        });
    }

    // --- several professionals around one family (part 9) ---------------------------------------------

    @Override
    public List<RegieNotice> regieNotices(String userId) {
        Check.text("userId", userId, Check.ID);
        return domain.read(c -> living.regieNotices(c, userId));
    }

    /** The fixed professionals of two open cases sharing a family member each get a notice naming the other. */
    // --- living (decision 0038): the family moves (part 2) --------------------------------------------

    @Override
    public CaseView moveMunicipality(Actor actor, String caseId, Long expectedVersion, MunicipalityMoveInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String given = Check.text("municipality", input.municipality(), REFERENCE);
        Municipalities.key("municipality", given);
        LocalDate movedOn = Check.required("movedOn", input.movedOn());
        Check.notInFuture("movedOn", movedOn, domain.today());
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, expectedVersion);
            String to = Municipalities.canonical(municipalities, c, "municipality", given);
            if (to.equals(k.municipality())) {
                throw new RuleViolationException("same-municipality", "the case's responsible municipality is " + to
                        + " already");
            }
            living.moveCase(c, caseId, to);
            int requests = living.moveUndecidedRequests(c, caseId, to);
            int waits = living.moveOpenWaits(c, caseId, to);
            MunicipalityMove move = new MunicipalityMove(Domain.newId(), caseId, k.municipality(), to, movedOn, reason,
                    requests, waits, domain.now(), actor.id());
            living.insertMove(c, move);
            StoredCase moved = new StoredCase(k.id(), k.version(), to, k.status(), k.closedReason(), k.signal(),
                    k.phase(), k.framework(), k.measure(), k.openedAt(), k.openedBy());
            return domain.view(c, domain.commit(c, k, moved, actor, new CaseEvents.MunicipalityMoved(move.id(),
                    k.municipality(), to, movedOn, requests, waits), "the family moved on " + movedOn + ": the case's"
                    + " responsible municipality is " + to + " (was " + k.municipality() + "); " + requests
                    + " undecided request(s) and " + waits + " open wait(s) went with it", reason));
        });
    }

    @Override
    public List<MunicipalityMove> municipalityMoves(String caseId) {
        return ofCase(caseId, living::moves);
    }

    // --- living (decision 0038): relationships and household periods end (part 2) ----------------------

    @Override
    public Relationship relationship(String relationshipId) {
        Check.text("relationshipId", relationshipId, Check.ID);
        return domain.read(c -> living.relationship(c, relationshipId)
                .orElseThrow(() -> new NotFoundException("relationship " + relationshipId)));
    }

    @Override
    public Relationship endRelationship(Actor actor, String relationshipId, MembershipEndInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate until = Check.required("until", input.until());
        Check.notInFuture("until", until, domain.today());
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            Relationship r = living.relationship(c, relationshipId)
                    .orElseThrow(() -> new NotFoundException("relationship " + relationshipId));
            if (r.until() != null) {
                throw new RuleViolationException("relationship-ended", "this relationship ended on " + r.until());
            }
            Check.range("until", r.since(), until);
            living.endRelationship(c, relationshipId, until, reason, actor.id());
            return living.relationship(c, relationshipId).orElseThrow();
        });
    }

    @Override
    public Household endHouseholdMembership(Actor actor, String householdId, String personId,
            MembershipEndInput input) {
        Check.actor(actor);
        Check.required("body", input);
        Check.text("personId", personId, Check.ID);
        LocalDate until = Check.required("until", input.until());
        Check.notInFuture("until", until, domain.today());
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        return domain.write(c -> {
            Household h = domain.family.household(c, Check.required("householdId", householdId))
                    .orElseThrow(() -> new NotFoundException("household " + householdId));
            Membership current = h.members().stream().filter(m -> m.personId().equals(personId) && m.until() == null)
                    .findFirst().orElseThrow(() -> new RuleViolationException("household-membership-ended",
                            "this person has no current period in this household (it ended, or never began)"));
            Check.range("until", current.since(), until);
            living.endHouseholdMembership(c, householdId, personId, until, reason, actor.id());
            return domain.family.household(c, householdId).orElseThrow();
        });
    }

    // --- living (decision 0038): the measure's cycle (part 6) -----------------------------------------

    /** When a measure's evaluation is due: its term before the end date; null without an end date. */
    LocalDate evaluationDue(ChildMeasure m) {
        if (m.endDate() == null) {
            return null;
        }
        return m.endDate().minusWeeks(m.type() == MeasureType.OTS ? terms.otsEvaluationWeeks()
                : terms.placementEvaluationWeeks());
    }

    private MeasureCycle cycle(ChildMeasure m, StoredEvaluation e) {
        LocalDate due = evaluationDue(m);
        boolean overdue = e == null && m.endedOn() == null && due != null && domain.today().isAfter(due);
        return new MeasureCycle(m.id(), m.personId(), m.type(), m.endDate(), due, overdue,
                e == null ? null : e.choice(), e == null ? null : e.reasons(), e == null ? null : e.evaluatedOn(),
                e == null ? null : e.recordedAt(), e == null ? null : e.recordedBy());
    }

    @Override
    public List<MeasureCycle> measureCycles(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            Map<String, StoredEvaluation> evaluations = new java.util.HashMap<>();
            living.evaluations(c, caseId).forEach(e -> evaluations.put(e.measureId(), e));
            return living.measures(c, caseId).stream().map(m -> cycle(m, evaluations.get(m.id()))).toList();
        });
    }

    @Override
    public MeasureCycle evaluateMeasure(Actor actor, String caseId, String measureId, MeasureEvaluationInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate on = Check.required("evaluatedOn", input.evaluatedOn());
        Check.notInFuture("evaluatedOn", on, domain.today());
        MeasureChoice choice = Check.required("choice", input.choice());
        String reasons = Check.text("reasons", input.reasons(), Check.LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            ChildMeasure m = living.measure(c, caseId, measureId)
                    .orElseThrow(() -> new NotFoundException("measure " + measureId + " in case " + caseId));
            if (m.endedOn() != null) {
                throw new RuleViolationException("measure-ended", "this measure ended on " + m.endedOn());
            }
            if (m.endDate() == null) {
                throw new RuleViolationException("measure-without-end", "a " + m.type() + " has no end date to"
                        + " evaluate against: its cycle is the court's");
            }
            if (living.evaluation(c, measureId).isPresent()) {
                throw new RuleViolationException("measure-already-evaluated", "this measure's evaluation before its end"
                        + " was recorded already");
            }
            Check.range("evaluatedOn", m.startDate(), on);
            LocalDate due = evaluationDue(m);
            StoredEvaluation e = new StoredEvaluation(measureId, caseId, choice, reasons, on, domain.now(), actor.id());
            living.insertEvaluation(c, e);
            boolean late = on.isAfter(due);
            domain.event(c, caseId, actor, new CaseEvents.MeasureEvaluated(measureId, m.personId(), choice.name(), on,
                    due, late), m.type() + " of a child evaluated on " + on + " (due " + due + (late ? ", late" : "")
                    + "): " + (choice == MeasureChoice.REQUEST_EXTENSION ? "an extension is requested"
                            : "it ends at " + m.endDate()), reasons);
            return cycle(m, e);
        });
    }

    private RaadInvestigation withOverdue(RaadInvestigation r) {
        boolean overdue = r.reportedOn() == null && domain.today().isAfter(r.reportDue());
        return new RaadInvestigation(r.id(), r.caseId(), r.personId(), r.question(), r.requestedOn(), r.reportDue(),
                overdue, r.reportedOn(), r.conclusion(), r.summary(), r.recordedAt(), r.recordedBy());
    }

    @Override
    public List<RaadInvestigation> raadInvestigations(String caseId) {
        return ofCase(caseId, (c, id) -> living.raadInvestigations(c, id).stream().map(this::withOverdue).toList());
    }

    @Override
    public RaadInvestigation requestRaadInvestigation(Actor actor, String caseId, RaadInvestigationInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String child = Check.text("personId", input.personId(), Check.ID);
        String question = Check.text("question", input.question(), Check.LONG_TEXT);
        LocalDate on = Check.required("requestedOn", input.requestedOn());
        Check.notInFuture("requestedOn", on, domain.today());
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Set<FamilyRole> roles = domain.cases.members(c, caseId).get(child);
            if (roles == null || !roles.contains(FamilyRole.CHILD)) {
                throw new RuleViolationException("raad-child-not-in-case", "personId is not a child in this case: the"
                        + " Raad investigates a child's situation");
            }
            for (RaadInvestigation r : living.raadInvestigations(c, caseId)) {
                if (r.personId().equals(child) && r.reportedOn() == null) {
                    throw new RuleViolationException("raad-investigation-running", "the Raad investigates this child"
                            + " since " + r.requestedOn() + " (report due " + r.reportDue() + ", " + r.id() + ")");
                }
            }
            RaadInvestigation r = new RaadInvestigation(Domain.newId(), caseId, child, question, on,
                    on.plusMonths(terms.raadReportMonths()), false, null, null, null, domain.now(), actor.id());
            living.insertRaadInvestigation(c, r);
            domain.event(c, caseId, actor, new CaseEvents.RaadInvestigationRequested(r.id(), child, on, r.reportDue()),
                    "the Raad investigates a child's situation from " + on + "; its report is due " + r.reportDue(),
                    question);
            return withOverdue(r);
        });
    }

    @Override
    public RaadInvestigation recordRaadReport(Actor actor, String caseId, String investigationId,
            RaadReportInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate on = Check.required("reportedOn", input.reportedOn());
        Check.notInFuture("reportedOn", on, domain.today());
        var conclusion = Check.required("conclusion", input.conclusion());
        String summary = Check.text("summary", input.summary(), Check.LONG_TEXT);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            RaadInvestigation r = living.raadInvestigations(c, caseId).stream()
                    .filter(x -> x.id().equals(investigationId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Raad investigation " + investigationId + " in case "
                            + caseId));
            if (r.reportedOn() != null) {
                throw new RuleViolationException("raad-reported", "the Raad reported on " + r.reportedOn());
            }
            Check.range("reportedOn", r.requestedOn(), on);
            living.reportRaad(c, investigationId, on, conclusion, summary, domain.now(), actor.id());
            boolean late = on.isAfter(r.reportDue());
            domain.event(c, caseId, actor, new CaseEvents.RaadReported(r.id(), r.personId(), conclusion.name(), on,
                    late), "the Raad reported on " + on + " (due " + r.reportDue() + (late ? ", late" : "") + "): "
                    + conclusion, summary);
            return withOverdue(living.raadInvestigations(c, caseId).stream()
                    .filter(x -> x.id().equals(investigationId)).findFirst().orElseThrow());
        });
    }

    @Override
    public int checkCycles() {
        LocalDate today = domain.today();
        // four checks in their own transactions: a failure in one (a row it cannot write) stops neither the
        // others' alerts nor, at the next run, its own work on the other cases
        return cyclePart("measure evaluation", c -> {
            int n = 0;
            for (MeasureType type : List.of(MeasureType.OTS, MeasureType.OUT_OF_HOME_PLACEMENT)) {
                int weeks = type == MeasureType.OTS ? terms.otsEvaluationWeeks() : terms.placementEvaluationWeeks();
                for (ChildMeasure m : living.runningEndingBy(c, type, today.plusWeeks(weeks)
                        .plusDays(terms.evaluationReminderDays()))) {
                    if (living.evaluation(c, m.id()).isPresent()) {
                        continue;
                    }
                    StoredCase k = domain.existingCase(c, m.caseId());
                    if (k.status() == CaseStatus.CLOSED) {
                        continue;
                    }
                    LocalDate due = evaluationDue(m);
                    boolean overdue = today.isAfter(due);
                    String kind = overdue ? EVALUATION_OVERDUE : EVALUATION_DUE;
                    if (living.markCycleAlert(c, m.id(), kind, domain.now())) {
                        cycleAlerts(c, kind, k, overdue
                                ? "The evaluation of the " + type + " of a child in case " + k.id() + " was due on " + due
                                        + " (the measure ends on " + m.endDate() + ") and has not been recorded."
                                : "The evaluation of the " + type + " of a child in case " + k.id() + " is due on " + due
                                        + " (the measure ends on " + m.endDate() + "): extension or end, with reasons.");
                        n++;
                    }
                }
            }
            return n;
        }) + cyclePart("Raad report", c -> {
            int n = 0;
            for (RaadInvestigation r : living.raadOverdue(c, today)) {
                StoredCase k = domain.existingCase(c, r.caseId());
                if (k.status() != CaseStatus.CLOSED && living.markCycleAlert(c, r.id(), RAAD_OVERDUE, domain.now())) {
                    cycleAlerts(c, RAAD_OVERDUE, k, "The Raad's report on the investigation in case " + k.id()
                            + " was due on " + r.reportDue() + " and has not been recorded.");
                    n++;
                }
            }
            return n;
        }) + cyclePart("reporter feedback", c -> {
            int n = 0;
            for (Reporter r : living.reportersOverdue(c, today)) {
                StoredCase k = domain.existingCase(c, r.caseId());
                if (k.status() != CaseStatus.CLOSED && living.markCycleAlert(c, r.id(), REPORTER_OVERDUE, domain.now())) {
                    cycleAlerts(c, REPORTER_OVERDUE, k, "The reporter of a signal in case " + k.id() + " ("
                            + r.organisation() + ") was to be told what happens next by " + r.feedbackDue()
                            + " and has not been.");
                    n++;
                }
            }
            return n;
        }) + cyclePart("professionals-around-a-family", this::noticeCrowdedFamilies);
    }

    private int cyclePart(String what, nl.proeftuin.core.store.Database.SqlWork<Integer> work) {
        try {
            return domain.write(work);
        } catch (RuntimeException e) {
            LOG.warn("The {} check failed (the other checks ran; the next run retries)", what, e);
            return 0;
        }
    }

    /**
     * A cycle alert for each of the case's fixed professionals (addressed to them, so it is on their
     * {@code /municipality/alerts}); the coordinator's {@code /alerts} shows every alert. Without a fixed
     * professional, one alert for the coordinator.
     */
    private void cycleAlerts(Connection c, String kind, StoredCase k, String message) throws SQLException {
        List<String> owners = municipal.fixedProfessionals(c, k.id());
        if (owners.isEmpty()) {
            alerts.insert(c, new StoredAlert(Domain.newId(), kind, "CARE_PATH", k.municipality(), null, k.id(), message,
                    domain.now()));
            return;
        }
        for (String owner : owners) {
            StoredAlert a = new StoredAlert(Domain.newId(), kind, "CARE_PATH", k.municipality(), null, k.id(), message,
                    domain.now());
            alerts.insert(c, a);
            municipal.address(c, a.id(), "user:" + owner);
        }
    }

    // --- living (decision 0038): feedback to the reporter (part 10) -------------------------------------

    private Reporter derived(Reporter r) {
        boolean overdue = r.toldOn() == null && domain.today().isAfter(r.feedbackDue());
        return new Reporter(r.id(), r.caseId(), r.signalId(), r.organisation(), r.contact(), r.receivedOn(),
                r.feedbackDue(), overdue, r.toldOn(), r.outcome(), r.channel(), Reporter.message(r.outcome()),
                r.toldBy(), r.recordedAt(), r.recordedBy());
    }

    @Override
    public Reporter recordReporter(Actor actor, String caseId, ReporterInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String signalId = Check.optionalText("signalId", input.signalId(), Check.ID);
        String organisation = Check.text("organisation", input.organisation(), REFERENCE);
        String contact = Check.text("contact", input.contact(), REFERENCE);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, null);
            LocalDate received = k.signal().receivedOn();
            if (signalId != null) {
                received = living.linkedSignals(c, caseId).stream().filter(s -> s.id().equals(signalId)).findFirst()
                        .orElseThrow(() -> new RuleViolationException("reporter-signal-not-in-case", "signalId is not"
                                + " a signal linked to this case (leave it out for the signal the case opened with)"))
                        .receivedOn();
            }
            Reporter r = new Reporter(Domain.newId(), caseId, signalId, organisation, contact, received,
                    received.plusDays(terms.reporterFeedbackDays()), false, null, null, null, null, null, domain.now(),
                    actor.id());
            living.insertReporter(c, r);
            domain.event(c, caseId, actor, new CaseEvents.ReporterRecorded(r.id(), signalId, organisation,
                    r.feedbackDue()), "a reporter is recorded, to be told what happens next by " + r.feedbackDue(), null);
            return derived(r);
        });
    }

    @Override
    public List<Reporter> reporters(String caseId) {
        return ofCase(caseId, (c, id) -> living.reporters(c, id).stream().map(this::derived).toList());
    }

    @Override
    public Reporter recordFeedback(Actor actor, String caseId, String reporterId, ReporterFeedbackInput input) {
        Check.actor(actor);
        Check.required("body", input);
        FeedbackOutcome outcome = Check.required("outcome", input.outcome());
        FeedbackChannel channel = Check.required("channel", input.channel());
        LocalDate on = Check.required("toldOn", input.toldOn());
        Check.notInFuture("toldOn", on, domain.today());
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            Reporter r = living.reporters(c, caseId).stream().filter(x -> x.id().equals(reporterId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("reporter " + reporterId + " in case " + caseId));
            if (r.toldOn() != null) {
                throw new RuleViolationException("reporter-told", "the reporter was told on " + r.toldOn() + " ("
                        + r.outcome() + ")");
            }
            Check.range("toldOn", r.receivedOn(), on);
            living.tellReporter(c, reporterId, on, outcome, channel, domain.now(), actor.id());
            boolean late = on.isAfter(r.feedbackDue());
            domain.event(c, caseId, actor, new CaseEvents.ReporterTold(r.id(), outcome.name(), channel.name(), on, late),
                    "the reporter was told on " + on + " by " + channel + (late ? " (late)" : "")
                    + ": " + Reporter.message(outcome), null);
            return derived(living.reporters(c, caseId).stream().filter(x -> x.id().equals(reporterId)).findFirst()
                    .orElseThrow());
        });
    }

    // --- living (decision 0038): professionals around one family (part 9, the count) --------------------

    @Override
    public List<ProfessionalsNotice> professionalsNotices(String userId) {
        Check.text("userId", userId, Check.ID);
        return domain.read(c -> living.professionalsNotices(c, userId));
    }

    /**
     * Each open case around whose family more professionals than the threshold are active: its fixed
     * professional gets a notice naming them, once per case and number (again when it grows).
     */
    private int noticeCrowdedFamilies(Connection c) throws SQLException {
        int threshold = terms.familyProfessionalsThreshold();
        int n = 0;
        for (String caseId : living.crowdedCases(c, threshold)) {
            List<ActiveProfessional> around = living.professionalsAround(c, caseId);
            if (around.size() <= threshold
                    || !living.markCycleAlert(c, caseId, "CROWDED_FAMILY_" + around.size(), domain.now())) {
                continue;
            }
            for (String fixed : municipal.fixedProfessionals(c, caseId)) {
                living.insertProfessionalsNotice(c, fixed, new ProfessionalsNotice(Domain.newId(), caseId,
                        around.size(), threshold, around, domain.now()));
                n++;
            }
        }
        return n;
    }

    /** What {@code read} finds of one case, after checking that the case exists (404 otherwise), in one read. */
    private <T> T ofCase(String caseId, CaseRead<T> read) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return read.of(c, caseId);
        });
    }

    /** One case's rows, read on the read's connection. */
    @FunctionalInterface
    private interface CaseRead<T> {
        T of(java.sql.Connection c, String caseId) throws java.sql.SQLException;
    }
}
