package nl.proeftuin.core.api.dto;

/** The legal framework a case is in. */
public enum Framework {
    /** Voluntary (<i>vrijwillig kader</i>). */
    VOLUNTARY,
    /** Voluntary with conditions (<i>drang</i>): the family is told what happens if conditions are not met. */
    CONDITIONAL,
    /** Compulsory (<i>gedwongen kader</i>): a court measure applies. */
    COMPULSORY
}
