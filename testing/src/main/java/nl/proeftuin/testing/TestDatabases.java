package nl.proeftuin.testing;

import java.nio.file.Path;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcDatabaseFixture;
import org.h2.util.OsgiDataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The real {@code JdbcDatabase} of core/store, migrations included, for tests: on an H2 file with the
 * options the distribution ships, or on an embedded PostgreSQL. Close what you open with {@link #close}.
 */
public final class TestDatabases {

    /** The pool size of a test database. */
    static final int POOL = 10;
    /** How long a test waits for a pooled connection (ms). */
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private TestDatabases() {
    }

    /** An H2 file database in {@code dir}, with the options the distribution ships. */
    public static Database h2(Path dir) throws SQLException {
        String url = "jdbc:h2:retry:" + dir.resolve("proeftuin").toAbsolutePath().toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return JdbcDatabaseFixture.open(url, "sa", "", POOL, CONNECTION_TIMEOUT_MILLIS,
                new OsgiDataSourceFactory(new org.h2.Driver()));
    }

    /** A database on a running embedded PostgreSQL, in its database {@code postgres}. */
    public static Database postgres(EmbeddedPostgres postgres) throws SQLException {
        return postgres(postgres, "postgres");
    }

    /** A database on a running embedded PostgreSQL, in the named database (which must exist). */
    public static Database postgres(EmbeddedPostgres postgres, String database) throws SQLException {
        return JdbcDatabaseFixture.open(postgres.getJdbcUrl("postgres", database), "postgres", "", POOL,
                CONNECTION_TIMEOUT_MILLIS, new PGDataSourceFactory());
    }

    /** Closes a database made here (null: nothing). */
    public static void close(Database database) {
        JdbcDatabaseFixture.close(database);
    }
}
