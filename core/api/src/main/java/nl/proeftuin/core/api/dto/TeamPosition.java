package nl.proeftuin.core.api.dto;

/** The two positions a case must always have filled by exactly one person once a plan exists. */
public enum TeamPosition {
    /** The fixed professional (<i>vaste professional</i>). */
    FIXED_PROFESSIONAL,
    /** The holder of <i>casusregie</i>: who directs the case. */
    CASUSREGIE
}
