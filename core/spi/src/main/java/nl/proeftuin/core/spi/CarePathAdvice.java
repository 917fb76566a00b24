package nl.proeftuin.core.spi;

import java.util.List;

import nl.proeftuin.core.api.dto.Phase;

/**
 * A care path's view of a case.
 *
 * @param eligible     whether the case meets the entry criteria
 * @param reasons      the criteria that held or failed
 * @param nextPhase    the phase the case may move to now, or null to stay
 * @param openSteps    required steps not yet done, in order (interventions wait for these)
 */
public record CarePathAdvice(boolean eligible, List<String> reasons, Phase nextPhase, List<String> openSteps) {
}
