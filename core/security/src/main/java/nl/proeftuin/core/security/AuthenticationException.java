package nl.proeftuin.core.security;

import java.time.Duration;

/** A login or a token was refused. The message never says whether the user exists. */
public class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** Unknown user, wrong password or disabled account (deliberately not told apart). */
        INVALID_CREDENTIALS,
        /**
         * Too many failures for this client, user name or address: the password was not checked; wait
         * {@link AuthenticationException#retryAfter()}.
         */
        LOCKED,
        /** No session has this token (never issued, logged out, or ended by disabling the account). */
        INVALID_TOKEN,
        /** The session passed its idle timeout or its absolute lifetime. */
        EXPIRED
    }

    private final Reason reason;
    private final Duration retryAfter;

    /**
     * @param reason     why
     * @param message    what to tell the client
     * @param retryAfter for {@link Reason#LOCKED}: how long until a login is tried again, else null
     */
    public AuthenticationException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return for a lockout, how long until the next attempt is considered; else null */
    public Duration retryAfter() {
        return retryAfter;
    }
}
