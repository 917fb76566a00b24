package nl.proeftuin.core.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Logs users in through the platform's JAAS realm and keeps their sessions in the database, so that
 * every node sees a logout or a disabled account at once.
 */
@ProviderType
public interface Authenticator {

    /**
     * Checks the credentials against the realm and opens a session.
     *
     * @param username      the login name
     * @param password      the password; cleared by this method
     * @param clientAddress the client's address, for the session record, or null
     * @return the new session with its token
     * @throws AuthenticationException {@code INVALID_CREDENTIALS} (after a constant delay) or
     *                                 {@code LOCKED} (password not checked) while a throttle waits
     *                                 after repeated failures for this client, this user name (also
     *                                 for names that do not exist) or this address
     */
    Session login(String username, char[] password, String clientAddress);

    /**
     * Resolves a bearer token to its user, with roles and scope as they are now, and extends the idle
     * timeout.
     *
     * @param token the bearer token
     * @return the user
     * @throws AuthenticationException {@code INVALID_TOKEN} or {@code EXPIRED}
     */
    Principal authenticate(String token);

    /**
     * Ends the session of this token at once; unknown tokens are ignored.
     *
     * @param token the bearer token
     */
    void logout(String token);
}
