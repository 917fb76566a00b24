package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcAccountStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalityStore;
import nl.proeftuin.core.store.internal.JdbcSessionStore;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/proeftuin-admin create-administrator}: the platform's password policy and hash, the users
 * file kept 0600, no silent overwrite; and the platform completing the account at its next start.
 */
class AdministratorToolTest {
    static final String STRONG = "kompas-lantaarn-zeilboot-71";

    @TempDir
    Path etc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) throws Exception {
        // a few iterations: the hash format is the point here, not its cost
        Files.writeString(etc.resolve(AdministratorTool.CONFIG), "pbkdf2Iterations = 1000\n");
        return new AdministratorTool(etc, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private Path users() {
        return etc.resolve("proeftuin-users.properties");
    }

    @Test
    void createsAnAdministratorWithThePlatformsHashInAnOwnerOnlyFile() throws Exception {
        Files.writeString(users(), UsersFile.HEADER);
        Files.setPosixFilePermissions(users(), PosixFilePermissions.fromString("rw-r--r--")); // as unpacked
        assertEquals(0, run(STRONG + "\n", "create-administrator", "--name", "Rik Beheer", "rik.admin"), err.toString());

        UsersFile.Entry entry = new UsersFile(users()).read().get("rik.admin");
        assertEquals(Set.of(Role.REGIONAL_ADMINISTRATOR), entry.roles());
        assertTrue(entry.hash().startsWith("{CRYPT}pbkdf2sha256.1000."), entry.hash());
        String hash = entry.hash().substring(7, entry.hash().length() - 7);
        assertTrue(Pbkdf2.verify(STRONG.toCharArray(), hash), "the realm's own check accepts the password");
        assertFalse(Files.readString(users()).contains(STRONG));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users())));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(etc.resolve(PendingAccounts.FILE))));
        var pending = new PendingAccounts.File(etc.resolve(PendingAccounts.FILE)).read().get("rik.admin");
        assertEquals("Rik Beheer", pending.name());
        assertEquals(Set.of("*"), pending.municipalities(), "all municipalities by default");
    }

    @Test
    void refusesWeakPasswordsWithTheSamePolicyAsThePlatform() throws Exception {
        for (String weak : new String[] {"", "short1", "Welkom012345", "wachtwoord123", "rik.admin-2024!x", "qwertyuiopasdf"}) {
            err.reset();
            assertEquals(AdministratorTool.REFUSED, run(weak + "\n", "create-administrator", "rik.admin"), weak);
            assertTrue(err.toString().contains("refused: password:"), err.toString());
        }
        assertFalse(Files.exists(users()), "nothing written");
        assertFalse(Files.exists(etc.resolve(PendingAccounts.FILE)));
    }

    @Test
    void refusesAnExistingUserUnlessAskedToOverwrite() throws Exception {
        assertEquals(0, run(STRONG + "\n", "create-administrator", "--role", "coordinator", "rik.admin"));
        String before = Files.readString(users());
        assertEquals(AdministratorTool.REFUSED, run("another-passphrase-for-rik-99\n", "create-administrator", "rik.admin"));
        assertTrue(err.toString().contains("exists already"), err.toString());
        assertEquals(before, Files.readString(users()));

        assertEquals(0, run("another-passphrase-for-rik-99\r\n", "create-administrator", "--overwrite", "rik.admin"),
                err.toString());
        UsersFile.Entry entry = new UsersFile(users()).read().get("rik.admin");
        assertEquals(Set.of(Role.REGIONAL_ADMINISTRATOR, Role.COORDINATOR), entry.roles(), "roles kept and added");
        assertTrue(Pbkdf2.verify("another-passphrase-for-rik-99".toCharArray(),
                entry.hash().substring(7, entry.hash().length() - 7)), "a CR before the newline is not part of it");
    }

    @Test
    void usageErrorsAndBadInputAreClear() throws Exception {
        assertEquals(AccountRealm.USER_ID.pattern(), AdministratorTool.USER_ID.pattern());
        assertEquals(AdministratorTool.USAGE, run("", "create-administrator"));
        assertEquals(AdministratorTool.USAGE, run("", "delete-everything"));
        assertEquals(AdministratorTool.USAGE, run("", "create-administrator", "rik.admin", STRONG));
        assertEquals(AdministratorTool.REFUSED, run(STRONG + "\n", "create-administrator", "Rik Admin"));
        assertTrue(err.toString().contains("userId"), err.toString());
        assertEquals(AdministratorTool.REFUSED, run(STRONG + "\n", "create-administrator", "-m", "*,Arnhem", "rik.admin"));
        assertEquals(AdministratorTool.REFUSED, run(STRONG + "\n", "create-administrator", "-r", "KING", "rik.admin"));
    }

    @Test
    void thePlatformCompletesTheAccountAtItsNextStartAndLogsIt() throws Exception {
        assertEquals(0, run(STRONG + "\n", "create-administrator", "--name", "Rik Beheer", "rik.admin"));
        assertEquals(0, run("nog-een-lange-zin-voor-ans-7\n", "create-administrator", "-m", "Arnhem", "ans.admin"));
        Database database = TestDatabases.h2(etc.resolve("db"));
        try {
            AccountRealm realm = new AccountRealm("proeftuin", 0, new UsersFile(users()),
                    new PasswordPolicy(12), 1000, database, new JdbcAccountStore(), new JdbcSessionStore(),
                    new JdbcMunicipalityStore(), new TestClock(), null);
            UserCommandsLogTest.RecordingLog log = new UserCommandsLogTest.RecordingLog();
            PendingAccounts.File file = new PendingAccounts.File(etc.resolve(PendingAccounts.FILE));
            new PendingAccounts(file, realm, realm, new JdbcAccountStore(), database, log, new TestClock(), null);

            Account rik = realm.account("rik.admin");
            assertEquals("Rik Beheer", rik.name());
            assertEquals(Set.of("REGIONAL_ADMINISTRATOR"), realm.check("rik.admin", STRONG.toCharArray()),
                    "the password and roles moved into the database");
            assertEquals(null, realm.check("rik.admin", "kompas-lantaarn-zeilboot-72".toCharArray()));
            assertFalse(new UsersFile(users()).read().containsKey("rik.admin"), "and out of the users file");
            assertEquals(Set.of("*"), rik.municipalities());
            assertEquals(Set.of(Role.REGIONAL_ADMINISTRATOR), rik.roles());
            assertEquals(1, log.events.size());
            assertEquals(AccessAction.PERMISSION_CHANGE, log.events.get(0).action());
            assertEquals("rik.admin", log.events.get(0).objectId());
            // Arnhem is not registered yet (an empty register): kept for the next start
            assertEquals(Set.of("ans.admin"), file.read().keySet());

            database.inTransaction(c -> {
                try (var ps = c.prepareStatement("INSERT INTO municipality (code, name, name_key, changed_at, changed_by)"
                        + " VALUES ('GM0202', 'Arnhem', 'arnhem', CURRENT_TIMESTAMP, 'test')")) {
                    ps.executeUpdate();
                }
                return null;
            });
            PendingAccounts running = new PendingAccounts(file, realm, realm, new JdbcAccountStore(), database, log,
                    new TestClock(), null);
            assertEquals(Set.of("Arnhem"), realm.account("ans.admin").municipalities());
            assertFalse(Files.exists(etc.resolve(PendingAccounts.FILE)), "all applied: the file is gone");

            // On a running node: the account logged in before its entry was applied (no municipalities yet,
            // as a first login makes it); the watch completes it once the file changes.
            assertEquals(0, run("weer-een-andere-lange-zin-3\n", "create-administrator", "tom.admin"));
            database.inTransaction(c -> {
                new JdbcAccountStore().insert(c, "tom.admin", "tom.admin", null, java.time.Instant.EPOCH);
                return null;
            });
            assertEquals(Set.of(), realm.account("tom.admin").municipalities());
            running.applyWhenChanged();
            assertEquals(Set.of("*"), realm.account("tom.admin").municipalities());
            assertFalse(Files.exists(etc.resolve(PendingAccounts.FILE)));
            running.applyWhenChanged(); // nothing left: nothing happens
            assertEquals(3, log.events.size());

            // The tool cannot see the database: an existing account is never changed by its entry ...
            assertEquals(0, run("een-poging-om-rik-over-te-nemen-5\n", "create-administrator", "--role", "auditor",
                    "rik.admin"), err.toString());
            running.applyWhenChanged();
            assertEquals(Set.of("REGIONAL_ADMINISTRATOR"), realm.check("rik.admin", STRONG.toCharArray()));
            assertEquals(null, realm.check("rik.admin", "een-poging-om-rik-over-te-nemen-5".toCharArray()));
            assertTrue(new UsersFile(users()).read().containsKey("rik.admin"),
                    "the refused entry stays in the file, for the operator to see (and an error in the log)");
            assertFalse(new PendingAccounts.File(etc.resolve(PendingAccounts.FILE)).read().containsKey("rik.admin"),
                    "its municipalities are not applied to the existing account either");
            assertEquals(Set.of("*"), realm.account("rik.admin").municipalities());
            // ... unless it says --overwrite (a lost administrator password): then the new password counts
            // and the roles are added
            assertEquals(0, run("rik-vergat-zijn-wachtwoord-8\n", "create-administrator", "--overwrite", "--role",
                    "auditor", "rik.admin"), err.toString());
            running.applyWhenChanged();
            assertEquals(null, realm.check("rik.admin", STRONG.toCharArray()));
            assertEquals(Set.of("REGIONAL_ADMINISTRATOR", "AUDITOR"),
                    realm.check("rik.admin", "rik-vergat-zijn-wachtwoord-8".toCharArray()));
            assertFalse(new UsersFile(users()).read().containsKey("rik.admin"), "applied and removed");
        } finally {
            TestDatabases.close(database);
        }
    }
}
