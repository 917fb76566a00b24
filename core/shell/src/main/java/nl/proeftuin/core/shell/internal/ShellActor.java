package nl.proeftuin.core.shell.internal;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import nl.proeftuin.core.api.dto.Actor;
import org.apache.karaf.shell.api.console.Session;

/**
 * Who changes a binding from the shell: the user logged in to the Karaf shell (local console or SSH),
 * so the binding history names a person, not "the shell".
 */
final class ShellActor {
    /** When neither the JAAS subject nor the session names a user (for example a script run without login). */
    static final String FALLBACK = "karaf-shell";
    /** The session variable Karaf sets to the logged-in user's name. */
    static final String SESSION_USER = "USER";
    /**
     * Karaf's JAAS user principal, matched by class name so that this bundle need not import
     * {@code org.apache.karaf.jaas.boot.principal} just to call {@code getName()}. A RolePrincipal or
     * GroupPrincipal in the same subject must not be taken for the user.
     */
    static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private ShellActor() {
    }

    /** The actor of the command running in this session. */
    @SuppressWarnings("removal") // Subject.getSubject(AccessControlContext) is how Karaf 4.4's shell (JaasHelper.doAs) exposes the login on Java 17
    static Actor current(Session session) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return of(subject, session == null ? null : session.get(SESSION_USER));
    }

    /**
     * @param subject     the JAAS subject the command runs as, or null
     * @param sessionUser the session's {@code USER} variable, or null
     * @return the user's name as id and name (the Karaf realm keeps no separate display name)
     */
    static Actor of(Subject subject, Object sessionUser) {
        String name = null;
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (USER_PRINCIPAL.equals(principal.getClass().getName()) && !isBlank(principal.getName())) {
                    name = principal.getName().strip();
                    break;
                }
            }
        }
        if (name == null && sessionUser != null && !isBlank(sessionUser.toString())) {
            name = sessionUser.toString().strip();
        }
        if (name == null) {
            name = FALLBACK;
        }
        return new Actor(name, name);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
