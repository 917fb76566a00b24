package nl.proeftuin.core.api;

/**
 * The client edited an older version than the current one (HTTP 412): someone else changed it
 * first. The client must re-read and decide again; nothing was changed.
 */
public class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long current;

    /**
     * @param what     what was edited, for example {@code case 12} or {@code plan of case 12}
     * @param expected the version the client edited
     * @param current  the current version
     */
    public StaleVersionException(String what, long expected, long current) {
        super(what + " is at version " + current + ", not " + expected + ": re-read it and try again");
        this.current = current;
    }

    /** @return the current version */
    public long current() {
        return current;
    }
}
