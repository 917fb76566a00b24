package nl.proeftuin.core.audit.internal;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.Session;

/** Who runs a shell command: the JAAS user of the Karaf shell, else the session's USER, else "karaf-shell". */
public final class ShellUser {
    private static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private ShellUser() {
    }

    @SuppressWarnings("removal") // how Karaf 4.4's shell exposes the login on Java 17 (as core/shell's ShellActor)
    public static String name(Session session) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (USER_PRINCIPAL.equals(p.getClass().getName()) && p.getName() != null && !p.getName().isBlank()) {
                    return "shell:" + p.getName().strip();
                }
            }
        }
        Object user = session == null ? null : session.get("USER");
        return user == null || user.toString().isBlank() ? "shell:karaf-shell" : "shell:" + user.toString().strip();
    }
}
