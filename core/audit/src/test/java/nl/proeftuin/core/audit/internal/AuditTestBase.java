package nl.proeftuin.core.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One real database per test class (H2 file, or embedded PostgreSQL for the OnPostgreSql classes). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTestBase {
    static final Instant START = Instant.parse("2027-03-12T09:00:00Z");

    Path dir;
    Database database;
    EmbeddedPostgres postgres;

    boolean onPostgres() {
        return false;
    }

    @BeforeAll
    void startDatabase() throws Exception {
        if (onPostgres()) {
            postgres = EmbeddedPostgres.builder().start();
            database = TestDatabases.postgres(postgres);
        } else {
            dir = Files.createTempDirectory("audit-h2");
            database = TestDatabases.h2(dir);
        }
    }

    @AfterAll
    void stopDatabase() throws Exception {
        TestDatabases.close(database);
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs SQL directly, as someone with database access would: the tamper tests. */
    int sql(String statement, Object... params) throws SQLException {
        return database.inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Empties the access log, so each test starts a new chain. */
    void emptyLog() throws SQLException {
        sql("DELETE FROM access_log_person");
        sql("DELETE FROM access_log");
        sql("UPDATE access_log_head SET last_seq = 0, last_hash = ?, legacy_seq = 0 WHERE head_id = 1", HashChain.GENESIS);
        sql("UPDATE access_log_person_mark SET indexed_to = 0 WHERE mark_id = 1");
    }
}
