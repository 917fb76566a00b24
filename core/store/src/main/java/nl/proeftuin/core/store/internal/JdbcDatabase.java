package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.store.Database;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform database: a HikariCP pool over the driver's {@link DataSourceFactory}, with the
 * schema migrated by Flyway before the service is registered. Because activation migrates first,
 * a registered {@link Database} always has the current schema.
 */
@Component(service = Database.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = JdbcDatabaseConfig.class)
public class JdbcDatabase implements Database {

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String product;
    private final String schemaVersion;
    /** Keeps an embedded H2 file near its live data (null for PostgreSQL and in-memory H2). */
    private final H2Housekeeping housekeeping;

    /**
     * @param config            the typed configuration
     * @param dataSourceFactory the JDBC driver, selected by {@code dataSourceFactory.target}
     * @throws SQLException when the database cannot be reached or migrated; the component then stays
     *                      unregistered and health reports it
     */
    @Activate
    public JdbcDatabase(JdbcDatabaseConfig config, @Reference(name = "dataSourceFactory") DataSourceFactory dataSourceFactory)
            throws SQLException {
        this(Settings.from(config), dataSourceFactory);
    }

    JdbcDatabase(Settings settings, DataSourceFactory dataSourceFactory) throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, settings.url());
        if (!settings.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        }
        if (!settings.password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        DataSource driverDataSource = dataSourceFactory.createDataSource(props);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(driverDataSource);
        hikari.setPoolName("proeftuin");
        hikari.setMaximumPoolSize(settings.maxPoolSize());
        hikari.setConnectionTimeout(settings.connectionTimeoutMillis());
        HikariDataSource started;
        try {
            started = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            // Hikari reports an unreachable database as a RuntimeException; callers (and DS) get
            // the SQLException the contract promises.
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException("Cannot reach the database at " + settings.url() + ": " + e.getMessage(), e);
        }
        try {
            this.schemaVersion = migrate(started);
            try (Connection c = started.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                this.product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                this.dialect = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                        ? Dialect.POSTGRESQL : Dialect.H2;
            }
        } catch (SQLException | RuntimeException e) {
            started.close();
            throw e;
        }
        this.pool = started;
        this.housekeeping = dialect == Dialect.H2 ? H2Housekeeping.startIfFileDatabase(started) : null;
    }

    /** Applies the migrations under {@code db/migration} in this bundle; returns the resulting version. */
    private static String migrate(DataSource dataSource) {
        // Flyway is embedded: give it this bundle's class loader so it finds both its own
        // database plugins (ServiceLoader) and our migration scripts.
        Flyway flyway = Flyway.configure(JdbcDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    @Deactivate
    void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        pool.close();
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
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
                c.commit();
                restoreAutoCommit(c, null);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
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
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
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
    record Settings(String url, String user, String password, int maxPoolSize, long connectionTimeoutMillis) {
        static Settings from(JdbcDatabaseConfig c) {
            return new Settings(c.url(), c.user(), c._password(), c.maxPoolSize(), c.connectionTimeoutMillis());
        }
    }
}
