package nl.proeftuin.core.api.dto;

/**
 * Ending an assignment.
 *
 * @param reason why (required)
 */
public record EndAssignmentInput(String reason) {
}
