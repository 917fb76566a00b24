package nl.proeftuin.core.security.internal;

import static nl.proeftuin.core.security.internal.UserCommandsLogTest.runAs;
import static nl.proeftuin.core.security.internal.UserCommandsLogTest.set;
import static nl.proeftuin.core.security.internal.UserCommandsLogTest.shellUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.Subject;

import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Role;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.Test;

/**
 * User administration from the shell is for a regional administrator granted all municipalities, as
 * {@code proeftuin:backup} is: by the shell realm's role or the platform account of the shell user's name.
 * Any other shell user is refused before anything changes (before a password is even asked for), and the
 * refusal is in the access log.
 */
class UserCommandsPermissionTest {
    final UserCommandsLogTest.RecordingLog log = new UserCommandsLogTest.RecordingLog();
    final Users users = new Users();
    /** How often a command asked for a password. */
    final AtomicInteger prompts = new AtomicInteger();

    /** {@link UserCommandsLogTest.OneUser} that can also add, and counts what it changed. */
    static final class Users extends UserCommandsLogTest.OneUser {
        final List<String> changes = new ArrayList<>();
        boolean none;

        @Override
        public Account add(NewAccount account, char[] password) {
            changes.add("add " + account.userId());
            return new Account(account.userId(), account.name(), account.roles(), account.municipalities(),
                    account.organisation(), false, Instant.EPOCH);
        }

        @Override
        public Account setRoles(String userId, Set<Role> roles) {
            changes.add("roles " + userId + " " + roles);
            account(userId);
            ans = new Account(ans.userId(), ans.name(), roles, ans.municipalities(), ans.organisation(), ans.disabled(),
                    ans.createdAt());
            return ans;
        }

        @Override
        public List<Account> accounts() {
            return none ? List.of() : super.accounts();
        }

        @Override
        public Account setMunicipalities(String userId, Set<String> municipalities) {
            changes.add("municipalities " + userId + " " + municipalities);
            return super.setMunicipalities(userId, municipalities);
        }

        @Override
        public Account disable(String userId) {
            changes.add("disable " + userId);
            return super.disable(userId);
        }

        @Override
        public void changePassword(String userId, char[] password) {
            changes.add("password " + userId);
            super.changePassword(userId, password);
        }

        @Override
        public boolean hasAccounts() {
            return !none;
        }
    }

