package nl.proeftuin.core.spi;

import java.util.Set;

import nl.proeftuin.core.api.dto.LifeDomain;

/**
 * What the professional established about a signal, the input every triage variant works from.
 *
 * @param problemDomains           life domains with problems
 * @param safetyConcern            the safety concern and its severity
 * @param repeatedViolence         whether violence happened before (recurring)
 * @param earlierHelpWithoutResult whether earlier help did not bring a breakthrough
 * @param parentalProblems         parental problems such as {@code ADDICTION}, {@code PSYCHIATRY},
 *                                 {@code INTELLECTUAL_DISABILITY}
 */
public record TriageFacts(Set<LifeDomain> problemDomains, SafetyConcern safetyConcern, boolean repeatedViolence,
        boolean earlierHelpWithoutResult, Set<String> parentalProblems) {
}
