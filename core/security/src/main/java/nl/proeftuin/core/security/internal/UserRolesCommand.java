package nl.proeftuin.core.security.internal;

import java.util.List;
import java.util.Set;

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
 * {@code proeftuin:user-roles [--role R ...] [--municipality M ... | --all-municipalities]
 * [--organisation O] USER}: changes a user's roles, scope or organisation; open sessions get the change on
 * their next request. For a regional administrator granted all municipalities.
 */
@Service
@Command(scope = "proeftuin", name = "user-roles",
        description = "Changes a user's roles, municipalities or organisation (effective at once)")
public class UserRolesCommand implements Action {
    @Reference
    private UserAdministration users;

    @Reference
    private Session session;

    @Reference
    private AccessLog log;

    @Argument(index = 0, name = "user", required = true, description = "The login name")
    private String user;

    @Option(name = "-r", aliases = "--role", multiValued = true, description = "The new roles (replace the old)")
    private List<String> roles;

    @Option(name = "-m", aliases = "--municipality", multiValued = true, description = "The new municipalities (replace the old)")
    private List<String> municipalities;

    @Option(name = "-a", aliases = "--all-municipalities", description = "Grant all municipalities of the region (the entry *)")
    private boolean allMunicipalities;

    @Option(name = "-o", aliases = "--organisation", description = "The new organisation")
    private String organisation;

    @Override
    public Object execute() throws Exception {
        Account account = ShellAccess.call(log, session, AccessAction.PERMISSION_CHANGE, "account", user,
                "proeftuin:user-roles " + user + (roles == null ? "" : " --role " + roles)
                        + (allMunicipalities ? " --all-municipalities" : municipalities == null ? "" : " --municipality " + municipalities)
                        + (organisation == null ? "" : " --organisation " + organisation), () -> {
                    UserCommands.requireAdministrator(users, "proeftuin:user-roles", false);
                    Account changed = users.account(user);
                    if (roles != null) {
                        changed = users.setRoles(user, UserCommands.roles(roles));
                    }
                    if (allMunicipalities) {
                        changed = users.setMunicipalities(user, Set.of(nl.proeftuin.core.security.Principal.ALL_MUNICIPALITIES));
                    } else if (municipalities != null) {
                        changed = users.setMunicipalities(user, Set.copyOf(municipalities));
                    }
                    if (organisation != null) {
                        changed = users.setOrganisation(user, organisation);
                    }
                    return changed;
                });
        System.out.println(UserCommands.describe(account));
        return null;
    }
}
