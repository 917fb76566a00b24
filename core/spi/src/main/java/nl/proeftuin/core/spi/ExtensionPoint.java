package nl.proeftuin.core.spi;

/** The extension points, as named in bindings, REST and the shell. */
public enum ExtensionPoint {
    /** {@link Triage}; fallback: manual triage by a person. */
    TRIAGE,
    /** {@link CarePath}; fallback: no care path (regular case work). */
    CARE_PATH,
    /** {@link LocalTeamConnector}; fallback: events stay in the outbox for a later delivery. */
    LOCAL_TEAM,
    /** {@link ProcurementConnector}; fallback: no offers, a person searches by hand. */
    PROCUREMENT
}
