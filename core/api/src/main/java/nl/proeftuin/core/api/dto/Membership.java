package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A person's period in a household.
 *
 * @param personId the person
 * @param since    since when
 * @param until    until when, or null while it lasts
 */
public record Membership(String personId, LocalDate since, LocalDate until) {
}
