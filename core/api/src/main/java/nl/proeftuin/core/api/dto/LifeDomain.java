package nl.proeftuin.core.api.dto;

/** Life domains a plan's goals are set in. */
public enum LifeDomain {
    /** Safety. */
    SAFETY,
    /** Parenting (<i>opvoeding</i>). */
    PARENTING,
    /** Development and school. */
    DEVELOPMENT_AND_SCHOOL,
    /** Income and debt. */
    INCOME_AND_DEBT,
    /** Housing. */
    HOUSING,
    /** Physical and mental health. */
    HEALTH,
    /** Addiction. */
    ADDICTION,
    /** Social network. */
    SOCIAL_NETWORK,
    /** Work and daytime activities. */
    WORK_AND_DAYTIME
}
