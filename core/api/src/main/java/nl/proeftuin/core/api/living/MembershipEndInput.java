package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * The end of a member's place in the case's family system (moved out, no longer involved).
 *
 * @param until  until when (required; not in the future)
 * @param reason why (required)
 */
public record MembershipEndInput(LocalDate until, String reason) {
}
