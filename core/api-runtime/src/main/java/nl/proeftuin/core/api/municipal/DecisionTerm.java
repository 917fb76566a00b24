package nl.proeftuin.core.api.municipal;

/**
 * A municipality's decision term.
 *
 * @param code         the municipality's CBS code
 * @param municipality its name
 * @param days         the term in days
 * @param own          whether the municipality set it (false: the region's default, 8 weeks)
 */
public record DecisionTerm(String code, String municipality, int days, boolean own) {
}
