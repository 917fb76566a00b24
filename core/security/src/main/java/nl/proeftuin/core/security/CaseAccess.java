package nl.proeftuin.core.security;

/** A need-to-know decision about one case, person or household. */
public enum CaseAccess {
    /** Allowed: the user is assigned (or, for a case without a team yet, opened it). */
    ASSIGNED,
    /** Allowed through an active break-glass grant (the access log flags it). */
    BREAK_GLASS,
    /** Refused: not assigned to the case (or to any case of the person). */
    NOT_ASSIGNED,
    /** Refused: the case lies outside the user's municipalities. */
    OTHER_MUNICIPALITY,
    /** There is no such case, person or household. */
    NOT_FOUND;

    /** @return whether the access is allowed */
    public boolean allowed() {
        return this == ASSIGNED || this == BREAK_GLASS;
    }
}
