package nl.proeftuin.core.spi;

import nl.proeftuin.core.api.dto.LifeDomain;

/**
 * What care is sought.
 *
 * @param municipality      the family's municipality (decides what is contracted)
 * @param domain            the life domain of the need
 * @param need              the need in words or a product category
 * @param protectionMeasure whether the child is under a protection measure (national policy: priority)
 * @param urgency           how urgent the need is; a more urgent need of another child goes before a
 *                          protection measure
 */
public record OfferQuery(String municipality, LifeDomain domain, String need, boolean protectionMeasure,
        Urgency urgency) {
}
