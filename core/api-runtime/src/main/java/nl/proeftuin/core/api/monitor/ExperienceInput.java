package nl.proeftuin.core.api.monitor;

/**
 * A family member's experience of the help.
 *
 * @param personId   a member of the case
 * @param score      1 (bad) to 5 (good)
 * @param recordedAs {@code FAMILY} (the member entered it in the family view) or {@code PROFESSIONAL} (on their behalf)
 * @param remark     optional, at most 2000 characters
 */
public record ExperienceInput(String personId, Integer score, String recordedAs, String remark) {
}
