package nl.proeftuin.core.spi;

/** How serious the safety concern in a signal is. */
public enum SafetyConcern {
    /** No safety concern. */
    NONE,
    /** Concern, no acute danger. */
    MODERATE,
    /** Serious concern: structural unsafety. */
    SERIOUS,
    /** Acute danger. */
    ACUTE
}
