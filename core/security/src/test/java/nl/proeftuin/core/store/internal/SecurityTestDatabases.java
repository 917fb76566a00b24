package nl.proeftuin.core.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import nl.proeftuin.core.store.Database;
import org.h2.util.OsgiDataSourceFactory;

/**
 * Test fixture: the real {@link JdbcDatabase} with all migrations on an H2 file database. In the
 * store's internal package because its settings constructor is package-private.
 */
public final class SecurityTestDatabases {
    private SecurityTestDatabases() {
    }

    public static Database h2(Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("proeftuin").toAbsolutePath().toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return new JdbcDatabase(new JdbcDatabase.Settings(url, "sa", "", 5, 10_000),
                new OsgiDataSourceFactory(new org.h2.Driver()));
    }

    /** A database on a running embedded PostgreSQL. */
    public static Database postgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres, String database)
            throws SQLException {
        return new JdbcDatabase(new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", database), "postgres", "",
                5, 10_000), new org.postgresql.osgi.PGDataSourceFactory());
    }

    public static void close(Database database) {
        if (database != null) {
            ((JdbcDatabase) database).close();
        }
    }
}
