package nl.proeftuin.core.api.care;

/**
 * A step to record as done.
 *
 * @param step the step id (required, one the path names)
 * @param note what was done (required)
 */
public record StepInput(String step, String note) {
}
