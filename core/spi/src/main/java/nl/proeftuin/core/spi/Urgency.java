package nl.proeftuin.core.spi;

/** How urgent a child's need for care is; a more urgent need goes before a protection measure. */
public enum Urgency {
    /** Acute danger: care now (crisis capacity). */
    CRISIS,
    /** Must start within weeks. */
    HIGH,
    /** The regular waiting list. */
    REGULAR
}
