package nl.proeftuin.core.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcAccessLogStore;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log a node of the previous release wrote (core/store's upgrade fixture, decision 0025)
 * still verifies after this release's migrations: the hash chain, the MACs under the node's key and
 * the checkpoints. The verification is the one {@code GET /audit/verify} and {@code audit-verify} run.
 */
class UpgradedAccessLogTest {
    static final Path FIXTURE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("../store/src/test/resources/upgrade/0.1.0").normalize();

    @TempDir
    Path dir;

    @Test
    void thePreviousReleasesAccessLogVerifiesAfterTheUpgrade() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("proeftuin").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + FIXTURE.resolve("database.sql") + "'");
        }
        Path checkpoints = dir.resolve("access-log-checkpoints");
        Files.copy(FIXTURE.resolve("data/audit/access-log-checkpoints"), checkpoints);
        Database database = TestDatabases.h2(dir); // this release's migrations run here
        try {
            HashChainedAccessLog log = new HashChainedAccessLog(database, new JdbcAccessLogStore(), Clock.systemUTC(),
                    "upgrade-test", AuditSeal.open(FIXTURE.resolve("etc/proeftuin-access-log.key"), checkpoints), 1000,
                    Duration.ofDays(365));
            ChainVerification verified = log.verify();
            assertTrue(verified.intact(), verified.toString());
            assertTrue(verified.entriesChecked() >= 20, verified.toString());
            assertEquals(null, verified.firstBrokenSeq());
        } finally {
            TestDatabases.close(database);
        }
    }
}
