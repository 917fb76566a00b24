package nl.proeftuin.core.api.dto;

/**
 * A change of legal framework.
 *
 * @param framework the new framework
 * @param measure   the court measure (required for COMPULSORY, absent otherwise)
 * @param reason    why (required)
 */
public record FrameworkChangeInput(Framework framework, Measure measure, String reason) {
}
