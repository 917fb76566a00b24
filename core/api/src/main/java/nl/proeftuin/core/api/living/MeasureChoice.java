package nl.proeftuin.core.api.living;

/** What the evaluation of a measure before its end chose. */
public enum MeasureChoice {
    /** Ask the court to extend the measure. */
    REQUEST_EXTENSION,
    /** Let the measure end at its end date (or ask to lift it earlier). */
    END
}
