package nl.proeftuin.core.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.UserAdministration;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.accounts.AccountStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the accounts that {@code bin/proeftuin-admin create-administrator} ({@link AdministratorTool})
 * created while the platform was stopped: their password and roles wait in the users file, which
 * {@link AccountRealm} moves into the database first; their display name and municipalities wait in
 * {@link #FILE}. At start
 * each waiting account is created in the database if its first login has not done so, given its
 * municipalities through user administration (checked against the region's register, {@code *} for
 * all), recorded in the access log as a permission change by {@code proeftuin-admin}, and removed from
 * the file. The file is also looked at every {@value #WATCH_SECONDS} seconds while the platform runs,
 * so the command works on a running node too. An entry that cannot be applied yet (a municipality name
 * while the register is still empty) stays for the next try, with a warning in the log.
 *
 * <p>Whoever can write this file can write the users file next to it: it gives nobody more than etc/
 * access gives already.
 */
@Component(immediate = true)
public class PendingAccounts {
    static final String FILE = "proeftuin-pending-accounts.properties";
    static final String ACTOR = "proeftuin-admin";
    static final long WATCH_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PendingAccounts.class);

    /**
     * One waiting account.
     *
     * @param overwrite whether its users-file entry may give an existing account a new password
     *                  ({@code create-administrator --overwrite})
     */
    record Pending(String userId, String name, Set<String> municipalities, boolean overwrite) {
    }

    private final File file;
    private final UserAdministration users;
    private final UsersInbox inbox;
    private final AccountStore accounts;
    private final Database database;
    private final AccessLog log;
    private final Clock clock;
    /** Looks for a file written while the platform runs; null in tests. */
    private final ScheduledExecutorService watch;
    private volatile FileTime seen;

    @Activate
    public PendingAccounts(@Reference UserAdministration users, @Reference UsersInbox inbox,
            @Reference AccountStore accounts, @Reference Database database, @Reference AccessLog log) {
        this(new File(Path.of(System.getProperty("karaf.etc", "etc"), FILE)), users, inbox, accounts, database, log,
                Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "proeftuin-pending-accounts");
                    t.setDaemon(true);
                    return t;
                }));
    }

    PendingAccounts(File file, UserAdministration users, UsersInbox inbox, AccountStore accounts, Database database,
            AccessLog log, Clock clock, ScheduledExecutorService watch) {
        this.file = file;
        this.users = users;
        this.inbox = inbox;
        this.accounts = accounts;
        this.database = database;
        this.log = log;
        this.clock = clock;
        this.watch = watch;
        apply();
        if (watch != null) {
            // bin/proeftuin-admin on a running node: the account is completed within seconds, not at the next start
            watch.scheduleWithFixedDelay(this::applyWhenChanged, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void stop() {
        if (watch != null) {
            watch.shutdownNow();
        }
    }

    void applyWhenChanged() {
        try {
            FileTime now = file.modified();
            if (now != null && !now.equals(seen)) {
                apply();
            }
        } catch (RuntimeException e) {
            LOG.warn("etc/{} could not be applied: {}", FILE, e.toString());
        }
    }

    /** Completes every waiting account it can; the rest stay for the next try. */
    synchronized void apply() {
        seen = file.modified();
        inbox.importUsersFileWhenChanged(); // the password and roles first: the entry may say --overwrite
        Map<String, Pending> waiting;
        try {
            waiting = file.read();
        } catch (RuntimeException e) {
            // never keeps the platform from starting: the accounts can be completed by hand as well
            LOG.error("etc/{} cannot be read; its accounts are not completed", FILE, e);
            return;
        }
        for (Pending p : waiting.values()) {
            try {
                database.inTransaction(c -> {
                    if (!accounts.exists(c, p.userId())) {
                        accounts.insert(c, p.userId(), p.name(), null, clock.instant());
                    }
                    return null;
                });
                Account account = users.setMunicipalities(p.userId(), p.municipalities());
                log.append(new AccessEvent(AccessAction.PERMISSION_CHANGE, AccessEvent.SUCCESS, ACTOR, ACTOR, "shell",
                        null, null, List.of(), null, "account", p.userId(), null,
                        "bin/proeftuin-admin create-administrator " + p.userId() + " --municipalities "
                                + String.join(",", p.municipalities()) + " (applied from etc/" + FILE + ")"));
                file.remove(p.userId());
                LOG.info("Account {} completed from etc/{}: roles {}, municipalities {}", p.userId(), FILE,
                        account.roles(), account.municipalities());
            } catch (InvalidInputException | RuleViolationException e) {
                LOG.warn("Account {} in etc/{} not completed yet, kept for the next start: {}", p.userId(), FILE,
                        e.getMessage());
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.error("Account {} in etc/{} could not be completed", p.userId(), FILE, e);
            }
        }
        seen = file.modified();
    }

    /**
     * The file: {@code USER/name = NAME} and {@code USER/municipalities = *} (or names, comma-separated);
     * a slash never occurs in a user id. Written whole (0600) and moved into place.
     */
    static final class File {
        private final Path path;

        File(Path path) {
            this.path = path;
        }

        /** @return when the file was last written, or null when there is none */
        FileTime modified() {
            try {
                return Files.exists(path) ? Files.getLastModifiedTime(path) : null;
            } catch (IOException e) {
                return null;
            }
        }

        synchronized Map<String, Pending> read() {
            Map<String, Pending> out = new TreeMap<>();
            if (!Files.exists(path)) {
                return out;
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(path)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
            for (String key : p.stringPropertyNames()) {
                int slash = key.indexOf('/');
                if (slash > 0) {
                    String user = key.substring(0, slash);
                    out.computeIfAbsent(user, u -> new Pending(u, p.getProperty(u + "/name", u).strip(),
                            scope(p.getProperty(u + "/municipalities", "")),
                            Boolean.parseBoolean(p.getProperty(u + "/overwrite", "false"))));
                }
            }
            return out;
        }

        synchronized void put(String userId, String name, Set<String> municipalities, boolean overwrite) {
            Map<String, Pending> all = read();
            all.put(userId, new Pending(userId, name, municipalities, overwrite));
            write(all);
        }

        synchronized void remove(String userId) {
            Map<String, Pending> all = read();
            if (all.remove(userId) != null) {
                if (all.isEmpty()) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete " + path, e);
                    }
                } else {
                    write(all);
                }
            }
        }

        private static Set<String> scope(String value) {
            Set<String> out = new LinkedHashSet<>();
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
            return out;
        }

        private void write(Map<String, Pending> all) {
            try {
                Path dir = path.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".proeftuin-pending", ".tmp");
                if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(tmp, UsersFile.OWNER_ONLY);
                }
                Properties p = new Properties();
                for (Pending one : all.values()) {
                    p.setProperty(one.userId() + "/name", one.name());
                    p.setProperty(one.userId() + "/municipalities", String.join(",", one.municipalities()));
                    if (one.overwrite()) {
                        p.setProperty(one.userId() + "/overwrite", "true");
                    }
                }
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(out, " Written by bin/proeftuin-admin: accounts the platform completes at its next start"
                            + " (display name, municipalities), then removes from this file");
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
        }
    }
}
