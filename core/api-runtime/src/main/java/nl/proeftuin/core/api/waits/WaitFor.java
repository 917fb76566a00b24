package nl.proeftuin.core.api.waits;

/** What a case waits for. */
public enum WaitFor {
    /** A worker of the certified institution (GI) to take up the measure. */
    GI_WORKER,
    /** Care to start (a care request sent, not yet allocated or begun). */
    CARE,
    /** The Raad voor de Kinderbescherming to start or finish its investigation. */
    RAAD_INVESTIGATION
}
