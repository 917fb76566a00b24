package nl.proeftuin.core.api.dto;

/**
 * Closing a case.
 *
 * @param reason why (required)
 */
public record CloseInput(String reason) {
}
