package nl.proeftuin.core.audit;

/** What was done, as NEN 7513 distinguishes it. */
public enum AccessAction {
    /** Data was shown or returned. */
    READ,
    /** A record was created. */
    CREATE,
    /** A record was changed. */
    UPDATE,
    /** A record was deleted. */
    DELETE,
    /** A search or list was run (the persons found are the persons concerned). */
    SEARCH,
    /** Data left the platform as a file or a download (GDPR export, monitor export). */
    EXPORT,
    /** Data was printed or rendered for printing (a readable page). */
    PRINT,
    /** A professional used break-glass access to a case they are not assigned to. */
    BREAK_GLASS,
    /** A login, successful or not (see the outcome). */
    LOGIN,
    /** A logout or an ended session. */
    LOGOUT,
    /** A plugin binding changed. */
    BINDING_CHANGE,
    /** A permission, role or account changed. */
    PERMISSION_CHANGE,
    /** A rectification (GDPR art. 16) was made: the old value stays in the history. */
    RECTIFICATION,
    /** An erasure (GDPR art. 17) was requested, approved, refused or carried out. */
    ERASURE,
    /** The retention job removed records whose retention period had passed. */
    PURGE,
    /** The access log itself was verified. */
    VERIFY
}
