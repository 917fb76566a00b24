package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.ChildMeasureInput;
import nl.proeftuin.core.api.living.LivingCaseService;
import nl.proeftuin.core.api.living.MeasureEndInput;
import nl.proeftuin.core.api.living.ReviewRequest;
import nl.proeftuin.core.api.living.ReviewRequestInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.living.LivingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The living case (issue 14, decision 0032): the measure per child. Each change is one transaction
 * under the case's lock, with a typed event in the case's history.
 */
@Component(service = LivingCaseService.class)
public class TransactionalLivingService implements LivingCaseService {
    private static final int REFERENCE = 200;

    private final Domain domain;
    private final LivingStore living;

    @Activate
    public TransactionalLivingService(@Reference Database database, @Reference FamilyStore family,
            @Reference CaseStore cases, @Reference PlanStore plans, @Reference LivingStore living) {
        this(database, family, cases, plans, living, Clock.systemUTC());
    }

    TransactionalLivingService(Database database, FamilyStore family, CaseStore cases, PlanStore plans,
            LivingStore living, Clock clock) {
        this.domain = new Domain(database, family, cases, plans, clock);
        this.living = living;
    }

    @Override
    public List<ChildMeasure> measures(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return living.measures(c, caseId);
        });
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
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            return living.reviewRequests(c, caseId);
        });
    }

    @Override
    public List<ReviewRequest> openReviewRequests(String reviewerId) {
        Check.text("reviewerId", reviewerId, Check.ID);
        return domain.read(c -> living.openReviewRequests(c, reviewerId));
    }
}
