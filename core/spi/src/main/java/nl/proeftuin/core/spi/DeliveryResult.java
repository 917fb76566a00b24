package nl.proeftuin.core.spi;

/**
 * The outcome of one delivery attempt.
 *
 * @param status    what happened
 * @param detail    a readable explanation (the remote answer, the error)
 * @param remoteRef the receiving system's reference, or null
 */
public record DeliveryResult(Status status, String detail, String remoteRef) {

    /** Delivery outcomes. */
    public enum Status {
        /** Accepted by the receiving system (or already known by its idempotency key). */
        DELIVERED,
        /** Failed for now (down, timeout, 5xx): the core retries with back-off. */
        RETRY,
        /** Refused for good (invalid, 4xx): the core stops and raises an alert. */
        REJECTED
    }
}
