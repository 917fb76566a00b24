package nl.proeftuin.core.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import nl.proeftuin.core.store.Database;
import org.h2.util.OsgiDataSourceFactory;

/**
 * Test fixture: the real {@link JdbcDatabase} (migrations included) on an H2 file, for the REST
 * tests that need the access log and privacy services. In the store's internal package because the
 * settings constructor is package-private.
 */
public final class RestTestDatabase {
    private RestTestDatabase() {
    }

    public static Database h2(Path dir) throws SQLException {
        return h2(dir, "");
    }

    /** The same file opened read-only (as a node finds it when its file or disk turned read-only). */
    public static Database h2ReadOnly(Path dir) throws SQLException {
        return h2(dir, ";ACCESS_MODE_DATA=r");
    }

    private static Database h2(Path dir, String options) throws SQLException {
        String url = "jdbc:h2:retry:" + dir.resolve("proeftuin").toAbsolutePath().toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + options;
        return new JdbcDatabase(new JdbcDatabase.Settings(url, "sa", "", 5, 10_000),
                new OsgiDataSourceFactory(new org.h2.Driver()));
    }

    public static void close(Database database) {
        ((JdbcDatabase) database).close();
    }
}
