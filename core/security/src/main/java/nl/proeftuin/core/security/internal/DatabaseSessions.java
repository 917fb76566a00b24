package nl.proeftuin.core.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.AuthenticationException.Reason;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.Session;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.accounts.AccountStore;
import nl.proeftuin.core.store.sessions.LoginThrottleStore;
import nl.proeftuin.core.store.sessions.SessionStore;
import nl.proeftuin.core.store.sessions.StoredSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Login through the JAAS realm; sessions in the database, keyed by the SHA-256 of a 256-bit random
 * token (a stolen database yields no usable token). Every request reads the sessions' revision from
 * the database (decision 0035): a logout, a disabled account, a new password or a changed role or
 * scope moves it in the same transaction, so it counts at once on every node; while it stands still a
 * session, its account and its scope are served from a bounded cache, and the database is read (and
 * the last-seen moment written) at most once a minute per session.
 *
 * <p>Login throttling (docs/decisions/0012-login-throttling.md): every attempt is counted as a failure
 * before its password is checked, per client (user name and address), per user name and per address
 * (hashed, also for names that do not exist); past a few free failures the next attempt waits, one
 * second doubling up to a longest delay. A client that logged in as the user before only answers to
 * its own count, so failures elsewhere cannot lock the user out; the right password forgets the
 * user's and the client's failures.
 */
@Component(service = Authenticator.class)
@Designate(ocd = DatabaseSessionsConfig.class)
public class DatabaseSessions implements Authenticator {
    static final int TOKEN_BYTES = 32;
    static final int MAX_USERNAME = 200;
    /**
     * The idle clock is moved forward at most this often per session (one write a minute, not one per
     * request; perf, decision 0035): a session ends between {@code idleTimeout - TOUCH_INTERVAL} and
     * {@code idleTimeout} after its last request. A quarter of the idle timeout when that is shorter.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** At most this many sessions are held in memory per node (perf, decision 0035). */
    static final int CACHE_SIZE = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared by identity only: what the transaction returns for a session it found expired (and ended). */
    private static final Principal EXPIRED = new Principal("", "", Set.of(), Set.of(), null);

    /** The timing knobs, separate from OSGi for tests. */
    record Settings(Duration idleTimeout, Duration absoluteLifetime, int maxFailures, int maxFailuresPerAddress,
            Duration longestDelay, Duration knownClientFor, Duration failureDelay) {
        static Settings from(DatabaseSessionsConfig c) {
            return new Settings(Duration.ofMinutes(c.idleTimeoutMinutes()), Duration.ofHours(c.absoluteLifetimeHours()),
                    c.maxFailures(), c.maxFailuresPerAddress(), Duration.ofMinutes(c.lockoutMinutes()),
                    Duration.ofDays(c.knownClientDays()), Duration.ofMillis(c.failureDelayMillis()));
        }
    }

    /** Failures older than this are forgotten (a throttle starts again from nothing). */
    static final Duration FORGET_FAILURES_AFTER = Duration.ofHours(24);

    /** Waits; tests pass one that does not. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Database database;
    private final SessionStore sessions;
    private final LoginThrottleStore throttles;
    private final AccountStore accounts;
    private final PasswordCheck realm;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    /**
     * perf (decision 0035): token hash to the session as last read from the database, with the
     * {@link SessionStore#revision} it was read at. Served only while the database's revision is still
     * that one (read on every request: one indexed row, no write, no transaction), the session has not
     * expired and its last-seen moment is less than {@link #touchInterval} old; otherwise the database
     * decides, as before, and the entry is replaced.
     */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** The last revision a request saw; a newer one empties the cache. */
    private volatile long seenRevision = Long.MIN_VALUE;
    private final Duration touchInterval;

    /** A session as the database had it at {@code revision}. */
    private record Cached(long revision, Principal principal, Instant lastSeenAt, Instant expiresAt) {
    }

