package nl.proeftuin.core.api.living;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The living case: the measures per child. Errors as the other core services: 404 for an unknown
 * case or measure, 400 for bad input, 409 for a rule (named).
 */
@ProviderType
public interface LivingCaseService {

    /** @return the case's measures per child, oldest first */
    List<ChildMeasure> measures(String caseId);

    /**
     * Records a measure of one child.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code measure-child-not-in-case} when the person is
     *         not a CHILD of the case, {@code measure-already-running} when the child has a running measure of
     *         that type, {@code case-closed}
     */
    ChildMeasure addMeasure(Actor actor, String caseId, ChildMeasureInput input);

    /**
     * Ends a running measure.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code measure-ended} when it ended already
     */
    ChildMeasure endMeasure(Actor actor, String caseId, String measureId, MeasureEndInput input);

    /**
     * Asks a named reviewer for an independent review of the latest plan. While it is open the
     * reviewer (a user with the role INDEPENDENT_REVIEWER) sees the case and records the review with
     * their own login ({@code POST /cases/{caseId}/reviews}).
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code reviewer-not-independent} when the reviewer
     *         is or was assigned to the case, {@code plan-required} without a plan, {@code case-closed}
     */
    ReviewRequest requestReview(Actor actor, String caseId, ReviewRequestInput input);

    /** @return the case's review requests, oldest first, each with the review that answered it */
    List<ReviewRequest> reviewRequests(String caseId);

    /** @return the open review requests asked of this reviewer in open cases, oldest first */
    List<ReviewRequest> openReviewRequests(String reviewerId);
}
