package nl.proeftuin.core.api.dto;

/** Facts, suspicions and opinions are kept apart (<i>feiten, vermoedens en meningen</i>). */
public enum EntryKind {
    /** Something observed or verified, with its source. */
    FACT,
    /** Something suspected but not established. */
    SUSPICION,
    /** A professional's or family member's opinion. */
    OPINION
}
