package nl.proeftuin.core.audit.privacy;

/**
 * A correction of a person's data (GDPR art. 16).
 *
 * @param field    givenName, familyName or dateOfBirth (yyyy-mm-dd)
 * @param newValue the correct value (required)
 * @param reason   why (required)
 */
public record RectificationInput(String field, String newValue, String reason) {
}
