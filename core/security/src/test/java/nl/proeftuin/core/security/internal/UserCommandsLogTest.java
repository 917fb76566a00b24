package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

/** User administration from the shell is logged: who (the shell's user), what, and how it ended. */
class UserCommandsLogTest {

    static final class RecordingLog implements AccessLog {
        final List<AccessEvent> events = new ArrayList<>();

        @Override
        public AccessLogEntry append(AccessEvent e) {
            events.add(e);
            return null;
        }

        @Override
        public List<AccessLogEntry> query(AccessLogQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessLogEntry> allForPerson(String personId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }
    }

    /** One account, "ans"; any other id is unknown. */
    static class OneUser implements UserAdministration {
        Account ans = new Account("ans", "Ans", Set.of(Role.PROFESSIONAL), Set.of(), "Wijkteam", false, Instant.EPOCH);

        private Account known(String userId) {
            if (!"ans".equals(userId)) {
                throw new NotFoundException("user " + userId);
            }
            return ans;
        }

        @Override
        public Account add(NewAccount account, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Account setRoles(String userId, Set<Role> roles) {
            known(userId);
            ans = new Account("ans", "Ans", roles, Set.of(), "Wijkteam", false, Instant.EPOCH);
            return ans;
        }

        @Override
        public Account setMunicipalities(String userId, Set<String> municipalities) {
            return known(userId);
        }

        @Override
        public Account setOrganisation(String userId, String organisation) {
            return known(userId);
        }

        @Override
        public Account disable(String userId) {
            return known(userId);
        }

        @Override
        public Account enable(String userId) {
            return known(userId);
        }

        @Override
        public void changePassword(String userId, char[] password) {
            known(userId);
        }

        @Override
        public Account account(String userId) {
            return known(userId);
        }

        @Override
        public List<Account> accounts() {
            return List.of(ans);
        }

        @Override
        public List<Account> colleagues(Role role, String text) {
            return ans.roles().contains(role) && "ans".contains(text) ? List.of(ans) : List.of();
        }

        @Override
        public boolean hasAccounts() {
            return true;
        }
    }

    final RecordingLog log = new RecordingLog();
    final OneUser users = new OneUser();

    /** A shell user as Karaf's JAAS login makes one: the user and the roles of the shell's realm. */
    static Subject shellUser(String user, String... roles) {
        Set<java.security.Principal> principals = new java.util.HashSet<>();
        principals.add(new UserPrincipal(user));
        for (String role : roles) {
            principals.add(new RolePrincipal(role));
        }
        return new Subject(true, principals, Set.of(), Set.of());
    }

    /** As a shell user holding REGIONAL_ADMINISTRATOR in the shell's realm (user administration needs it). */
    private static String runAs(String user, PrivilegedExceptionAction<Object> action) throws Exception {
        return runAs(shellUser(user, Role.REGIONAL_ADMINISTRATOR.name()), action);
    }

    @SuppressWarnings("removal") // Subject.doAs: how Karaf runs a command for the logged-in user
    static String runAs(Subject subject, PrivilegedExceptionAction<Object> action) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Subject.doAs(subject, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void aRoleChangeIsLoggedWithTheShellUser() throws Exception {
        UserRolesCommand roles = new UserRolesCommand();
        set(roles, "users", users);
        set(roles, "log", log);
        set(roles, "user", "ans");
        set(roles, "roles", List.of("AUDITOR"));
        runAs("rik", roles::execute);
        assertEquals(Set.of(Role.AUDITOR), users.ans.roles());
        AccessEvent e = log.events.get(0);
        assertEquals(AccessAction.PERMISSION_CHANGE, e.action());
        assertEquals(AccessEvent.SUCCESS, e.outcome());
        assertEquals("shell:rik", e.userId());
        assertEquals("ans", e.objectId());
        assertTrue(e.detail().contains("--role [AUDITOR]"), e.detail());
    }

    @Test
    void aFailedChangeIsLoggedAsAFailure() throws Exception {
        UserDisableCommand disable = new UserDisableCommand();
        set(disable, "users", users);
        set(disable, "log", log);
        set(disable, "user", "nobody");
        assertThrows(NotFoundException.class, () -> runAs("rik", disable::execute));
        assertEquals(AccessEvent.FAILURE, log.events.get(0).outcome());
        assertEquals("nobody", log.events.get(0).objectId());
    }

    @Test
    void listingTheUsersIsARead() throws Exception {
        UserListCommand list = new UserListCommand();
        set(list, "users", users);
        set(list, "log", log);
        String out = runAs("rik", list::execute);
        assertTrue(out.contains("ans"), out);
        assertEquals(AccessAction.READ, log.events.get(0).action());
        assertEquals("shell:rik", log.events.get(0).userId());
    }
}
