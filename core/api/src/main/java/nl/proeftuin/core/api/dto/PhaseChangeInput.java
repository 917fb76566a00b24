package nl.proeftuin.core.api.dto;

/**
 * A phase change.
 *
 * @param phase  the new phase
 * @param reason why (required)
 */
public record PhaseChangeInput(Phase phase, String reason) {
}
