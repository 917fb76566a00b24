package nl.proeftuin.core.security.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:user-add --name NAME --role ROLE [--municipality M] [--organisation O] USER} (options
 * before the argument, as Karaf parses them): creates a
 * user of the proeftuin realm; the password is read from the console without echo (twice), or as one
 * line from standard input when piped. For a regional administrator granted all municipalities (anyone at
 * the console while no account exists yet: the first one).
 */
@Service
@Command(scope = "proeftuin", name = "user-add", description = "Creates a user; asks for the password without echoing it")
public class UserAddCommand implements Action {
    @Reference
    private UserAdministration users;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Argument(index = 0, name = "user", required = true, description = "The login name (a-z 0-9 . _ @ -)")
    private String user;

    @Option(name = "-n", aliases = "--name", required = true, description = "The display name")
    private String name;

    @Option(name = "-r", aliases = "--role", required = true, multiValued = true,
            description = "PROFESSIONAL, COORDINATOR, REGIONAL_ADMINISTRATOR or AUDITOR; repeat for several")
    private List<String> roles;

    @Option(name = "-m", aliases = "--municipality", multiValued = true,
            description = "A municipality of the register whose cases the user may see; repeat for several;"
                    + " * for all (none: no municipality)")
    private List<String> municipalities;

    @Option(name = "-o", aliases = "--organisation", description = "The organisation the user works for")
    private String organisation;

    @Override
    public Object execute() throws Exception {
        Account account = ShellAccess.call(log, session, AccessAction.PERMISSION_CHANGE, "account", user,
                "proeftuin:user-add " + user + " --role " + roles
                        + (municipalities == null ? "" : " --municipality " + municipalities), () -> {
                    // who may, before the password is asked for
                    UserCommands.requireAdministrator(users, "proeftuin:user-add", true);
                    char[] password = UserCommands.readNewPassword(session);
                    try {
                        return users.add(new NewAccount(user, name, UserCommands.roles(roles),
                                municipalities == null ? Set.of() : Set.copyOf(municipalities), organisation), password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                });
        System.out.println("Created " + UserCommands.describe(account));
        return null;
    }
}
