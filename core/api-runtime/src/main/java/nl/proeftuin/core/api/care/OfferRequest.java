package nl.proeftuin.core.api.care;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.Urgency;

/**
 * Care sought for a member of a case.
 *
 * @param personId the child or parent the care is for (a member of the case)
 * @param domain   the life domain (required)
 * @param need     the need in words or a product category (required)
 * @param urgency  how urgent (default REGULAR)
 */
public record OfferRequest(String personId, LifeDomain domain, String need, Urgency urgency) {
}
