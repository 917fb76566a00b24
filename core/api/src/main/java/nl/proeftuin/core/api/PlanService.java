package nl.proeftuin.core.api;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.PlanDiff;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;
import nl.proeftuin.core.api.dto.PlanVersionSummary;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one family plan (<i>gezinsplan</i>) of a case: versioned, each version immutable, so what was
 * agreed when is provable.
 *
 * @throws InvalidInputException  on invalid content (for example a condition without consequence)
 * @throws NotFoundException      for an unknown case or version
 * @throws RuleViolationException when the case is closed, or the team invariant would not hold
 *                                (a plan needs one fixed professional and one <i>casusregie</i> holder)
 */
@ProviderType
public interface PlanService {

    /**
     * Saves a new version.
     *
     * @param expectedVersion the version this edit is based on: null only for the first version
     *                        (else {@link VersionRequiredException}); not the latest: {@link StaleVersionException}
     */
    PlanVersion newVersion(Actor actor, String caseId, Integer expectedVersion, PlanInput input);

    /** The latest version. */
    PlanVersion latest(String caseId);

    /** A given version. */
    PlanVersion version(String caseId, int version);

    /** All versions, oldest first. */
    List<PlanVersionSummary> versions(String caseId);

    /** The differences between two versions. */
    PlanDiff diff(String caseId, int from, int to);

    /** The latest version as the family reads it, in plain Dutch (B1). */
    FamilyView familyView(String caseId);
}
