package nl.proeftuin.core.api.dto;

/** Child-protection measures a court can impose. */
public enum MeasureType {
    /** Supervision order (<i>ondertoezichtstelling</i>, OTS). */
    OTS,
    /** Out-of-home placement (<i>machtiging uithuisplaatsing</i>), usually with an OTS. */
    OUT_OF_HOME_PLACEMENT,
    /** Guardianship after removal of parental authority (<i>voogdij</i>). */
    GUARDIANSHIP
}
