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
import java.util.TreeSet;

import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.AuthenticationException.Reason;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.Session;
import nl.proeftuin.core.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Login through the JAAS realm; sessions in the database, keyed by the SHA-256 of a 256-bit random
 * token (a stolen database yields no usable token). Every request reads the session, the account and
 * its scope from the database: a logout, a disabled account or a changed role counts at once on every
 * node.
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
    /** The idle clock is moved forward at most this often per session (one write, not one per request). */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(5);
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
    private final PasswordCheck realm;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    @Activate
    public DatabaseSessions(DatabaseSessionsConfig config, @Reference Database database) {
        this(database, new JaasPasswordCheck(config.realmName()), Settings.from(config), Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()));
    }

    DatabaseSessions(Database database, PasswordCheck realm, Settings settings, Clock clock, Sleeper sleeper) {
        this.database = database;
        this.realm = realm;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Session login(String username, char[] password, String clientAddress) {
        long started = System.nanoTime();
        try {
            String user = username == null ? "" : username.strip();
            String lower = user.toLowerCase(Locale.ROOT);
            String address = clientAddress == null ? "" : clientAddress.strip();
            Keys keys = new Keys(sha256(lower), sha256("address\n" + address), sha256("client\n" + lower + "\n" + address));
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
     * The throttle rows of one attempt (SHA-256, never the name or address itself): the user name, the
     * client address, and the pair of both (the client).
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
        boolean known = Sql.exists(c, "SELECT 1 FROM login_known_client WHERE client_key = ? AND last_success_at > ?",
                keys.client(), now.minus(settings.knownClientFor()));
        Map<String, Integer> free = new TreeMap<>(); // sorted: rows are locked in one order, no deadlock
        free.put(keys.client(), settings.maxFailures());
        if (!known) {
            free.merge(keys.user(), settings.maxFailures(), Math::min);
            free.merge(keys.address(), settings.maxFailuresPerAddress(), Math::min);
        }
        Duration wait = Duration.ZERO;
        Map<String, Integer> failures = new TreeMap<>();
        for (Map.Entry<String, Integer> key : free.entrySet()) {
            Sql.update(c, "INSERT INTO login_throttle (username_key, failures, last_failure_at, locked_until)"
                    + " VALUES (?, 0, ?, NULL) ON CONFLICT DO NOTHING", key.getKey(), now);
            Object[] row = Sql.one(c, "SELECT failures, last_failure_at FROM login_throttle WHERE username_key = ? FOR UPDATE",
                    rs -> new Object[] {rs.getInt(1), Sql.instant(rs, "last_failure_at")}, key.getKey()).orElseThrow();
            Instant last = (Instant) row[1];
            int count = last.isAfter(now.minus(FORGET_FAILURES_AFTER)) ? (Integer) row[0] : 0;
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
            Sql.update(c, "UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = NULL WHERE username_key = ?",
                    key.getValue() + 1, now, key.getKey());
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
    private Optional<Session> open(Connection c, String user, Set<String> roleNames, String clientAddress, Keys keys,
            Reservation reservation) throws SQLException {
        Instant now = clock.instant();
        Optional<Boolean> disabled = Sql.one(c, "SELECT disabled FROM user_account WHERE user_id = ?",
                rs -> rs.getBoolean(1), user);
        if (disabled.orElse(false)) {
            return Optional.empty();
        }
        if (disabled.isEmpty()) {
            // A user of a directory realm (LDAP) logging in for the first time: an account without
            // scope or organisation, which user administration can then complete.
            Sql.update(c, "INSERT INTO user_account (user_id, display_name, organisation, disabled, created_at, changed_at)"
                    + " VALUES (?, ?, NULL, FALSE, ?, ?)", user, user, now, now);
        }
        // The right password: this user's and this client's failures are forgotten, the address gets
        // its reserved attempt back, and the client is known from now on.
        Sql.update(c, "DELETE FROM login_throttle WHERE username_key IN (?, ?) OR last_failure_at <= ?", keys.user(),
                keys.client(), now.minus(FORGET_FAILURES_AFTER));
        if (reservation.counted().contains(keys.address())) {
            Sql.update(c, "UPDATE login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END"
                    + " WHERE username_key = ?", keys.address());
        }
        if (Sql.update(c, "UPDATE login_known_client SET last_success_at = ? WHERE client_key = ?", now, keys.client()) == 0) {
            Sql.update(c, "INSERT INTO login_known_client (client_key, last_success_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    keys.client(), now);
        }
        Sql.update(c, "DELETE FROM login_known_client WHERE last_success_at <= ?", now.minus(settings.knownClientFor()));
        // Ended sessions of everyone go at each login: the table holds live sessions only.
        Sql.update(c, "DELETE FROM user_session WHERE expires_at <= ? OR last_seen_at <= ?", now,
                now.minus(settings.idleTimeout()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(name -> UsersFile.role(name).ifPresent(roles::add));
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expires = now.plus(settings.absoluteLifetime());
        Sql.update(c, "INSERT INTO user_session (token_hash, user_id, roles, created_at, last_seen_at, expires_at, client_address)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", sha256(token), user, SessionRoles.format(roles), now, now, expires,
                clientAddress == null ? null : clientAddress.substring(0, Math.min(100, clientAddress.length())));
        return Optional.of(new Session(token, expires, settings.idleTimeout(), principal(c, user, roles)));
    }

    @Override
    public Principal authenticate(String token) {
        if (token == null || token.length() != 43) {
            throw new AuthenticationException(Reason.INVALID_TOKEN, "Unknown or ended session", null);
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        record Row(String userId, String roles, Instant lastSeen, Instant expires) {
        }
        Principal principal = write(c -> {
            Optional<Row> row = Sql.one(c, "SELECT s.user_id, s.roles, s.last_seen_at, s.expires_at FROM user_session s"
                    + " JOIN user_account a ON a.user_id = s.user_id WHERE s.token_hash = ? AND a.disabled = FALSE",
                    rs -> new Row(rs.getString(1), rs.getString(2), Sql.instant(rs, "last_seen_at"),
                            Sql.instant(rs, "expires_at")), hash);
            if (row.isEmpty()) {
                return null;
            }
            Row r = row.get();
            if (!now.isBefore(r.expires()) || !now.isBefore(r.lastSeen().plus(settings.idleTimeout()))) {
                Sql.update(c, "DELETE FROM user_session WHERE token_hash = ?", hash);
                return EXPIRED;
            }
            if (Duration.between(r.lastSeen(), now).compareTo(TOUCH_INTERVAL) >= 0) {
                Sql.update(c, "UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?", now, hash);
            }
            return principal(c, r.userId(), SessionRoles.parse(r.roles()));
        });
        if (principal == null) {
            throw new AuthenticationException(Reason.INVALID_TOKEN, "Unknown or ended session", null);
        }
        if (principal == EXPIRED) {
            throw new AuthenticationException(Reason.EXPIRED, "The session has expired; log in again", null);
        }
        return principal;
    }

    @Override
    public void logout(String token) {
        if (token != null) {
            write(c -> Sql.update(c, "DELETE FROM user_session WHERE token_hash = ?", sha256(token)));
        }
    }

    private static Principal principal(Connection c, String userId, Set<Role> roles) throws SQLException {
        Set<String> municipalities = new TreeSet<>(Sql.list(c,
                "SELECT municipality FROM user_municipality WHERE user_id = ?", rs -> rs.getString(1), userId));
        return Sql.one(c, "SELECT display_name, organisation FROM user_account WHERE user_id = ?",
                rs -> new Principal(userId, rs.getString(1), roles, municipalities, rs.getString(2)), userId)
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

    private <T> T write(Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new IllegalStateException("session store failed", e);
        }
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("session store failed", e);
        }
    }
}
