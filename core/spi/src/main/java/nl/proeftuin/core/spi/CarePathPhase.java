package nl.proeftuin.core.spi;

import java.util.List;

import nl.proeftuin.core.api.dto.Phase;

/**
 * One phase of a care path.
 *
 * @param phase         the core phase it corresponds to
 * @param entryCriteria what must hold to enter it, in plain words
 * @param exitCriteria  what must hold to leave it, in plain words
 * @param requiredSteps steps that must be done in this phase, in order (ids such as {@code analysis})
 */
public record CarePathPhase(Phase phase, List<String> entryCriteria, List<String> exitCriteria,
        List<String> requiredSteps) {
}
