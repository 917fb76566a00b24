package nl.proeftuin.core.store;

import java.sql.Connection;
import java.sql.SQLException;

import nl.proeftuin.core.api.health.DatabaseHealth;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's database, registered only once its schema migrations have been applied.
 *
 * <p>Every write of the platform runs in {@link #inTransaction(SqlWork)}: it either commits as a
 * whole or leaves nothing behind.
 */
@ProviderType
public interface Database {

    /**
     * Runs work in one transaction: commits when it returns, rolls back when it throws.
     *
     * @param work the work, given a connection with auto-commit off
     * @param <T>  what the work returns
     * @return what the work returned
     * @throws SQLException         when the database fails (after rollback)
     * @throws RuntimeException     anything the work threw (after rollback)
     */
    <T> T inTransaction(SqlWork<T> work) throws SQLException;

    /**
     * Runs read-only work on a pooled connection.
     *
     * @param work the work
     * @param <T>  what the work returns
     * @return what the work returned
     * @throws SQLException when the database fails
     */
    <T> T read(SqlWork<T> work) throws SQLException;

    /**
     * Checks the database live: takes a pooled connection and validates it. The schema version
     * reported is the one migrated to when the service started (migrations run only at start).
     *
     * @return the result; never throws
     */
    DatabaseHealth check();

    /**
     * @return the dialect in use, for the few statements that differ
     */
    Dialect dialect();

    /** The database products the store supports. */
    enum Dialect {
        /** H2 in PostgreSQL mode: the embedded default. */
        H2,
        /** PostgreSQL: production. */
        POSTGRESQL
    }

    /**
     * Work done with a connection.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    interface SqlWork<T> {
        /**
         * @param connection the connection; do not close it
         * @return the result
         * @throws SQLException passed on to the caller
         */
        T apply(Connection connection) throws SQLException;
    }
}
