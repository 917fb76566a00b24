package nl.proeftuin.core.security;

/**
 * What a user may do in the platform. Roles are JAAS role principals of the {@code proeftuin} realm;
 * their names there are these constants (case-insensitive).
 */
public enum Role {
    /** Reads and writes the cases they are assigned to (need to know), and opens cases. */
    PROFESSIONAL,
    /** Manages plugin bindings and sees the monitor and alerts; never case content. */
    COORDINATOR,
    /** Administers users; never case content. */
    REGIONAL_ADMINISTRATOR,
    /** Reads the access log and reviews break-glass access; never case content. */
    AUDITOR,
    // --- living (issue 14, decision 0032): roles that reach a case by invitation, never by the team
    /**
     * The municipal safety director of the joint (Veiligheidshuis) triage: sees the cases of their
     * municipalities whose triage waits for an assessment, and assesses them, without joining the team.
     *
     * @since 1.3
     */
    SAFETY_DIRECTOR,
    /**
     * The Veiligheidshuis process director (procesregisseur) of the joint triage: as {@link #SAFETY_DIRECTOR}.
     *
     * @since 1.3
     */
    PROCESS_DIRECTOR,
    /**
     * An independent reviewer (toetsing en tegenspraak): sees a case while a review asked of them is open,
     * and records that review with their own login; never assigned to the case.
     *
     * @since 1.3
     */
    INDEPENDENT_REVIEWER,
    // --- muni (issue 14 part 4)
    /** Decides the maatwerk and care requests addressed to its municipalities (inbox); never case content. */
    MUNICIPALITY;

    /**
     * The roles that reach a case by invitation (a pending triage assessment, an open review request)
     * rather than by the team.
     *
     * @since 1.3
     */
    public static final java.util.Set<Role> INVITED = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(SAFETY_DIRECTOR, PROCESS_DIRECTOR, INDEPENDENT_REVIEWER));

    /**
     * The roles whose holders assess a joint triage, by the name the triage plugin uses for the role.
     *
     * @since 1.3
     */
    public static final java.util.Set<Role> ASSESSORS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(SAFETY_DIRECTOR, PROCESS_DIRECTOR));
}
