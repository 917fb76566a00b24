package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.store.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform database: a HikariCP pool over the driver's {@link DataSourceFactory}, with the
 * schema migrated by Flyway before the service is registered. Because activation migrates first,
 * a registered {@link Database} always has the current schema.
 *
 * <p>The component registers its {@link Database} service itself, at the end of a successful
 * activation, rather than through the component runtime: a service the runtime registers is there
 * before activation (even for an immediate component), so after a failed migration every consumer's
 * attempt to get it activated the component again, ran the migration again and logged it again (19
 * times in 4 s at one start: decision 0025). Now a failed activation leaves no service, the consumers
 * wait unsatisfied, and the failure is reported once.
 */
@Component(service = {}, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = JdbcDatabaseConfig.class)
public class JdbcDatabase implements Database {

    private static final Logger LOG = Logger.getLogger(JdbcDatabase.class.getName());

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String product;
    private final String schemaVersion;
    /** Keeps an embedded H2 file near its live data (null for PostgreSQL and in-memory H2). */
    private final H2Housekeeping housekeeping;
    /** The threads an embedded H2 file is used on, which nobody can interrupt (null for other databases: decision 0052). */
    private final DatabaseThreads threads;
    /** The pool's gauges per metrics registry bound (decision 0023). */
    private final Map<MeterRegistry, List<Meter>> poolMeters = new ConcurrentHashMap<>();
    /** This component's own registration of the service (null in tests built without a framework). */
    private ServiceRegistration<Database> registration;

    /**
     * @param config            the typed configuration
     * @param dataSourceFactory the JDBC driver, selected by {@code dataSourceFactory.target}
     * @throws SQLException when the database cannot be reached or migrated; the component then stays
     *                      unregistered and health reports it
     */
    @Activate
    public JdbcDatabase(JdbcDatabaseConfig config, BundleContext context,
            @Reference(name = "dataSourceFactory") DataSourceFactory dataSourceFactory) throws SQLException {
        this(Settings.from(config), dataSourceFactory);
        // last: every field is set, the schema is current
        this.registration = context.registerService(Database.class, this, null);
    }

