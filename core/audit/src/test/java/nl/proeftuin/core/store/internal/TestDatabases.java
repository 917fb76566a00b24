package nl.proeftuin.core.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.Database;
import org.h2.util.OsgiDataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * Test fixture: the real {@link JdbcDatabase} (migrations included) for the audit bundle's tests (a copy of core/engine's). It lives
 * in the store's internal package because its settings constructor is package-private; that is fine
 * for test sources on the class path and keeps the bundle's API free of test hooks.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** An H2 file database in {@code dir}, with the options the distribution ships. */
    public static Database h2(Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("proeftuin").toAbsolutePath().toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return new JdbcDatabase(new JdbcDatabase.Settings(url, "sa", "", 10, 10_000),
                new OsgiDataSourceFactory(new org.h2.Driver()));
    }

    /** A database on a running embedded PostgreSQL. */
    public static Database postgres(EmbeddedPostgres postgres) throws SQLException {
        return new JdbcDatabase(new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                10, 10_000), new PGDataSourceFactory());
    }

    /** Closes a database made here. */
    public static void close(Database database) {
        if (database != null) {
            ((JdbcDatabase) database).close();
        }
    }
}
