package nl.proeftuin.core.security.internal;

import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Checks a user name and password against a Karaf JAAS realm ({@code proeftuin} by default: the
 * properties file, or whatever realm of that name an operator registers with a higher rank, such as
 * LDAP) and returns the role principals' names.
 */
final class JaasPasswordCheck implements PasswordCheck {
    private final String realm;

    JaasPasswordCheck(String realm) {
        this.realm = realm;
    }

    @Override
    public Set<String> check(String username, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the login module through the context class loader: Karaf's proxy module
        // is visible to this bundle, not necessarily to the HTTP thread's loader.
        thread.setContextClassLoader(JaasPasswordCheck.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(username);
                    } else if (callback instanceof PasswordCallback pw) {
                        pw.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(RolePrincipal::getName).collect(Collectors.toSet());
            context.logout();
            return roles;
        } catch (DatabaseLoginModule.Unavailable e) {
            // not a wrong password: the caller answers 503, and the attempt is not held against the user
            throw new IllegalStateException("the proeftuin realm cannot check passwords now", e);
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
