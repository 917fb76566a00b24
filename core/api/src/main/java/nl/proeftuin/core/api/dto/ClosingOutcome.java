package nl.proeftuin.core.api.dto;

/**
 * The structured outcome recorded when a case closes (issue 15, cohorts): what the pilot evaluation
 * counts. The free reasons go with it.
 */
public enum ClosingOutcome {
    /** The plan's goals were reached. */
    GOALS_REACHED,
    /** Transferred to other help or another organisation. */
    TRANSFERRED,
    /** An out-of-home placement was considered and prevented. */
    OUT_OF_HOME_PREVENTED,
    /** A child was placed out of home. */
    OUT_OF_HOME_PLACED,
    /** A court measure (OTS, custody) was imposed. */
    COURT_MEASURE,
    /** The family moved out of the region. */
    FAMILY_MOVED,
    /** Anything else: say what in the reasons. */
    OTHER,
    /** Closed before outcomes were recorded (V20), or without one: only the free reason exists. */
    UNKNOWN
}
