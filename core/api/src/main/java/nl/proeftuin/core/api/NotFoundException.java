package nl.proeftuin.core.api;

/** The thing asked for does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what a readable description, for example {@code case 1234}
     */
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
