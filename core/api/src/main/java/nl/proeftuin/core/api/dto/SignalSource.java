package nl.proeftuin.core.api.dto;

/** Who a signal (<i>melding</i>) or request for help came from. */
public enum SignalSource {
    /** Police. */
    POLICE,
    /** School or childcare. */
    SCHOOL,
    /** GP or other doctor, under the <i>meldcode</i>. */
    GP,
    /** Veilig Thuis (domestic-violence reporting centre). */
    VEILIG_THUIS,
    /** The family itself (request for help, <i>hulpvraag</i>). */
    FAMILY,
    /** A neighbour or other person from the family's surroundings. */
    NEIGHBOUR,
    /** The local team (<i>lokaal team / wijkteam</i>). */
    LOCAL_TEAM,
    /** Any other source; describe it. */
    OTHER
}
