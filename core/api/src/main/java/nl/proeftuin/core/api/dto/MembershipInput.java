package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A period a person lives in a household.
 *
 * @param personId the person
 * @param since    since when (required)
 * @param until    until when, or null while it lasts
 */
public record MembershipInput(String personId, LocalDate since, LocalDate until) {
}
