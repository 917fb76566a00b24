package nl.proeftuin.core.api.dto;

/** The part a person plays in a case's family system; a person can have several. */
public enum FamilyRole {
    /** A child (minor) of the family system. */
    CHILD,
    /** Parent or caregiver. */
    PARENT,
    /** Victim in a safety concern. */
    VICTIM,
    /** Perpetrator (<i>pleger</i>) in a safety concern. */
    PERPETRATOR,
    /** Witness of violence (children witnessing partner violence are victims too). */
    WITNESS,
    /** Other member of the family system or network. */
    NETWORK
}
