package nl.proeftuin.core.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * The {@code proeftuin} realm's login module: checks a user name and password against the accounts in
 * the database ({@link AccountRealm}), so that every node of a region logs everyone in alike. Loaded by
 * Karaf's {@code ProxyLoginModule} from this bundle; the realm hands itself over in the options
 * ({@link #CREDENTIALS}). Adds a Karaf {@link UserPrincipal} and a {@link RolePrincipal} per role, as
 * Karaf's own modules do.
 */
public final class DatabaseLoginModule implements LoginModule {
    /** The option that carries the {@link Credentials}. */
    static final String CREDENTIALS = "nl.proeftuin.credentials";

    /** The realm could not check (its database is unreachable): not a wrong password. */
    static final class Unavailable extends LoginException {
        private static final long serialVersionUID = 1L;

        Unavailable(RuntimeException cause) {
            super("the accounts cannot be read now: " + cause);
            initCause(cause);
        }
    }

    /** Checks credentials; the realm. */
    @FunctionalInterface
    interface Credentials {
        /** @return the role names when the user exists in the database with this password, else null */
        Set<String> check(String userId, char[] password);
    }

    private Subject subject;
    private CallbackHandler callbacks;
    private Credentials credentials;
    private String user;
    private Set<String> roles;
    private final List<java.security.Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.credentials = (Credentials) options.get(CREDENTIALS);
    }

    @Override
    public boolean login() throws LoginException {
        if (credentials == null) {
            throw new LoginException("the proeftuin realm is not active");
        }
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot ask for the credentials: " + e);
        }
        char[] given = password.getPassword();
        try {
            Set<String> found;
            try {
                found = name.getName() == null || given == null ? null : credentials.check(name.getName(), given);
            } catch (RuntimeException e) {
                throw new Unavailable(e);
            }
            if (found == null) {
                throw new FailedLoginException("Unknown user or wrong password");
            }
            user = name.getName();
            roles = found;
            return true;
        } finally {
            if (given != null) {
                Arrays.fill(given, '\0');
            }
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (user == null) {
            return false;
        }
        added.add(new UserPrincipal(user));
        roles.forEach(r -> added.add(new RolePrincipal(r)));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        // another module of the realm failed after this one committed: take back what commit added
        return logout();
    }

    @Override
    public boolean logout() {
        if (subject != null) {
            subject.getPrincipals().removeAll(added);
        }
        added.clear();
        user = null;
        roles = null;
        return true;
    }
}
