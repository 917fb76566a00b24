package nl.proeftuin.core.api.living;

/** How the reporter was told. */
public enum FeedbackChannel {
    PHONE,
    EMAIL,
    LETTER,
    IN_PERSON
}
