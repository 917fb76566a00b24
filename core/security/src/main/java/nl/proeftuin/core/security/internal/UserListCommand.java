package nl.proeftuin.core.security.internal;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:user-list}: every user with roles, municipalities and state. For a regional administrator
 * granted all municipalities (anyone while no account exists: it then says how to create the first).
 */
@Service
@Command(scope = "proeftuin", name = "user-list", description = "Lists the users with their roles and municipalities")
public class UserListCommand implements Action {
    /** Options before the argument: Karaf reads "user-add USER --name ..." as too many arguments. */
    static final String FIRST_USER_HINT = "proeftuin:user-add --name \"NAME\" --role REGIONAL_ADMINISTRATOR"
            + " --municipality \"*\" USER";

    @Reference
    private UserAdministration users;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Override
    public Object execute() throws Exception {
        var all = ShellAccess.call(log, session, AccessAction.READ, "account", null, "proeftuin:user-list", () -> {
            UserCommands.requireAdministrator(users, "proeftuin:user-list", true);
            return users.accounts();
        });
        if (all.isEmpty()) {
            System.out.println("No users yet. Create the first: " + FIRST_USER_HINT);
        }
        for (Account account : all) {
            System.out.println(UserCommands.describe(account));
        }
        return null;
    }
}
