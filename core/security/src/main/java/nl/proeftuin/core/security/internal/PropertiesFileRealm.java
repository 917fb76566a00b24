package nl.proeftuin.core.security.internal;

import java.nio.file.Path;
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
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import nl.proeftuin.core.store.sessions.SessionStore;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import nl.proeftuin.core.store.region.MunicipalityNames;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code proeftuin} JAAS realm (Karaf's {@link PropertiesLoginModule} over a users file whose
 * passwords are PBKDF2 hashes, see {@link Pbkdf2EncryptionService}) and the administration of its
 * users. The file holds the password hash and roles; the database holds the rest of the account
 * (name, organisation, municipalities, disabled) and the sessions, so that a change reaches every node.
 */
@Component(service = {JaasRealm.class, UserAdministration.class}, immediate = true)
@Designate(ocd = PropertiesFileRealmConfig.class)
public class PropertiesFileRealm implements JaasRealm, UserAdministration {
    static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    static final int MAX_NAME = 200;

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

    @Activate
    public PropertiesFileRealm(PropertiesFileRealmConfig config, @Reference Database database,
            @Reference AccountStore accounts, @Reference SessionStore sessions, @Reference MunicipalityStore register,
            BundleContext context) {
        this(config.realmName(), config.rank(), new UsersFile(Path.of(resolve(config.usersFile()))),
                new PasswordPolicy(config.minPasswordLength(), config.minPasswordEntropyBits()), config.pbkdf2Iterations(),
                database, accounts, sessions, register, Clock.systemUTC(), context);
        file.restrict();
    }

    PropertiesFileRealm(String realmName, int rank, UsersFile file, PasswordPolicy policy, int iterations,
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
     * real module (this one, which imports it) and given this bundle's context to find the encryption.
     */
    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, PropertiesLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put("users", file.path().toString());
        options.put("encryption.enabled", "true");
        options.put("encryption.name", Pbkdf2EncryptionService.NAME);
        options.put("encryption.prefix", UsersFile.CRYPT);
        options.put("encryption.suffix", UsersFile.CRYPT);
        options.put("detailed.login.exception", "false");
        return new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
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
            String hash = UsersFile.CRYPT + Pbkdf2.hash(password, iterations) + UsersFile.CRYPT;
            Instant now = clock.instant();
            return write(c -> {
                if (accounts.exists(c, userId) || file.read().containsKey(userId)) {
                    throw new RuleViolationException("user-exists", "A user " + userId + " exists already");
                }
                accounts.insert(c, userId, name, organisation, now);
                accounts.setMunicipalities(c, userId, registered(c, municipalities));
                Map<String, UsersFile.Entry> users = file.read();
                users.put(userId, new UsersFile.Entry(hash, roles));
                file.write(users); // last: a failed write rolls the database back
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
            Map<String, UsersFile.Entry> users = file.read();
            UsersFile.Entry entry = users.get(existing(c, userId));
            if (entry == null) {
                throw new RuleViolationException("not-in-users-file",
                        userId + " is not in " + file.path() + " (its roles live in the directory, for example LDAP)");
            }
            // Open sessions carry the roles they logged in with: change those too, so it counts at once.
            sessions.setRolesOfUser(c, userId, SessionRoles.format(checked));
            touch(c, userId);
            users.put(userId, new UsersFile.Entry(entry.hash(), checked));
            file.write(users);
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
            accounts.setDisabled(c, userId, true, clock.instant());
            sessions.deleteOfUser(c, userId);
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
            String hash = UsersFile.CRYPT + Pbkdf2.hash(password, iterations) + UsersFile.CRYPT;
            write(c -> {
                Map<String, UsersFile.Entry> users = file.read();
                UsersFile.Entry entry = users.get(existing(c, userId));
                if (entry == null) {
                    throw new RuleViolationException("not-in-users-file", userId + " is not in " + file.path());
                }
                sessions.deleteOfUser(c, userId);
                touch(c, userId);
                users.put(userId, new UsersFile.Entry(hash, entry.roles()));
                file.write(users);
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
    public boolean hasAccounts() {
        return !file.read().isEmpty() || read(accounts::any);
    }

    // --- helpers

    private Account load(Connection c, String userId) throws SQLException {
        Map<String, UsersFile.Entry> users = file.read();
        UsersFile.Entry entry = users.get(userId);
        return accounts.find(c, userId)
                .map((StoredAccount a) -> new Account(userId, a.displayName(), entry == null ? Set.of() : entry.roles(),
                        a.municipalities(), a.organisation(), a.disabled(), a.createdAt()))
                .orElseThrow(() -> new NotFoundException("user " + userId));
    }

    private String existing(Connection c, String userId) throws SQLException {
        if (userId == null || !accounts.exists(c, userId)) {
            throw new NotFoundException("user " + userId);
        }
        return userId;
    }

    private void touch(Connection c, String userId) throws SQLException {
        accounts.touch(c, userId, clock.instant());
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
