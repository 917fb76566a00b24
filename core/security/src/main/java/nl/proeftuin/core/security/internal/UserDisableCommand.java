package nl.proeftuin.core.security.internal;

import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code proeftuin:user-disable [--enable] USER}: refuses (or allows again) a user's logins; ends their sessions. */
@Service
@Command(scope = "proeftuin", name = "user-disable",
        description = "Disables a user: their sessions end at once and logins are refused")
public class UserDisableCommand implements Action {
    @Reference
    private UserAdministration users;

    @Argument(index = 0, name = "user", required = true, description = "The login name")
    private String user;

    @Option(name = "-e", aliases = "--enable", description = "Enable the user again instead")
    private boolean enable;

    @Override
    public Object execute() {
        System.out.println(UserCommands.describe(enable ? users.enable(user) : users.disable(user)));
        return null;
    }
}
