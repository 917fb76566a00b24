package nl.proeftuin.core.spi;

/**
 * Where a care request stands after a connector handled it.
 *
 * @param requestId  the request
 * @param state      {@code SUBMITTED} (sent, awaiting allocation), {@code REJECTED} (refused before
 *                   sending: invalid) or {@code UNSUPPORTED} (this connector sends no care requests)
 * @param messageRef the reference of the message sent, or null
 * @param detail     a readable explanation
 * @param message    the message as sent (for example the JW315 XML), or null
 */
public record CareRequestStatus(String requestId, String state, String messageRef, String detail, String message) {
}
