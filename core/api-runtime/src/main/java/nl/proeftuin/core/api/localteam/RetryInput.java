package nl.proeftuin.core.api.localteam;

/**
 * Why an outbox entry is retried by hand.
 *
 * @param reason why (required; kept as the entry's last detail)
 */
public record RetryInput(String reason) {
}
