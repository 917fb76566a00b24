package nl.proeftuin.core.api.care;

import nl.proeftuin.core.api.plugins.Provenance;
import java.util.List;

import nl.proeftuin.core.spi.Offer;

/**
 * Offers found for a case.
 *
 * @param offers         shortest waiting time first; empty under the fallback
 * @param provenance     the connector and binding that answered
 * @param fallback       whether the fallback applies (no usable connector: search by hand)
 * @param fallbackReason why, or null
 */
public record OfferList(List<Offer> offers, Provenance provenance, boolean fallback, String fallbackReason) {
}