    JdbcDatabase(Settings settings, DataSourceFactory dataSourceFactory) throws SQLException {
        Properties props = new Properties();
        String url = interruptSafe(settings.url());
        if (!Objects.equals(url, settings.url())) {
            LOG.info("The embedded database file is opened through H2's retry: file system (decision 0051)");
        }
        props.setProperty(DataSourceFactory.JDBC_URL, withQueryCache(url));
        if (!settings.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        }
        if (!settings.password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        DataSource driverDataSource = dataSourceFactory.createDataSource(props);

        HikariDataSource[] holder = {openPool(settings, driverDataSource)};
        try {
            this.schemaVersion = new SchemaMigration(settings.url(), settings.locations(),
                    () -> openPoolUnchecked(settings, driverDataSource)).migrate(holder).version();
            try (Connection c = holder[0].getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                this.product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                this.dialect = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                        ? Dialect.POSTGRESQL : Dialect.H2;
            }
        } catch (SQLException | RuntimeException e) {
            holder[0].close();
            throw e;
        }
        HikariDataSource started = holder[0];
        this.pool = started;
        this.housekeeping = dialect == Dialect.H2 ? H2Housekeeping.startIfFileDatabase(started) : null;
        this.threads = dialect == Dialect.H2 && !SchemaMigration.h2File(url).isEmpty() ? new DatabaseThreads() : null;
        if (housekeeping != null && !url.regionMatches(true, 0, "jdbc:h2:retry:", 0, 14)
                && !url.regionMatches(true, 0, "jdbc:h2:async:", 0, 14)) {
            LOG.warning("The embedded database is opened through a file system an interrupted thread can close ("
                    + settings.url() + "): H2 then closes the database for the whole node. Use jdbc:h2:retry:");
        }
    }

    /**
     * Decision 0051: an embedded H2 file named as {@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH} is
     * opened as {@code jdbc:h2:retry:PATH}. Through a plain file channel one interrupted thread (a
     * scheduler stopped with {@code shutdownNow()}, a plugin call past its time box) closes the file, and
     * H2 closes the whole database for every request of the node. Installations upgraded with their
     * {@code etc/} kept the old URL. Other URLs (PostgreSQL, in-memory, a server, another H2 file system
     * named on purpose) are returned as they are.
     */
    static String interruptSafe(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8) || SchemaMigration.h2File(url).isEmpty()) {
            return url;
        }
        String rest = url.substring("jdbc:h2:".length());
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            return "jdbc:h2:retry:" + rest.substring(5);
        }
        // a bare path (/srv/db, ~/db, C:/db); a file system's name (retry:, async:, nioMapped:) stays
        return rest.matches("(?s)^[A-Za-z]{2,}:.*") ? url : "jdbc:h2:retry:" + rest;
    }

    /**
     * perfw (issue 13, decision 0043): how many parsed statements an H2 session keeps. H2's default is 8,
     * and one transaction of the hot path runs 20 to 40 different statements (opening a case: the case,
     * its members, its event, the variant of four extension points, the summary row's refresh), so every
     * statement was parsed and planned again each time: two thirds of the summary refresh's CPU was the
     * parsing of its one long INSERT ... SELECT. PostgreSQL's driver keeps its own per-connection cache.
     */
    static final int H2_QUERY_CACHE_SIZE = 256;

    /**
     * The URL with H2's per-session statement cache enlarged and H2's reuse of a query's last result off,
     * unless it says otherwise on either; other URLs as they are.
     *
     * <p>H2 answers a statement again from its last result when no table it reads was changed since, as
     * far as H2's per-table change counter knows. That counter moves when a transaction writes and again
     * after its commit, but a transaction that waited for a row lock of the committing one goes on before
     * the second move: it then reads the table as it was before that commit, although the lock it waited
     * for is now its own. Every "lock, then read what the lock protects" of the engine (the person's cases
     * under their lock: erasure, rectification, adding a member) read so the rows of a case opened at that
     * very moment as absent, one run in four in {@code RectificationTest}. With 256 parsed statements per
     * session, the same statement is nearly always there to be answered from its last result; the reuse
     * saves work only where the same query repeats unchanged, which the hot path does not rely on.
     */
    static String withQueryCache(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String settings = (upper.contains(";QUERY_CACHE_SIZE=") ? "" : ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE)
                + (upper.contains(";OPTIMIZE_REUSE_RESULTS=") ? "" : ";OPTIMIZE_REUSE_RESULTS=0");
        return url + settings;
    }

    private static HikariDataSource openPool(Settings settings, DataSource driverDataSource) throws SQLException {
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(driverDataSource);
        hikari.setPoolName("proeftuin");
        hikari.setMaximumPoolSize(settings.maxPoolSize());
        hikari.setConnectionTimeout(settings.connectionTimeoutMillis());
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            // Hikari reports an unreachable database as a RuntimeException; callers (and DS) get
            // the SQLException the contract promises.
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException("Cannot reach the database at " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /** For the migration, which reopens the pool of an embedded H2 file around its copy. */
    private static HikariDataSource openPoolUnchecked(Settings settings, DataSource driverDataSource) {
        try {
            return openPool(settings, driverDataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reopen the database at " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes the pool's use (active, idle, pending, total, max connections) to the node's metrics.
     * Optional and dynamic: the database never waits for metrics; greedy so a registry that comes
     * later is still picked up.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMeterRegistry(MeterRegistry registry) {
        poolMeters.put(registry, PoolMeters.register(registry, pool));
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        List<Meter> meters = poolMeters.remove(registry);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    @Deactivate
    void close() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first: the framework has unregistered it
            }
        }
        if (housekeeping != null) {
            try {
                confined(() -> {
                    housekeeping.close(); // its compaction commits, so not on a thread anyone can interrupt
                    return null;
                });
            } catch (SQLException e) {
                LOG.log(Level.FINE, "The closing compaction of the embedded database did not run", e);
            }
        }
        if (threads != null) {
            threads.close();
        }
        pool.close();
    }

    /** Decision 0052: on an embedded H2 file, database work runs where no interrupt can reach it. */
    private <T> T confined(DatabaseThreads.Work<T> work) throws SQLException {
        return threads == null ? work.run() : threads.call(work);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        // PostgreSQL and in-memory H2 call straight through: no wrapper made per transaction on their hot path
        return threads == null ? transactionThenHousekeeping(work) : threads.call(() -> transactionThenHousekeeping(work));
    }

    private <T> T transactionThenHousekeeping(SqlWork<T> work) throws SQLException {
        T result = transaction(work);
        if (housekeeping != null) {
            housekeeping.afterCommit(); // after the connection went back to the pool
        }
        return result;
    }

    private <T> T transaction(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                CaseSummaries.flush(c); // cohorts (V26): the summary rows of the cases this transaction changed
                c.commit();
                restoreAutoCommit(c, null);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                CaseSummaries.forget(c);
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                restoreAutoCommit(c, e);
                throw e;
            }
        }
    }

    /**
     * Auto-commit back on, for the pool. On a connection the database broke (PostgreSQL stopped or
     * restarted) this fails with Hikari's plain "Connection is closed", which must not hide why the
     * work failed (that SQLState is what makes the API answer 503, not 500), nor undo a commit that
     * happened: it is kept as suppressed, and Hikari evicts the connection.
     */
    private static void restoreAutoCommit(Connection c, Throwable failure) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException broken) {
            if (failure != null) {
                failure.addSuppressed(broken);
            }
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        // On the caller's thread, also on an embedded H2 file (decision 0052): a read never commits, and an
        // interrupt in a read fails that read alone (the file channel is reopened: decision 0051). A
        // request reads three to four times; handing each read to another thread cost the case read a
        // quarter of its rate.
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.apply(c);
                CaseSummaries.flush(c); // cohorts (V26): a write with auto-commit refreshes its cases' rows too
                return result;
            } finally {
                CaseSummaries.forget(c);
            }
        }
    }

    @Override
    public DatabaseHealth check() {
        long start = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            boolean valid = c.isValid(2);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new DatabaseHealth(valid, product, schemaVersion, millis, valid ? null : "connection not valid");
        } catch (SQLException | RuntimeException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new DatabaseHealth(false, product, schemaVersion, millis, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** The configuration as plain values, so tests can build one without a framework. */
    record Settings(String url, String user, String password, int maxPoolSize, long connectionTimeoutMillis,
            List<String> locations) {
        Settings(String url, String user, String password, int maxPoolSize, long connectionTimeoutMillis) {
            this(url, user, password, maxPoolSize, connectionTimeoutMillis, List.of(SchemaMigration.DEFAULT_LOCATION));
        }

        static Settings from(JdbcDatabaseConfig c) {
            return new Settings(c.url(), c.user(), c._password(), c.maxPoolSize(), c.connectionTimeoutMillis());
        }
    }
}
