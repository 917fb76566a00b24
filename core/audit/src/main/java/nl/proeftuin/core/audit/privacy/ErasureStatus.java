package nl.proeftuin.core.audit.privacy;

/** Where an erasure request stands. */
public enum ErasureStatus {
    /** Waiting for a second person's decision. */
    REQUESTED,
    /** Approved and carried out: the person's data is erased or anonymised. */
    ERASED,
    /** Approved, but the law does not allow it (a legal hold, or the retention of a youth-care file). */
    REFUSED,
    /** Rejected by the second person. */
    REJECTED
}
