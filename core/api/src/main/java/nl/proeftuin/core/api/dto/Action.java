package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * Help or an action in the plan: who does what, when.
 *
 * @param id          stable id across versions
 * @param goalId      the goal it serves, or null
 * @param description what is done (required)
 * @param who         who does it: a family member, a professional or a provider (required)
 * @param start       start date, or null
 * @param end         end date, or null
 */
public record Action(String id, String goalId, String description, String who, LocalDate start, LocalDate end) {
}
