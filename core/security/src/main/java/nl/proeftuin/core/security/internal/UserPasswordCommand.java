package nl.proeftuin.core.security.internal;

import java.util.Arrays;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.ShellAccess;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:user-password USER}: sets a new password (asked without echo) and ends the user's sessions.
 * For a regional administrator granted all municipalities.
 */
@Service
@Command(scope = "proeftuin", name = "user-password", description = "Sets a user's password; their sessions end")
public class UserPasswordCommand implements Action {
    @Reference
    private UserAdministration users;

    @Reference
    private AccessLog log;

    @Reference
    private Session session;

    @Argument(index = 0, name = "user", required = true, description = "The login name")
    private String user;

    @Override
    public Object execute() throws Exception {
        ShellAccess.run(log, session, AccessAction.PERMISSION_CHANGE, "account", user,
                "proeftuin:user-password " + user, () -> {
                    // who may, before the password is asked for
                    UserCommands.requireAdministrator(users, "proeftuin:user-password", false);
                    char[] password = UserCommands.readNewPassword(session);
                    try {
                        users.changePassword(user, password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                });
        System.out.println("Password of " + user + " changed; their sessions ended");
        return null;
    }
}
