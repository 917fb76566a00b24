package nl.proeftuin.core.api;

/** Input that breaks a field rule (HTTP 400), naming the field and the reason. */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    /**
     * @param field  the field path, for example {@code conditions[2].consequence}
     * @param reason why it is invalid, for example {@code is required}
     */
    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** @return the field path */
    public String field() {
        return field;
    }

    /** @return the reason */
    public String reason() {
        return reason;
    }
}
