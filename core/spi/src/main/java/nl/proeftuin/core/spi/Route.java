package nl.proeftuin.core.spi;

/** Where triage sends a case. */
public enum Route {
    /** Stays with the local team (<i>lokaal team</i>). */
    LOCAL_TEAM,
    /** To the regional safety team (RVT). */
    REGIONAL_SAFETY_TEAM,
    /** To a Zorg- en Veiligheidshuis table (for example the <i>jeugdbeschermingstafel</i>). */
    VEILIGHEIDSHUIS_TABLE,
    /** Into the MDA++ care path. */
    MDA_PLUS_PLUS,
    /** To manual triage by a person: the fallback when no plugin decides. */
    MANUAL_TRIAGE
}
