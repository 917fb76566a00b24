package nl.proeftuin.core.spi;

/**
 * A contracted care offer available for a family's municipality.
 *
 * @param provider        the care provider
 * @param product         the product (for example an iJw product code and name)
 * @param contract        {@code LOCAL} (municipality) or {@code REGIONAL}
 * @param waitingDays     current waiting time in days
 * @param contractVersion the version of the contract register the offer comes from
 */
public record Offer(String provider, String product, String contract, int waitingDays, String contractVersion) {
}
