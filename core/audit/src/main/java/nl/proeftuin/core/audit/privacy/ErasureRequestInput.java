package nl.proeftuin.core.audit.privacy;

/**
 * A request to erase a person's data (GDPR art. 17).
 *
 * @param reason why (required)
 */
public record ErasureRequestInput(String reason) {
}
