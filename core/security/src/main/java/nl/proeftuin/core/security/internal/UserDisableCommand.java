package nl.proeftuin.core.security.internal;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:user-disable [--enable] USER}: refuses (or allows again) a user's logins; ends their sessions.
 * For a regional administrator granted all municipalities.
 */
@Service
@Command(scope = "proeftuin", name = "user-disable",
        description = "Disables a user: their sessions end at once and logins are refused")
public class UserDisableCommand implements Action {
    @Reference
    private UserAdministration users;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Argument(index = 0, name = "user", required = true, description = "The login name")
    private String user;

    @Option(name = "-e", aliases = "--enable", description = "Enable the user again instead")
    private boolean enable;

    @Override
    public Object execute() throws Exception {
        Account account = ShellAccess.call(log, session, AccessAction.PERMISSION_CHANGE, "account", user,
                "proeftuin:user-disable " + user + (enable ? " --enable" : ""),
                () -> {
                    UserCommands.requireAdministrator(users, "proeftuin:user-disable", false);
                    return enable ? users.enable(user) : users.disable(user);
                });
        System.out.println(UserCommands.describe(account));
        return null;
    }
}
