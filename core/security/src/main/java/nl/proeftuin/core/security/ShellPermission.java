package nl.proeftuin.core.security;

import java.security.AccessController;
import java.util.Arrays;
import java.util.List;

import javax.security.auth.Subject;

/**
 * Whether the user of the Karaf shell may run a command that acts for the whole region (user
 * administration, a backup, the region's configuration): the command runs as the shell's JAAS subject
 * (Karaf's {@code JaasHelper.doAs}, local console and SSH alike), and that subject must either hold one of
 * the command's roles in the shell's own realm, or be named like an enabled account of the platform that
 * holds one of them and is granted all municipalities ({@value Principal#ALL_MUNICIPALITIES}), as the
 * REST API requires of the same work. Only the subject counts: a session variable such as {@code USER} can
 * be set by the shell user and names nobody. Commands call {@link #require} inside their
 * {@code ShellAccess.call}, so that a refusal is in the access log as a FAILURE.
 */
public final class ShellPermission {
    /** Karaf's JAAS principals, matched by class name (as core/audit's ShellUser does): no import of Karaf's JAAS. */
    static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";
    static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    private ShellPermission() {
    }

    /**
     * @param users the platform's accounts
     * @param anyOf the roles that may (at least one)
     * @return whether the shell user running this command holds one of {@code anyOf} in the shell's realm, or
     *         is an enabled platform account with one of them and all municipalities
     */
    public static boolean wholeRegion(UserAdministration users, Role... anyOf) {
        return wholeRegion(users, currentSubject(), anyOf);
    }

    /**
     * {@link #wholeRegion(UserAdministration, Role...)} or a {@link SecurityException} naming the command,
     * the roles it needs and the shell user.
     *
     * @param command the command, e.g. {@code proeftuin:user-add}
     */
    public static void require(UserAdministration users, String command, Role... anyOf) {
        Subject subject = currentSubject();
        if (!wholeRegion(users, subject, anyOf)) {
            String user = user(subject);
            throw new SecurityException(command + " is for a " + names(anyOf) + " granted all municipalities; "
                    + (user == null ? "this shell session has no logged-in user" : user + " is not one"));
        }
    }

    static boolean wholeRegion(UserAdministration users, Subject subject, Role... anyOf) {
        List<Role> roles = Arrays.asList(anyOf);
        if (subject == null || roles.isEmpty()) {
            return false;
        }
        for (java.security.Principal p : subject.getPrincipals()) {
            if (ROLE_PRINCIPAL.equals(p.getClass().getName())
                    && roles.stream().anyMatch(role -> role.name().equals(p.getName()))) {
                return true;
            }
        }
        String user = user(subject);
        if (user == null || users == null) {
            return false;
        }
        try {
            Account account = users.account(user);
            return !account.disabled() && account.roles().stream().anyMatch(roles::contains)
                    && account.municipalities().contains(Principal.ALL_MUNICIPALITIES);
        } catch (RuntimeException noSuchAccount) {
            return false;
        }
    }

    /** @return the subject's JAAS user name, or null */
    static String user(Subject subject) {
        if (subject != null) {
            for (java.security.Principal p : subject.getPrincipals()) {
                if (USER_PRINCIPAL.equals(p.getClass().getName()) && p.getName() != null && !p.getName().isBlank()) {
                    return p.getName().strip();
                }
            }
        }
        return null;
    }

    @SuppressWarnings("removal") // how Karaf 4.4's shell exposes the login on Java 17 (as core/audit's ShellUser)
    private static Subject currentSubject() {
        return Subject.getSubject(AccessController.getContext());
    }

    private static String names(Role... roles) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < roles.length; i++) {
            text.append(i == 0 ? "" : i == roles.length - 1 ? " or " : ", ")
                    .append(roles[i].name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return text.toString();
    }
}