    /** A console that answers every password prompt with the same (strong) password. */
    private Session console() {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readLine")) {
                        prompts.incrementAndGet();
                        return "fiets-paraplu-molen-vijver-8";
                    }
                    return null;
                });
    }

    /** The user commands, each set up to make "ans" a regional administrator of all municipalities (or list). */
    private List<Action> commands() throws ReflectiveOperationException {
        Session session = console();
        UserAddCommand add = new UserAddCommand();
        set(add, "user", "mallory");
        set(add, "name", "Mallory");
        set(add, "roles", List.of("REGIONAL_ADMINISTRATOR"));
        set(add, "municipalities", List.of("*"));
        UserRolesCommand roles = new UserRolesCommand();
        set(roles, "user", "ans");
        set(roles, "roles", List.of("REGIONAL_ADMINISTRATOR"));
        set(roles, "allMunicipalities", true);
        UserDisableCommand disable = new UserDisableCommand();
        set(disable, "user", "ans");
        UserPasswordCommand password = new UserPasswordCommand();
        set(password, "user", "ans");
        UserListCommand list = new UserListCommand();
        List<Action> all = List.of(add, roles, disable, password, list);
        for (Action command : all) {
            set(command, "users", users);
            set(command, "log", log);
            set(command, "session", session);
        }
        return all;
    }

    private void assertRefused(Subject subject) throws Exception {
        for (Action command : commands()) {
            log.events.clear();
            SecurityException refused = assertThrows(SecurityException.class, () -> runAs(subject, command::execute),
                    command.getClass().getSimpleName());
            assertTrue(refused.getMessage().contains("regional administrator granted all municipalities"),
                    refused.getMessage());
            assertEquals(1, log.events.size(), command.getClass().getSimpleName());
            AccessEvent e = log.events.get(0);
            assertEquals(AccessEvent.FAILURE, e.outcome());
            assertTrue(e.detail().contains("SecurityException"), e.detail());
        }
        assertEquals(List.of(), users.changes);
        assertEquals(0, prompts.get(), "no password is asked for a command that is refused");
    }

    @Test
    void aShellUserWithoutTheRoleAndWithoutAnAccountIsRefused() throws Exception {
        assertRefused(shellUser("mallory", "admin", "manager", "viewer", "systembundles", "ssh"));
    }

    @Test
    void aShellUserNamedLikeAnAccountThatIsNoAdministratorOfTheWholeRegionIsRefused() throws Exception {
        // a professional
        assertRefused(shellUser("ans", "admin"));
        // a regional administrator of one municipality
        users.ans = new Account("ans", "Ans", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("Arnhem"), null, false,
                Instant.EPOCH);
        assertRefused(shellUser("ans", "admin"));
        // a coordinator of all municipalities (the configuration's role, not user administration's)
        users.ans = new Account("ans", "Ans", Set.of(Role.COORDINATOR), Set.of("*"), null, false, Instant.EPOCH);
        assertRefused(shellUser("ans", "admin"));
        // a disabled regional administrator of all municipalities
        users.ans = new Account("ans", "Ans", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"), null, true,
                Instant.EPOCH);
        assertRefused(shellUser("ans", "admin"));
        users.ans = new Account("ans", "Ans", Set.of(Role.PROFESSIONAL), Set.of(), "Wijkteam", false, Instant.EPOCH);
        assertRefused(shellUser("ans", "admin"));
    }

    @Test
    void noLoggedInSubjectIsRefusedWhateverTheSessionSays() throws Exception {
        // the session's USER variable can be set by the shell user: it names nobody
        users.ans = new Account("ans", "Ans", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"), null, false,
                Instant.EPOCH);
        Session claimsAns = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> method.getName().equals("get") && "USER".equals(args[0]) ? "ans" : null);
        for (Action command : commands()) {
            set(command, "session", claimsAns);
            assertThrows(SecurityException.class, command::execute, command.getClass().getSimpleName());
        }
        assertEquals(List.of(), users.changes);
    }

    @Test
    void aRegionalAdministratorOfTheShellRealmMay() throws Exception {
        for (Action command : commands()) {
            runAs(shellUser("rik", Role.REGIONAL_ADMINISTRATOR.name()), command::execute);
        }
        assertEquals(List.of("add mallory", "roles ans [REGIONAL_ADMINISTRATOR]", "municipalities ans [*]",
                "disable ans", "password ans"), users.changes);
        assertTrue(log.events.stream().allMatch(e -> AccessEvent.SUCCESS.equals(e.outcome())), log.events.toString());
    }

    @Test
    void aPlatformAccountOfTheSameNameThatIsRegionalAdministratorOfAllMunicipalitiesMay() throws Exception {
        users.ans = new Account("ans", "Ans", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"), null, false,
                Instant.EPOCH);
        for (Action command : commands()) {
            runAs(shellUser("ans", "admin"), command::execute);
        }
        assertEquals(5, log.events.size());
        assertTrue(log.events.stream().allMatch(e -> AccessEvent.SUCCESS.equals(e.outcome())), log.events.toString());
        assertTrue(users.changes.contains("add mallory"), users.changes.toString());
    }

    @Test
    void whileNoAccountExistsTheConsoleCreatesTheFirst() throws Exception {
        users.none = true;
        List<Action> all = commands();
        Subject console = shellUser("karaf", "admin", "manager", "viewer", "systembundles");
        String out = runAs(console, all.get(4)::execute); // user-list: how to create the first
        assertTrue(out.contains(UserListCommand.FIRST_USER_HINT), out);
        runAs(console, all.get(0)::execute); // user-add
        assertEquals(List.of("add mallory"), users.changes);
        assertEquals(AccessAction.PERMISSION_CHANGE, log.events.get(1).action());
        // but no other change: there is nobody to change
        for (Action command : all.subList(1, 4)) {
            assertThrows(SecurityException.class, () -> runAs(console, command::execute));
        }
        assertEquals(List.of("add mallory"), users.changes);
    }

    @Test
    void theBackupCommandHasTheSameRule() throws Exception {
        List<String> backups = new ArrayList<>();
        BackupCommand backup = new BackupCommand();
        set(backup, "backup", (NodeBackup) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NodeBackup.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        backups.add(String.valueOf(args[1]));
                        return new BackupFile("b.zip", "data/backups/b.zip", 1, "0", Instant.EPOCH, "1", 1, 1);
                    }
                    return null;
                }));
        set(backup, "users", users);
        set(backup, "log", log);
        assertThrows(SecurityException.class, () -> runAs(shellUser("mallory", "admin"), backup::execute));
        assertEquals(AccessEvent.FAILURE, log.events.get(0).outcome());
        assertEquals(List.of(), backups);
        users.ans = new Account("ans", "Ans", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"), null, false,
                Instant.EPOCH);
        runAs(shellUser("ans"), backup::execute);
        assertEquals(List.of("ans"), backups);
        assertFalse(log.events.get(1).outcome().equals(AccessEvent.FAILURE));
    }
}
