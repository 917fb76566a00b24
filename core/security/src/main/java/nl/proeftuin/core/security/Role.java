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
    // --- muni (issue 14 part 4)
    /** Decides the maatwerk and care requests addressed to its municipalities (inbox); never case content. */
    MUNICIPALITY
}
