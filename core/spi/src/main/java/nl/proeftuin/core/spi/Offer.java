package nl.proeftuin.core.spi;

/**
 * A contracted care offer available for a family's municipality.
 *
 * @param provider        the care provider
 * @param product         the product (for example an iJw product code and name)
 * @param contract        {@code LOCAL} (municipality) or {@code REGIONAL}
 * @param waitingDays     the waiting time in days for this child (after any priority)
 * @param priority        why this child waits less than the regular waiting time (for example
 *                        {@code protection measure}, {@code crisis}), or null
 * @param contractVersion the version of the contract register the offer comes from
 */
public record Offer(String provider, String product, String contract, int waitingDays, String priority,
        String contractVersion) {
}
