package nl.proeftuin.core.api.dto;

/**
 * A safety agreement (<i>veiligheidsafspraak</i>).
 *
 * @param id          stable id across versions
 * @param description the agreement in plain words (required)
 * @param who         who it binds (required)
 */
public record SafetyAgreement(String id, String description, String who) {
}
