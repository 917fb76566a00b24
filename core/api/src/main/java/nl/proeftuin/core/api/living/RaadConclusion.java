package nl.proeftuin.core.api.living;

/** What the Raad voor de Kinderbescherming concluded in its report. */
public enum RaadConclusion {
    /** The Raad asks the court for a measure. */
    MEASURE_REQUESTED,
    /** No measure: the case goes on in the voluntary framework. */
    NO_MEASURE
}
