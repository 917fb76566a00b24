package nl.proeftuin.core.api.dto;

/** Whether a case is being worked on. */
public enum CaseStatus {
    /** Open. */
    OPEN,
    /** Closed, with a reason. */
    CLOSED
}
