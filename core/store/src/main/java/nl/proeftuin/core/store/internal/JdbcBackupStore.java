package nl.proeftuin.core.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import nl.proeftuin.core.store.backup.BackupStore;
import org.osgi.service.component.annotations.Component;

/** H2's online backup statement. */
@Component(service = BackupStore.class)
public class JdbcBackupStore implements BackupStore {

    @Override
    public void copyDatabase(Connection c, Path target) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            throw new SQLException("An online copy is made of the embedded H2 database only, not of " + product);
        }
        // BACKUP takes a literal, not a parameter: the path is the platform's own (data/backups/...),
        // quoted as an SQL string all the same.
        String literal = "'" + target.toAbsolutePath().toString().replace("'", "''") + "'";
        try (Statement s = c.createStatement()) {
            s.execute("BACKUP TO " + literal);
        }
    }
}
