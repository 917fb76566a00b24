package nl.proeftuin.core.spi;

/**
 * The core cannot take an inbound message now, for example because the access log (NEN 7513) cannot
 * record it: no log, no answer. A connector answers its caller {@code 503} (try again later); nothing
 * was recorded.
 */
public class InboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unavailable
     * @param cause   the cause, or null
     */
    public InboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
