package nl.proeftuin.core.api.dto;

/** How one person relates to another (directed: {@code from} is PARENT_OF {@code to}). */
public enum RelationshipType {
    /** Parent or caregiver of a child (biological, legal, step or foster parent; say which in the note). */
    PARENT_OF,
    /** Partner (living together or not). */
    PARTNER_OF,
    /** Former partner: relevant for partner violence and contact arrangements. */
    EX_PARTNER_OF,
    /** Brother or sister, including half- and step-siblings. */
    SIBLING_OF,
    /** Grandparent of. */
    GRANDPARENT_OF,
    /** Informal network: neighbour, friend, <i>burgervoogd</i> (citizen guardian); say which in the note. */
    INFORMAL_NETWORK_OF
}
