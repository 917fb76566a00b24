package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A condition (<i>voorwaarde</i>): a goal that must be met, with what happens if it is not.
 *
 * @param id          stable id across versions
 * @param description the condition in plain words (required)
 * @param consequence what happens if it is not met, in plain words (required: a condition without a
 *                    stated consequence is refused)
 * @param deadline    by when, or null
 */
public record Condition(String id, String description, String consequence, LocalDate deadline) {
}
