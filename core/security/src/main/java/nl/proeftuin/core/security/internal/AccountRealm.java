package nl.proeftuin.core.security.internal;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.security.auth.login.AppConfigurationEntry;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.accounts.AccountStore;
import nl.proeftuin.core.store.accounts.StoredAccount;
import nl.proeftuin.core.store.accounts.StoredCredentials;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import nl.proeftuin.core.store.sessions.SessionStore;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import nl.proeftuin.core.store.region.MunicipalityNames;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code proeftuin} JAAS realm ({@link DatabaseLoginModule}) and the administration of its users.
 * The whole account lives in the database (PBKDF2 password hash, roles, name, organisation,
 * municipalities, disabled) with the sessions, so that a user created, a password changed or a role
 * given through one node counts on every node at once (decision 0029).
 *
 * <p>The users file in etc/ is an inbox, for {@code bin/proeftuin-admin} on a stopped node and for an
 * operator's hand: its entries are moved into the database at start and at the next login after the
 * file changed, then removed from it (see {@link #importUsersFile()}).
 */
@Component(service = {JaasRealm.class, UserAdministration.class, UsersInbox.class}, immediate = true)
@Designate(ocd = AccountRealmConfig.class)
public class AccountRealm implements JaasRealm, UserAdministration, UsersInbox, DatabaseLoginModule.Credentials {
    static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    static final int MAX_NAME = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AccountRealm.class);

    private final String realmName;
    private final int rank;
    private final UsersFile file;
    private final PasswordPolicy policy;
    private final int iterations;
    private final Database database;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final MunicipalityStore register;
    private final Clock clock;
    private final BundleContext context;
    /** A hash of nobody's password at this realm's iteration count: checked for unknown users. */
    private volatile String decoy;
    /** The users file's modification time when it was last imported; null: never. */
    private volatile FileTime imported;

    @Activate
    public AccountRealm(AccountRealmConfig config, @Reference Database database,
            @Reference AccountStore accounts, @Reference SessionStore sessions, @Reference MunicipalityStore register,
            BundleContext context) {
        this(config.realmName(), config.rank(), new UsersFile(Path.of(resolve(config.usersFile()))),
                new PasswordPolicy(config.minPasswordLength(), config.minPasswordEntropyBits()), config.pbkdf2Iterations(),
                database, accounts, sessions, register, Clock.systemUTC(), context);
        file.restrict();
        importUsersFile();
    }

    AccountRealm(String realmName, int rank, UsersFile file, PasswordPolicy policy, int iterations,
            Database database, AccountStore accounts, SessionStore sessions, MunicipalityStore register, Clock clock,
            BundleContext context) {
        this.realmName = realmName;
        this.rank = rank;
        this.file = file;
        this.policy = policy;
        this.iterations = iterations;
        this.database = database;
        this.accounts = accounts;
        this.sessions = sessions;
        this.register = register;
        this.clock = clock;
        this.context = context;
    }

    static String resolve(String path) {
        String etc = System.getProperty("karaf.etc", "etc");
        return path.replace("${karaf.etc}", etc);
    }

    // --- JaasRealm

    @Override
    public String getName() {
        return realmName;
    }

    @Override
    public int getRank() {
        return rank;
    }

    /**
     * The entry Karaf's own realm registrations produce: its proxy module, told which bundle loads the
     * real module (this one) and given this realm to check the credentials with.
     */
    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, DatabaseLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(DatabaseLoginModule.CREDENTIALS, this);
        return new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    /**
     * Checks a password against the account in the database (after moving a changed users file in).
     * A disabled account is checked like any other: the session service refuses it afterwards, with
     * the same answer as a wrong password.
     *
     * @return the account's role names, or null for an unknown user, a directory account or a wrong password
     */
    @Override
    public Set<String> check(String userId, char[] password) {
        importUsersFileWhenChanged();
        var stored = read(c -> accounts.credentials(c, userId));
        String hash = stored.map(StoredCredentials::passwordHash).orElse(null);
        if (hash == null) {
            // an unknown user (or a directory account) costs the same hashing as a wrong password
            Pbkdf2.verify(password, decoy());
            return null;
        }
        if (!Pbkdf2.verify(password, unwrap(hash))) {
            return null;
        }
        return Set.copyOf(SessionRoles.parse(stored.get().roles()).stream().map(Role::name).toList());
    }

    // --- UserAdministration

    @Override
    public Account add(NewAccount account, char[] password) {
        try {
            if (account == null) {
                throw new InvalidInputException("account", "is required");
            }
            String userId = userId(account.userId());
            String name = text("name", account.name(), true);
            Set<Role> roles = roles(account.roles());
            Set<String> municipalities = municipalities(account.municipalities());
            String organisation = text("organisation", account.organisation(), false);
            policy.check(userId, password);
            String hash = Pbkdf2.hash(password, iterations);
            Instant now = clock.instant();
            importUsersFileWhenChanged();
            return write(c -> {
                if (accounts.exists(c, userId)) {
                    throw new RuleViolationException("user-exists", "A user " + userId + " exists already");
                }
                accounts.insert(c, userId, name, organisation, now);
                accounts.setCredentials(c, userId, hash, SessionRoles.format(roles), now);
                accounts.setMunicipalities(c, userId, registered(c, municipalities));
                return load(c, userId);
            });
        } finally {
            clear(password);
        }
    }

    @Override
    public Account setRoles(String userId, Set<Role> roles) {
        Set<Role> checked = roles(roles);
        return write(c -> {
            ownPassword(c, existing(c, userId));
            // Open sessions carry the roles they logged in with: change those too, so it counts at once.
            sessions.setRolesOfUser(c, userId, SessionRoles.format(checked));
            accounts.setRoles(c, userId, SessionRoles.format(checked), clock.instant());
            return load(c, userId);
        });
    }

    @Override
    public Account setMunicipalities(String userId, Set<String> municipalities) {
        Set<String> checked = municipalities(municipalities);
        return write(c -> {
            existing(c, userId);
            Set<String> names = registered(c, checked);
            accounts.setMunicipalities(c, userId, names);
            touch(c, userId);
            return load(c, userId);
        });
    }

    @Override
    public Account setOrganisation(String userId, String organisation) {
        String checked = text("organisation", organisation, false);
        return write(c -> {
            existing(c, userId);
            accounts.setOrganisation(c, userId, checked, clock.instant());
            return load(c, userId);
        });
    }

    @Override
    public Account disable(String userId) {
        return write(c -> {
            existing(c, userId);
            // sessions first, then the account (and its revision), in the order logout and login lock them
            sessions.deleteOfUser(c, userId);
            accounts.setDisabled(c, userId, true, clock.instant());
            return load(c, userId);
        });
    }

    @Override
    public Account enable(String userId) {
        return write(c -> {
            existing(c, userId);
            accounts.setDisabled(c, userId, false, clock.instant());
            return load(c, userId);
        });
    }

    @Override
    public void changePassword(String userId, char[] password) {
        try {
            policy.check(userId, password);
            String hash = Pbkdf2.hash(password, iterations);
            write(c -> {
                StoredCredentials now = ownPassword(c, existing(c, userId));
                sessions.deleteOfUser(c, userId);
                accounts.setCredentials(c, userId, hash, now.roles(), clock.instant());
                return null;
            });
        } finally {
            clear(password);
        }
    }

    @Override
    public Account account(String userId) {
        return read(c -> load(c, existing(c, userId)));
    }

    @Override
    public List<Account> accounts() {
        return read(c -> {
            List<String> ids = accounts.ids(c);
            List<Account> all = new java.util.ArrayList<>();
            for (String id : ids) {
                all.add(load(c, id));
            }
            return all;
        });
    }

    @Override
    public List<Account> colleagues(Role role, String text) {
        String q = text == null ? "" : text.strip();
        if (q.codePointCount(0, q.length()) < 2 || q.length() > 100) {
            throw new InvalidInputException("q", "must have 2 to 100 characters");
        }
        return read(c -> accounts.enabledWithRole(c, role.name(), q, 20)).stream()
                .map(a -> new Account(a.userId(), a.displayName(), Set.of(role), Set.of(), a.organisation(), false,
                        a.createdAt()))
                .toList();
    }

    @Override
    public boolean hasAccounts() {
        return !file.read().isEmpty() || read(accounts::any);
    }

    private String decoy() {
        String d = decoy;
        if (d == null) {
            char[] random = java.util.UUID.randomUUID().toString().toCharArray();
            d = Pbkdf2.hash(random, iterations);
            decoy = d;
        }
        return d;
    }

    // --- the users file, an inbox

    @Override
    public void importUsersFileWhenChanged() {
        FileTime now = file.modified();
        if (now != null && !now.equals(imported)) {
            importUsersFile();
        }
    }

    /**
     * Moves the users file's entries into the database and removes them from the file. An entry creates
     * its account (name: the user id, until {@code bin/proeftuin-admin}'s pending name completes it),
     * or gives its password to an account that has none yet (one from before V19, on the first node
     * that starts after the upgrade). An account that has a password is changed only when {@code
     * bin/proeftuin-admin create-administrator --overwrite} asked for it (recorded in {@link
     * PendingAccounts#FILE}): an entry with the same password is simply removed; one with another
     * password (a copy of an old users file on another node, or a line written by hand for a taken id)
     * is refused, stays in the file and is logged as an error, so an operator sees the conflict and an
     * old password never comes back; its pending name and municipalities are dropped. An entry whose
     * hash is not this platform's PBKDF2 form (a clear password, an absurd iteration count) stays in
     * the file with a warning. A failure leaves the entry for the next try; nothing here stops the start
     * or a login (a read-only etc/ only keeps the entries in the file).
     */
    synchronized void importUsersFile() {
        FileTime modified = file.modified();
        Map<String, UsersFile.Entry> entries;
        Map<String, PendingAccounts.Pending> pending;
        try {
            entries = file.read();
            pending = pendingFile().read();
        } catch (RuntimeException e) {
            LOG.error("{} cannot be read; its entries are not moved into the database", file.path(), e);
            return;
        }
        Map<String, UsersFile.Entry> done = new HashMap<>();
        for (Map.Entry<String, UsersFile.Entry> entry : entries.entrySet()) {
            String userId = entry.getKey();
            if (!USER_ID.matcher(userId).matches()) {
                LOG.warn("{}: '{}' is no valid user id; left in the file", file.path(), userId);
                continue;
            }
            String hash = unwrap(entry.getValue().hash());
            if (!Pbkdf2.wellFormed(hash)) {
                LOG.warn("{}: the entry of {} is no {CRYPT}pbkdf2sha256.<iterations 1,000-2,000,000>.<salt>.<hash>{CRYPT}"
                        + " (bin/proeftuin-admin writes one); left in the file, not imported", file.path(), userId);
                continue;
            }
            PendingAccounts.Pending p = pending.get(userId);
            try {
                Imported outcome = importEntry(userId, hash, entry.getValue().roles(), p);
                if (outcome == Imported.REFUSED) {
                    LOG.error("{}: {} has another password in the database than in this file; the file's entry is"
                            + " refused and left in the file (an old copy must not bring an old password back)."
                            + " Remove the line, or run bin/proeftuin-admin create-administrator --overwrite {}"
                            + " to set this password on purpose", file.path(), userId, userId);
                    pendingFile().remove(userId);
                } else {
                    LOG.info("{}: account {} {}", file.path(), userId, outcome.said);
                    done.put(userId, entry.getValue());
                }
            } catch (RuntimeException e) {
                LOG.error("{}: account {} not moved into the database yet; kept for the next try", file.path(), userId, e);
            }
        }
        try {
            file.removeIfUnchanged(done);
        } catch (RuntimeException e) {
            LOG.warn("{}: the imported entries could not be removed from the file ({}); they are in the database and"
                    + " an entry never changes an account with the same password", file.path(), e.toString());
        }
        imported = done.size() == entries.size() ? file.modified() : modified;
    }

    /** What an entry of the users file did. */
    enum Imported {
        CREATED("created"), GIVEN("given its password and roles"), SAME("exists with this password already"),
        OVERWRITTEN("given a new password and roles added (--overwrite)"), REFUSED("refused");

        final String said;

        Imported(String said) {
            this.said = said;
        }
    }

    private Imported importEntry(String userId, String hash, Set<Role> roles, PendingAccounts.Pending pending) {
        Instant now = clock.instant();
        try {
            return database.inTransaction(c -> importEntry(c, userId, hash, roles, pending, now));
        } catch (SQLException e) {
            // another node created the same account at the same moment: the second try finds it
            try {
                return database.inTransaction(c -> importEntry(c, userId, hash, roles, pending, now));
            } catch (SQLException again) {
                throw new IllegalStateException("user administration failed in the database", again);
            }
        }
    }

    private Imported importEntry(Connection c, String userId, String hash, Set<Role> roles,
            PendingAccounts.Pending pending, Instant now) throws SQLException {
        var stored = accounts.credentials(c, userId);
        if (stored.isEmpty()) {
            accounts.insert(c, userId, pending == null ? userId : pending.name(), null, now);
            accounts.setCredentials(c, userId, hash, SessionRoles.format(roles), now);
            return Imported.CREATED;
        }
        String current = stored.get().passwordHash();
        if (current == null) {
            sessions.deleteOfUser(c, userId);
            accounts.setCredentials(c, userId, hash, SessionRoles.format(roles), now);
            return Imported.GIVEN;
        }
        boolean overwrite = pending != null && pending.overwrite();
        if (!overwrite) {
            return current.equals(hash) ? Imported.SAME : Imported.REFUSED;
        }
        Set<Role> all = EnumSet.noneOf(Role.class);
        all.addAll(SessionRoles.parse(stored.get().roles()));
        all.addAll(roles);
        sessions.deleteOfUser(c, userId);
        accounts.setCredentials(c, userId, hash, SessionRoles.format(all), now);
        return Imported.OVERWRITTEN;
    }

    private PendingAccounts.File pendingFile() {
        return new PendingAccounts.File(file.path().resolveSibling(PendingAccounts.FILE));
    }

    /** The hash as the users file writes it ({@code {CRYPT}...{CRYPT}}), or bare. */
    static String unwrap(String hash) {
        if (hash != null && hash.startsWith(UsersFile.CRYPT) && hash.endsWith(UsersFile.CRYPT)
                && hash.length() >= 2 * UsersFile.CRYPT.length()) {
            return hash.substring(UsersFile.CRYPT.length(), hash.length() - UsersFile.CRYPT.length());
        }
        return hash;
    }

    // --- helpers

    private void touch(Connection c, String userId) throws SQLException {
        accounts.touch(c, userId, clock.instant());
    }

    private Account load(Connection c, String userId) throws SQLException {
        Set<Role> roles = accounts.credentials(c, userId).map(s -> SessionRoles.parse(s.roles())).orElse(Set.of());
        return accounts.find(c, userId)
                .map((StoredAccount a) -> new Account(userId, a.displayName(), roles,
                        a.municipalities(), a.organisation(), a.disabled(), a.createdAt()))
                .orElseThrow(() -> new NotFoundException("user " + userId));
    }

    /**
     * @return the account's credentials, when the platform holds its password
     * @throws RuleViolationException {@code directory-account} for an account of a directory realm (LDAP)
     */
    private StoredCredentials ownPassword(Connection c, String userId) throws SQLException {
        StoredCredentials stored = accounts.credentials(c, userId).orElseThrow(() -> new NotFoundException("user " + userId));
        if (stored.passwordHash() == null) {
            throw new RuleViolationException("directory-account", userId + " logs in through the region's directory"
                    + " (for example LDAP): its password and roles are changed there");
        }
        return stored;
    }

    private String existing(Connection c, String userId) throws SQLException {
        if (userId == null || !accounts.exists(c, userId)) {
            throw new NotFoundException("user " + userId);
        }
        return userId;
    }

    /**
     * A user's municipalities in the register's form: each must be in the region's register
     * ({@code arnhem} is stored as {@code Arnhem}; a typo, a control, zero-width or look-alike
     * character is refused), or the one entry {@code *} (also {@code ALL}) grants all of them.
     */
    Set<String> registered(Connection c, Set<String> given) throws SQLException {
        if (given.stream().anyMatch(Principal::meansAll)) {
            if (given.size() > 1) {
                throw new InvalidInputException("municipalities", "'*' (all municipalities) cannot be combined with others");
            }
            return Set.of(Principal.ALL_MUNICIPALITIES);
        }
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        for (String m : given) {
            String key;
            try {
                key = MunicipalityNames.key(m);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("municipalities", "entry " + (i + 1) + " " + e.getMessage());
            }
            var name = register.byKey(c, key).map(StoredMunicipality::name);
            if (name.isEmpty()) {
                if (register.isEmpty(c)) {
                    throw new RuleViolationException("municipality-register-empty", "The region's register of"
                            + " municipalities is empty: add the municipalities first (proeftuin:municipality-add),"
                            + " or grant all with '*'");
                }
                throw new InvalidInputException("municipalities", "entry " + (i + 1) + " (" + key
                        + ") is not a municipality of the region's register");
            }
            out.add(name.get());
            i++;
        }
        return out;
    }

    static String userId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidInputException("userId",
                    "must be 2 to 64 of a-z 0-9 . _ @ -, starting with a letter or digit");
        }
        return userId;
    }

    static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("roles", "must name at least one of " + Arrays.toString(Role.values()));
        }
        return EnumSet.copyOf(roles);
    }

    static Set<String> municipalities(Set<String> municipalities) {
        if (municipalities == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String m : new java.util.ArrayList<>(municipalities)) {
            out.add(text("municipalities", m, true));
        }
        return out;
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_NAME || v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "must be at most " + MAX_NAME + " characters without control characters");
        }
        return v;
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    private <T> T write(Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new IllegalStateException("user administration failed in the database", e);
        }
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("user administration failed in the database", e);
        }
    }

    static String describe(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }
}
