package nl.proeftuin.core.security.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.ShellPermission;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.console.Session;

/** What the user commands share: who may run them, parsing roles, reading a password, printing an account. */
final class UserCommands {
    private UserCommands() {
    }

    /**
     * User administration from the shell is for a regional administrator granted all municipalities, as
     * {@code proeftuin:backup} and {@code /api/v1/users} are ({@link ShellPermission}): otherwise any Karaf
     * shell user could make themselves one. Called inside the command's {@code ShellAccess.call}, so that a
     * refusal is logged. While no account exists at all (a new node, nothing to protect yet) the first one is
     * created at the console by whoever installs the node, as {@code bin/proeftuin} tells them to.
     *
     * @param command     the command, for the refusal
     * @param firstAccount whether the command is open to every shell user while no account exists
     *                    ({@code user-add}, {@code user-list})
     * @throws SecurityException when the shell user may not
     */
    static void requireAdministrator(UserAdministration users, String command, boolean firstAccount) {
        if (firstAccount && !users.hasAccounts()) {
            return;
        }
        ShellPermission.require(users, command, Role.REGIONAL_ADMINISTRATOR);
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (String one : name.split(",")) {
                    roles.add(UsersFile.role(one).orElseThrow(() -> new InvalidInputException("role",
                            "unknown role " + one + "; one of " + Arrays.toString(Role.values()))));
                }
            }
        }
        return roles;
    }

    /** Asks twice without echo; the answers must match. */
    static char[] readNewPassword(Session session) throws IOException {
        String first = session.readLine("Password: ", '*');
        String second = session.readLine("Repeat password: ", '*');
        if (first == null || !first.equals(second)) {
            throw new InvalidInputException("password", "the two entries differ");
        }
        return first.toCharArray();
    }

    static String describe(Account a) {
        return a.userId() + " (" + a.name() + ") roles=" + a.roles()
                + " municipalities=" + (a.municipalities().isEmpty() ? "none"
                        : a.municipalities().contains(Principal.ALL_MUNICIPALITIES) ? "all" : a.municipalities())
                + (a.organisation() == null ? "" : " organisation=" + a.organisation())
                + (a.disabled() ? " DISABLED" : "");
    }
}
