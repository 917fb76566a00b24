package nl.proeftuin.core.api.dto;

/** Whether a case starts from a signal about a family or a request for help by it. */
public enum SignalKind {
    /** A signal or report (<i>melding</i>). */
    SIGNAL,
    /** A request for help (<i>hulpvraag</i>). */
    REQUEST_FOR_HELP
}
