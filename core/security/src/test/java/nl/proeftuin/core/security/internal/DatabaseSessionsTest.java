package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.AuthenticationException.Reason;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.Session;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.SecurityTestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions, expiry, lockout and user administration against the real schema on H2; the realm is the
 * users file the administration writes, checked with the same PBKDF2 code Karaf's login module calls.
 */
class DatabaseSessionsTest {
    static final String PASSWORD = "paars-fietsenrek-onder-de-brug";

    @TempDir
    Path dir;
    private Database database;
    private final TestClock clock = new TestClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private PropertiesFileRealm admin;
    private DatabaseSessions sessions;

    @BeforeEach
    void setUp() throws Exception {
        database = SecurityTestDatabases.h2(dir);
        UsersFile file = new UsersFile(dir.resolve("proeftuin-users.properties"));
        admin = new PropertiesFileRealm("proeftuin", 0, file, new PasswordPolicy(12), 1000, database, clock, null);
        // The users file as Karaf's PropertiesLoginModule reads it: hash between {CRYPT} markers, then roles.
        PasswordCheck realm = (user, password) -> {
            UsersFile.Entry entry = file.read().get(user);
            if (entry == null) {
                return null;
            }
            String hash = entry.hash().substring(UsersFile.CRYPT.length(), entry.hash().length() - UsersFile.CRYPT.length());
            return Pbkdf2.verify(password, hash) ? Set.copyOf(entry.roles().stream().map(Role::name).toList()) : null;
        };
        sessions = new DatabaseSessions(database, realm, new DatabaseSessions.Settings(Duration.ofMinutes(15),
                Duration.ofHours(8), 5, Duration.ofMinutes(15), Duration.ofMillis(1000)), clock, sleeps::add);
        database.inTransaction(c -> {
            for (String[] m : new String[][] {{"GM0202", "Arnhem"}, {"GM0228", "Ede"}}) {
                try (var ps = c.prepareStatement("INSERT INTO municipality (code, name, name_key, changed_at, changed_by)"
                        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'test')")) {
                    ps.setString(1, m[0]);
                    ps.setString(2, m[1]);
                    ps.setString(3, m[1].toLowerCase(java.util.Locale.ROOT));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        admin.add(new NewAccount("anna.local", "Anna de Vries", Set.of(Role.PROFESSIONAL), Set.of("Arnhem"),
                "Wijkteam Arnhem-Oost"), PASSWORD.toCharArray());
    }

    @AfterEach
    void tearDown() {
        SecurityTestDatabases.close(database);
    }

    @Test
    void loginGivesA256BitTokenThatAuthenticatesWithCurrentRolesAndScope() {
        Session session = sessions.login("anna.local", PASSWORD.toCharArray(), "127.0.0.1");
        assertEquals(43, session.token().length());
        assertEquals(clock.instant().plus(Duration.ofHours(8)), session.expiresAt());
        Principal anna = sessions.authenticate(session.token());
        assertEquals("Anna de Vries", anna.name());
        assertEquals(Set.of(Role.PROFESSIONAL), anna.roles());
        assertEquals(Set.of("Arnhem"), anna.municipalities());
        assertNotEquals(session.token(), sessions.login("anna.local", PASSWORD.toCharArray(), null).token());

        // a role or scope change counts on the next request, without a new login
        admin.setRoles("anna.local", Set.of(Role.PROFESSIONAL, Role.AUDITOR));
        admin.setMunicipalities("anna.local", Set.of());
        Principal changed = sessions.authenticate(session.token());
        assertEquals(Set.of(Role.PROFESSIONAL, Role.AUDITOR), changed.roles());
        assertTrue(changed.municipalities().isEmpty());
    }

    @Test
    void aUsersMunicipalitiesAreRegisteredNamesInTheRegistersFormOrTheExplicitAll() {
        assertEquals(Set.of("Arnhem", "Ede"), admin.setMunicipalities("anna.local", Set.of("arnhem", "EDE")).municipalities());
        for (String bad : new String[] {"Arnhm", "Arnhem\u200b", "Arnhem\u0000", "Arnh\u0435m"}) {
            assertEquals("municipalities", assertThrows(nl.proeftuin.core.api.InvalidInputException.class,
                    () -> admin.setMunicipalities("anna.local", Set.of(bad))).field(), bad);
        }
        assertEquals(Set.of("Arnhem", "Ede"), sessions.authenticate(sessions.login("anna.local", PASSWORD.toCharArray(),
                null).token()).municipalities(), "a refused change leaves the old scope");
        assertEquals(Set.of("*"), admin.setMunicipalities("anna.local", Set.of("ALL")).municipalities());
        assertThrows(nl.proeftuin.core.api.InvalidInputException.class,
                () -> admin.setMunicipalities("anna.local", Set.of("*", "Arnhem")));
        assertTrue(admin.setMunicipalities("anna.local", Set.of()).municipalities().isEmpty(), "none: sees none");
    }

    @Test
    void idleTimeoutAndAbsoluteLifetimeEndSessions() {
        String token = sessions.login("anna.local", PASSWORD.toCharArray(), null).token();
        clock.advance(Duration.ofMinutes(14));
        sessions.authenticate(token); // activity moves the idle clock
        clock.advance(Duration.ofMinutes(14));
        sessions.authenticate(token);
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Reason.EXPIRED, assertThrows(AuthenticationException.class, () -> sessions.authenticate(token)).reason());
        // and it is gone: the next try is an unknown token
        assertEquals(Reason.INVALID_TOKEN, assertThrows(AuthenticationException.class, () -> sessions.authenticate(token)).reason());

        String busy = sessions.login("anna.local", PASSWORD.toCharArray(), null).token();
        for (int i = 0; i < 8 * 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            if (i < 8 * 6 - 1) {
                sessions.authenticate(busy);
            }
        }
        assertEquals(Reason.EXPIRED, assertThrows(AuthenticationException.class, () -> sessions.authenticate(busy)).reason());
    }

    @Test
    void logoutDisableAndPasswordChangeEndSessionsAtOnce() {
        String one = sessions.login("anna.local", PASSWORD.toCharArray(), null).token();
        String two = sessions.login("anna.local", PASSWORD.toCharArray(), null).token();
        sessions.logout(one);
        assertEquals(Reason.INVALID_TOKEN, assertThrows(AuthenticationException.class, () -> sessions.authenticate(one)).reason());
        sessions.authenticate(two);

        admin.disable("anna.local");
        assertEquals(Reason.INVALID_TOKEN, assertThrows(AuthenticationException.class, () -> sessions.authenticate(two)).reason());
        assertEquals(Reason.INVALID_CREDENTIALS, assertThrows(AuthenticationException.class,
                () -> sessions.login("anna.local", PASSWORD.toCharArray(), null)).reason());
        admin.enable("anna.local");
        String three = sessions.login("anna.local", PASSWORD.toCharArray(), null).token();
        admin.changePassword("anna.local", "een-heel-ander-wachtwoord".toCharArray());
        assertThrows(AuthenticationException.class, () -> sessions.authenticate(three));
        sessions.login("anna.local", "een-heel-ander-wachtwoord".toCharArray(), null);
    }

    @Test
    void forgedAndMalformedTokensAreRefused() {
        sessions.login("anna.local", PASSWORD.toCharArray(), null);
        for (String token : new String[] {null, "", "abc", "A".repeat(43), "A".repeat(4000)}) {
            assertEquals(Reason.INVALID_TOKEN, assertThrows(AuthenticationException.class,
                    () -> sessions.authenticate(token)).reason());
        }
    }

    @Test
    void fiveFailuresLockTheNameForFifteenMinutesKnownOrNot() {
        for (String user : new String[] {"anna.local", "nobody.here"}) {
            for (int i = 1; i <= 4; i++) {
                assertEquals(Reason.INVALID_CREDENTIALS, assertThrows(AuthenticationException.class,
                        () -> sessions.login(user, "wrong-password-xyz".toCharArray(), null)).reason());
            }
            AuthenticationException fifth = assertThrows(AuthenticationException.class,
                    () -> sessions.login(user, "wrong-password-xyz".toCharArray(), null));
            assertEquals(Reason.LOCKED, fifth.reason());
            assertEquals(Duration.ofMinutes(15), fifth.retryAfter());
        }
        // locked: even the right password is refused, without being checked
        assertEquals(Reason.LOCKED, assertThrows(AuthenticationException.class,
                () -> sessions.login("ANNA.local", PASSWORD.toCharArray(), null)).reason());
        clock.advance(Duration.ofMinutes(15));
        sessions.login("anna.local", PASSWORD.toCharArray(), null);
        // every failure was held to the minimum delay, so timing does not tell the names apart
        assertEquals(10, sleeps.size());
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(Duration.ofMillis(1000)) <= 0 && !d.isNegative()));
    }

    @Test
    void administrationRefusesDuplicatesAndBadInput() {
        assertThrows(RuleViolationException.class, () -> admin.add(new NewAccount("anna.local", "Anna", Set.of(Role.AUDITOR),
                Set.of(), null), "een-heel-ander-wachtwoord".toCharArray()));
        assertThrows(nl.proeftuin.core.api.InvalidInputException.class, () -> admin.add(new NewAccount("Bad User", "B",
                Set.of(Role.AUDITOR), Set.of(), null), "een-heel-ander-wachtwoord".toCharArray()));
        assertThrows(nl.proeftuin.core.api.InvalidInputException.class, () -> admin.add(new NewAccount("bert", "B",
                Set.of(), Set.of(), null), "een-heel-ander-wachtwoord".toCharArray()));
        assertEquals(1, admin.accounts().size());
        assertTrue(admin.hasAccounts());
    }
}
