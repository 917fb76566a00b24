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
    NOT_FOUND,
    /**
     * Allowed (living): actively on the case's team although the case lies outside the user's
     * municipalities (a family split over two municipalities, worked on by both local teams). The
     * access log says so; the municipality scope still limits search and opening.
     *
     * @since 1.3
     */
    TEAM_ACROSS_MUNICIPALITIES,
    /**
     * Allowed (living), without being on the team: an independent reviewer while a review asked of them
     * is open, or a joint-triage assessor (safety director, process director) while the case's triage
     * waits for their assessment. Logged as such; what they may do is limited by the guard.
     *
     * @since 1.3
     */
    INVITED;

    /** @return whether the access is allowed */
    public boolean allowed() {
        return this == ASSIGNED || this == BREAK_GLASS || this == TEAM_ACROSS_MUNICIPALITIES || this == INVITED;
    }
}
