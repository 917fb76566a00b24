package nl.proeftuin.core.store.internal;

import java.sql.SQLException;

import nl.proeftuin.core.store.Database;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The one class of the test fixtures in the store's internal package: {@code JdbcDatabase}'s settings
 * constructor and {@code close} are package-private (the bundle's API has no test hooks), and a test
 * class path may share a package where OSGi would not. Use {@code nl.proeftuin.testing.TestDatabases}.
 */
public final class JdbcDatabaseFixture {

    private JdbcDatabaseFixture() {
    }

    public static Database open(String url, String user, String password, int maxPoolSize, long connectionTimeoutMillis,
            DataSourceFactory dataSourceFactory) throws SQLException {
        return new JdbcDatabase(new JdbcDatabase.Settings(url, user, password, maxPoolSize, connectionTimeoutMillis),
                dataSourceFactory);
    }

    public static void close(Database database) {
        if (database != null) {
            ((JdbcDatabase) database).close();
        }
    }
}
