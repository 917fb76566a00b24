package nl.proeftuin.core.store.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A consistent copy of the whole embedded H2 database while the node runs: H2's {@code BACKUP TO},
 * which copies the store file as of one moment while other connections keep reading and writing.
 * PostgreSQL has its own tools ({@code pg_dump}, {@code pg_basebackup}); this store does not copy it.
 */
@ProviderType
public interface BackupStore {

    /**
     * Writes a zip file holding the database's files (for the default URL: {@code proeftuin.mv.db}).
     *
     * @param c      a connection of the embedded H2 database (not PostgreSQL)
     * @param target the zip file to write; it must not exist yet
     * @throws SQLException when the database refuses (for example: not H2, or not a file database)
     */
    void copyDatabase(Connection c, Path target) throws SQLException;
}
