package nl.proeftuin.core.api.care;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A case on the care path bound for its municipality (for example MDA++): whether it belongs on it,
 * the steps done and still open, repeat incidents. Steps are done in the path's order: a step is
 * refused while an earlier required step is open (the "slow down" of MDA++: analysis before
 * interventions). When no care path is bound, or the bound one is absent, fails or overruns, the
 * status says so (fallback: regular case work) and an alert is raised.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      unknown case
 * @throws nl.proeftuin.core.api.InvalidInputException  invalid input, an unknown step
 * @throws nl.proeftuin.core.api.RuleViolationException {@code case-closed}; {@code no-care-path} when
 *                                                      recording a step without a usable care path;
 *                                                      {@code step-order} when an earlier step is open;
 *                                                      {@code step-done} when the step was done already
 */
@ProviderType
public interface CarePathService {

    /** The case's status on its care path. */
    CarePathStatus status(String caseId);

    /** Records a required step as done. */
    CarePathStatus completeStep(Actor actor, String caseId, StepInput input);

    /** Records a repeat incident (for example a new police report of violence). */
    CarePathStatus recordIncident(Actor actor, String caseId, IncidentInput input);
}