    @Activate
    public DatabaseSessions(DatabaseSessionsConfig config, @Reference Database database,
            @Reference SessionStore sessions, @Reference LoginThrottleStore throttles, @Reference AccountStore accounts) {
        this(database, sessions, throttles, accounts, new JaasPasswordCheck(config.realmName()), Settings.from(config),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    DatabaseSessions(Database database, SessionStore sessions, LoginThrottleStore throttles, AccountStore accounts,
            PasswordCheck realm, Settings settings, Clock clock, Sleeper sleeper) {
        this.database = database;
        this.sessions = sessions;
        this.throttles = throttles;
        this.accounts = accounts;
        this.realm = realm;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        Duration quarter = settings.idleTimeout().dividedBy(4);
        this.touchInterval = quarter.compareTo(TOUCH_INTERVAL) < 0 ? quarter : TOUCH_INTERVAL;
    }

    @Override
    public Session login(String username, char[] password, String clientAddress) {
        long started = System.nanoTime();
        try {
            // One form of the name for everything below (the realm, the account, the throttle): user ids are
            // lower case (AccountRealm.USER_ID), and a directory (LDAP) ignores case, so "Alice" is alice,
            // never a new account beside a disabled one.
            String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            if (user.chars().anyMatch(Character::isISOControl)) {
                // NUL and the like: no user has them and PostgreSQL refuses NUL in a parameter (a 500, and no
                // failed login logged). The same answer as a wrong password, before any SQL.
                pad(started);
                throw new AuthenticationException(Reason.INVALID_CREDENTIALS, "Unknown user or wrong password", null);
            }
            String address = throttleAddress(clientAddress);
            Keys keys = new Keys(sha256(user), sha256("address\n" + address), sha256("client\n" + user + "\n" + address));
            // The attempt is counted as a failure BEFORE the password is checked, atomically with the
            // decision to check it: a burst of guesses fired together cannot all be checked.
            Reservation reservation = write(c -> reserve(c, keys));
            if (reservation.retryAfter() != null) {
                throw throttled(reservation.retryAfter());
            }
            Set<String> roleNames = user.isEmpty() || user.length() > MAX_USERNAME || password == null
                    || password.length == 0 ? null : realm.check(user, password);
            if (roleNames != null) {
                Optional<Session> session = write(c -> open(c, user, roleNames, clientAddress, keys, reservation));
                if (session.isPresent()) {
                    return session.get();
                }
            }
            pad(started);
            throw new AuthenticationException(Reason.INVALID_CREDENTIALS, "Unknown user or wrong password", null);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * The address as the throttle counts it: an IPv4 address whole; an IPv6 address by its /64 prefix, the
     * least a single subscriber is given (who could otherwise send each guess from another address of it); an
     * IPv4-mapped IPv6 address as its IPv4 address. Anything else (no address, or not a literal address) as
     * given. Never a name lookup.
     */
    static String throttleAddress(String clientAddress) {
        String address = clientAddress == null ? "" : clientAddress.strip();
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return ipv4(address);
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // hex digits, colons and dots with a colon among them: InetAddress parses it as a literal, never asks DNS
        if (literal.indexOf(':') < 0 || !literal.matches("[0-9A-Fa-f:.]{2,45}")) {
            return address;
        }
        byte[] bytes;
        try {
            bytes = java.net.InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
        if (bytes.length == 4) { // ::ffff:a.b.c.d, which InetAddress gives as the IPv4 address
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return "ipv6 " + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    /** {@code 010.0.0.1} and {@code 10.0.0.1} alike; not an address (a part above 255): as given. */
    private static String ipv4(String address) {
        String[] parts = address.split("\\.");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            int value = Integer.parseInt(part);
            if (value > 255) {
                return address;
            }
            out.append(out.length() == 0 ? "" : ".").append(value);
        }
        return out.toString();
    }

    /**
     * The throttle rows of one attempt (SHA-256, never the name or address itself): the user name, the
     * client address ({@link #throttleAddress}), and the pair of both (the client).
     */
    record Keys(String user, String address, String client) {
    }

    /** The outcome of a reservation: the keys it counted, or how long to wait (nothing counted). */
    record Reservation(List<String> counted, Duration retryAfter) {
    }

    /**
     * Decides whether this attempt may be checked and, if so, counts it as a failure on every throttle
     * that applies, in one transaction holding the rows' locks (so concurrent attempts see each
     * other's counts). A client (user name and address) that logged in as this user before is known:
     * only its own client throttle applies, so nobody elsewhere can lock the user out by failing on
     * their name or from their own address. Any other attempt also counts against the user name and
     * the address (which stops one address trying many names).
     */
    private Reservation reserve(Connection c, Keys keys) throws SQLException {
        // whole milliseconds: the database may round a finer instant up, and a row just written would
        // then seem to lie in the future
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean known = throttles.knownClient(c, keys.client(), now.minus(settings.knownClientFor()));
        Map<String, Integer> free = new TreeMap<>(); // sorted: rows are locked in one order, no deadlock
        free.put(keys.client(), settings.maxFailures());
        if (!known) {
            free.merge(keys.user(), settings.maxFailures(), Math::min);
            free.merge(keys.address(), settings.maxFailuresPerAddress(), Math::min);
        }
        Duration wait = Duration.ZERO;
        Map<String, Integer> failures = new TreeMap<>();
        for (Map.Entry<String, Integer> key : free.entrySet()) {
            LoginThrottleStore.Throttle row = throttles.lock(c, key.getKey(), now);
            Instant last = row.lastFailureAt();
            int count = last.isAfter(now.minus(FORGET_FAILURES_AFTER)) ? row.failures() : 0;
            failures.put(key.getKey(), count);
            Duration delay = delay(count, key.getValue());
            Duration left = delay.isZero() ? Duration.ZERO : Duration.between(now, last.plus(delay));
            if (left.compareTo(wait) > 0) {
                wait = left;
            }
        }
        if (!wait.isZero()) {
            return new Reservation(List.of(), wait);
        }
        for (Map.Entry<String, Integer> key : failures.entrySet()) {
            throttles.setFailures(c, key.getKey(), key.getValue() + 1, now);
        }
        return new Reservation(List.copyOf(failures.keySet()), null);
    }

    /**
     * How long after the last failure the next attempt waits: nothing for the first {@code free}
     * failures, then one second, doubling with every further failure up to the configured longest delay.
     */
    Duration delay(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(settings.longestDelay()) > 0 ? settings.longestDelay() : delay;
    }

    /** @return the session, or empty when the account is disabled (told as a failure like any other) */
    private Optional<Session> open(Connection c, String login, Set<String> roleNames, String clientAddress, Keys keys,
            Reservation reservation) throws SQLException {
        Instant now = clock.instant();
        String user = login;
        Optional<Boolean> disabled = accounts.disabled(c, user);
        if (disabled.isEmpty()) {
            // Before names were lower-cased here, a directory's first login kept the letters as typed: such an
            // account ("Alice") is this user's, and one of them disabled refuses the login.
            List<String> earlier = accounts.ids(c).stream().filter(id -> id.toLowerCase(Locale.ROOT).equals(login))
                    .toList();
            for (String id : earlier) {
                if (accounts.disabled(c, id).orElse(false)) {
                    return Optional.empty();
                }
            }
            if (!earlier.isEmpty()) {
                user = earlier.get(0);
                disabled = Optional.of(false);
            }
        }
        if (disabled.orElse(false)) {
            return Optional.empty();
        }
        if (disabled.isEmpty()) {
            // A user of a directory realm (LDAP) logging in for the first time: an account without
            // scope or organisation, which user administration can then complete.
            accounts.insert(c, user, user, null, now);
        }
        // The right password: this user's and this client's failures are forgotten, the address gets
        // its reserved attempt back, and the client is known from now on.
        throttles.forget(c, keys.user(), keys.client(), now.minus(FORGET_FAILURES_AFTER));
        if (reservation.counted().contains(keys.address())) {
            throttles.giveBack(c, keys.address());
        }
        throttles.clientSucceeded(c, keys.client(), now);
        throttles.forgetClients(c, now.minus(settings.knownClientFor()));
        // Ended sessions of everyone go at each login: the table holds live sessions only. Without moving
        // the sessions' revision (decision 0043): no node serves an ended session from memory. Expired ones go a
        // minute late (touchInterval), so even a node whose clock lags by up to that refuses a session itself
        // before its row goes.
        sessions.deleteEnded(c, now.minus(touchInterval), now.minus(settings.idleTimeout()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(name -> UsersFile.role(name).ifPresent(roles::add));
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expires = now.plus(settings.absoluteLifetime());
        sessions.insert(c, new StoredSession(sha256(token), user, SessionRoles.format(roles), now, now, expires,
                storedAddress(clientAddress)));
        return Optional.of(new Session(token, expires, settings.idleTimeout(), principal(c, user, roles)));
    }

    /** The client's address as the session row keeps it: at most 100 characters, none a control character. */
    private static String storedAddress(String clientAddress) {
        if (clientAddress == null) {
            return null;
        }
        String clean = clientAddress.replaceAll("\\p{Cntrl}", "");
        return clean.substring(0, Math.min(100, clean.length()));
    }

    @Override
    public Principal authenticate(String token) {
        if (token == null || token.length() != 43) {
            throw new AuthenticationException(Reason.INVALID_TOKEN, "Unknown or ended session", null);
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        long revision = read(sessions::revision);
        if (revision != seenRevision) {
            cache.clear(); // something ended or changed a session or an account somewhere: read afresh
            seenRevision = revision;
        }
        Cached hit = cache.get(hash);
        if (hit != null && hit.revision() == revision && now.isBefore(hit.expiresAt())
                && !now.isBefore(hit.lastSeenAt()) && Duration.between(hit.lastSeenAt(), now).compareTo(touchInterval) < 0) {
            return hit.principal();
        }
        Object found = write(c -> {
            // the revision first: what is read after it is at least as new, so the entry is never newer-labelled
            long current = sessions.revision(c);
            Optional<StoredSession> row = sessions.ofEnabledAccount(c, hash);
            if (row.isEmpty()) {
                return null;
            }
            StoredSession r = row.get();
            if (!now.isBefore(r.expiresAt()) || !now.isBefore(r.lastSeenAt().plus(settings.idleTimeout()))) {
                sessions.delete(c, hash);
                return EXPIRED;
            }
            Instant lastSeen = r.lastSeenAt();
            if (Duration.between(lastSeen, now).compareTo(touchInterval) >= 0) {
                sessions.touch(c, hash, now);
                lastSeen = now;
            }
            return new Cached(current, principal(c, r.userId(), SessionRoles.parse(r.roles())), lastSeen, r.expiresAt());
        });
        Principal principal = found instanceof Cached fresh ? fresh.principal() : (Principal) found;
        if (found instanceof Cached fresh) {
            remember(hash, fresh, now);
        } else {
            cache.remove(hash);
        }
        if (principal == null) {
            throw new AuthenticationException(Reason.INVALID_TOKEN, "Unknown or ended session", null);
        }
        if (principal == EXPIRED) {
            throw new AuthenticationException(Reason.EXPIRED, "The session has expired; log in again", null);
        }
        return principal;
    }

    /** Keeps a session read from the database; a full cache first drops what would be read again anyway. */
    private void remember(String hash, Cached fresh, Instant now) {
        if (cache.size() >= CACHE_SIZE) {
            cache.values().removeIf(e -> Duration.between(e.lastSeenAt(), now).compareTo(touchInterval) >= 0
                    || !now.isBefore(e.expiresAt()));
            if (cache.size() >= CACHE_SIZE) {
                cache.clear();
            }
        }
        cache.put(hash, fresh);
    }

    /** How many sessions this node holds in memory (tests). */
    int cached() {
        return cache.size();
    }

    @Override
    public void logout(String token) {
        if (token != null) {
            cache.remove(sha256(token));
            write(c -> {
                sessions.delete(c, sha256(token));
                return null;
            });
        }
    }

    private Principal principal(Connection c, String userId, Set<Role> roles) throws SQLException {
        return accounts.find(c, userId)
                .map(a -> new Principal(userId, a.displayName(), roles, a.municipalities(), a.organisation()))
                .orElseThrow(() -> new AuthenticationException(Reason.INVALID_TOKEN, "Unknown or ended session", null));
    }

    private static AuthenticationException throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new AuthenticationException(Reason.LOCKED, "Too many failed logins; try again in " + seconds + " s",
                Duration.ofSeconds(seconds));
    }

    /** A failure answers no sooner than the configured delay, known user or not. */
    private void pad(long startedNanos) {
        Duration left = settings.failureDelay().minusNanos(System.nanoTime() - startedNanos);
        if (!left.isNegative() && !left.isZero()) {
            try {
                sleeper.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** How often a write the database rolled back to break a deadlock is tried in all. */
    static final int WRITE_ATTEMPTS = 3;

    /**
     * One transaction; run again when the database rolled it back whole to break a deadlock or a
     * serialisation conflict (SQLState class 40). A burst of logins for one user can deadlock on H2: a
     * successful login's clean-up deletes throttle rows in the table's order while other attempts hold
     * them in theirs, and the victim's login failed with a 500 ({@code DatabaseSessionsTest}'s burst saw
     * it in CI). Every write here is database work only, so running it again is safe.
     */
    private <T> T write(Database.SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return database.inTransaction(work);
            } catch (SQLException e) {
                if (attempt >= WRITE_ATTEMPTS || !rolledBack(e)) {
                    throw new IllegalStateException("session store failed", e);
                }
            }
        }
    }

    /** Whether the database rolled the transaction back whole (a deadlock victim, a serialisation failure). */
    static boolean rolledBack(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransactionRollbackException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("session store failed", e);
        }
    }
}
