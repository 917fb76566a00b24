package nl.proeftuin.core.audit.privacy;

/**
 * A reader to add to restricted data, by someone named on it.
 *
 * @param reader "user:&lt;id&gt;", "role:&lt;ROLE&gt;" (a platform role, or the case positions
 *               FIXED_PROFESSIONAL and CASUSREGIE, which follow a handover) or "person:&lt;id&gt;"
 */
public record ReaderInput(String reader) {
}
