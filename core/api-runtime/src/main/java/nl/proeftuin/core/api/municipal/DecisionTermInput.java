package nl.proeftuin.core.api.municipal;

/**
 * A municipality's decision term to set.
 *
 * @param days the term in days (1 to 365), or null to go back to the region's default
 */
public record DecisionTermInput(Integer days) {
}
