package nl.proeftuin.core.api;

/** A change to something that already has versions was sent without saying which version it edits (HTTP 428). */
public class VersionRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail what to send
     */
    public VersionRequiredException(String detail) {
        super(detail);
    }
}
