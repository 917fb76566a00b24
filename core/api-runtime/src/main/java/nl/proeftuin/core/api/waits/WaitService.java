package nl.proeftuin.core.api.waits;

import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Explicit waits on a case.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      unknown case, wait or care request
 * @throws nl.proeftuin.core.api.InvalidInputException  invalid input
 * @throws nl.proeftuin.core.api.RuleViolationException {@code case-closed}; {@code no-interim-responsible} (the
 *                                                      responsible is no active team member); {@code care-request-not-sent}
 *                                                      (a care request that could not be sent is not waited on);
 *                                                      {@code wait-ended}
 */
@ProviderType
public interface WaitService {

    /** Records that the case waits. */
    WaitView start(Actor actor, String caseId, WaitInput input);

    /** Records the end of a wait. */
    WaitView end(Actor actor, String caseId, String waitId, WaitEndInput input);

    /** @return the case's waits, oldest first, ended ones too */
    List<WaitView> ofCase(String caseId);

    /**
     * @param municipalities the municipalities (exact register names), or null for all
     * @param waitingOn      only waits on this organisation, or null
     * @return the open waits, longest waiting first
     */
    List<WaitListItem> waitingList(Set<String> municipalities, String waitingOn);

    /** @return the open waits per municipality and kind: count and age */
    List<WaitFigures> figures();
}
