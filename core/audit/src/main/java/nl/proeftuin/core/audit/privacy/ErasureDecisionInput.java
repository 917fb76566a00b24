package nl.proeftuin.core.audit.privacy;

/**
 * The decision on an erasure request by a second person.
 *
 * @param note why (required)
 */
public record ErasureDecisionInput(String note) {
}
