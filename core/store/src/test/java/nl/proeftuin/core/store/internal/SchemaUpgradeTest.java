package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.cases.StoredCase;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * Upgrading a database written by the previous release (decision 0025): the fixture
 * {@code upgrade/<release>/database.sql} (H2's SCRIPT of a 0.1.0 node, see its README) is loaded into a
 * fresh H2 file with the shipped URL and started by the real {@link JdbcDatabase}. Never "latest = V15":
 * the latest version is read from the migrations on the class path.
 */
class SchemaUpgradeTest {
    static final String FIXTURE = "upgrade/0.1.0/";
    static final String FAILING = "classpath:upgrade/failing";

    @TempDir
    Path data;

    @Test
    void theLastReleasesDatabaseUpgradesToTheLatestSchemaWithItsDataIntact() throws Exception {
        JdbcDatabase.Settings settings = ShippedConfig.h2Settings(data);
        loadFixture(settings.url());
        Map<String, Long> before = rowCounts(settings.url());
        String fixtureVersion = historyVersion(settings.url());

        JdbcDatabase db = new JdbcDatabase(settings, new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            assertEquals(latestMigration(), db.check().schemaVersion());
            Properties expected = expected();
            StoredCase arnhem = db.read(c -> new JdbcCaseStore().find(c, expected.getProperty("case.arnhem"))).orElseThrow();
            assertEquals("Arnhem", arnhem.municipality());
            assertEquals("Politie meldt huiselijk geweld, kinderen waren thuis.", arnhem.signal().description());
            assertTrue(db.read(c -> new JdbcCaseStore().find(c, expected.getProperty("case.ede"))).isPresent());
            assertTrue(db.read(c -> new JdbcFamilyStore().person(c, expected.getProperty("person.mother"))).isPresent());
            // writes work on the upgraded schema (the readiness heartbeat is one)
            assertEquals(Boolean.TRUE, db.inTransaction(c -> new JdbcHeartbeatStore().beat(c, java.time.Instant.now())));
        } finally {
            db.close();
        }
        Map<String, Long> after = rowCounts(settings.url());
        before.forEach((table, rows) -> {
            if (!table.equals("flyway_schema_history") && !table.equals("node_heartbeat")) {
                assertEquals(rows, after.get(table), "rows of " + table + " after the upgrade from " + fixtureVersion);
            }
        });
        assertTrue(before.get("family_case") >= 2 && before.get("access_log") > 10, before.toString());
        assertFalse(Files.exists(SchemaMigration.copyPath(dbFile())), "the copy taken before migrating is deleted");
    }

    @Test
    void aFailingMigrationLeavesTheH2FileAsItWasAndSaysWhichAndWhy() throws Exception {
        JdbcDatabase.Settings shipped = ShippedConfig.h2Settings(data);
        loadFixture(shipped.url());
        String fixtureVersion = historyVersion(shipped.url());
        String contentBefore = script(shipped.url());

        JdbcDatabase.Settings failing = withLocations(shipped, SchemaMigration.DEFAULT_LOCATION, FAILING);
        SQLException e = assertThrows(SchemaMigration.MigrationFailedException.class,
                () -> new JdbcDatabase(failing, new OsgiDataSourceFactory(new org.h2.Driver())));
        String message = e.getMessage();
        assertTrue(message.startsWith("Schema migration V9999 (upgrade probe broken) failed: "), message);
        assertTrue(message.contains("upgrade_probe_no_such_table") && message.contains("SQL state 42S02"), message);
        assertTrue(message.contains("at schema version " + fixtureVersion + " "), message);
        assertTrue(message.contains("not ready"), message);

        // as it was (H2's SCRIPT of the whole database: not byte-identical, as opening and closing rewrites
        // H2's header): nothing of the migrations before the failing one (V9998), nor of its first half
        assertEquals(contentBefore, script(shipped.url()));
        assertEquals(fixtureVersion, historyVersion(shipped.url()));
        Path aside = SchemaMigration.failedPath(dbFile(), "V9999");
        assertTrue(Files.exists(aside), "the failed attempt is kept for diagnosis: " + aside);
        assertFalse(Files.exists(SchemaMigration.copyPath(dbFile())));

        // and the release's own migrations still apply afterwards
        JdbcDatabase db = new JdbcDatabase(shipped, new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            assertEquals(latestMigration(), db.check().schemaVersion());
        } finally {
            db.close();
        }
    }

    @Test
    void aMigrationInterruptedByACrashIsPutBackFromItsCopyAndRunAgain() throws Exception {
        JdbcDatabase.Settings shipped = ShippedConfig.h2Settings(data);
        loadFixture(shipped.url());
        String contentBefore = script(shipped.url());
        Files.copy(dbFile(), SchemaMigration.copyPath(dbFile()));
        // the crash left half a migration behind
        try (Connection c = DriverManager.getConnection(shipped.url(), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE upgrade_probe_half (id INT PRIMARY KEY)");
        }
        JdbcDatabase db = new JdbcDatabase(shipped, new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            assertEquals(latestMigration(), db.check().schemaVersion());
            boolean halfThere = db.read(c -> c.getMetaData().getTables(null, null, "upgrade_probe_half", null).next());
            assertFalse(halfThere, "the half migration is gone");
        } finally {
            db.close();
        }
        assertTrue(Files.exists(SchemaMigration.failedPath(dbFile(), "interrupted")));
        assertFalse(Files.exists(SchemaMigration.copyPath(dbFile())));
        assertTrue(contentBefore.contains("Politie meldt huiselijk geweld"));
        assertTrue(script(shipped.url()).contains("Politie meldt huiselijk geweld"));
    }

    @Test
    void aCopyLeftAfterAFinishedMigrationIsNeverPutBackOverNewerWork() throws Exception {
        JdbcDatabase.Settings shipped = ShippedConfig.h2Settings(data);
        loadFixture(shipped.url());
        new JdbcDatabase(shipped, new OsgiDataSourceFactory(new org.h2.Driver())).close(); // migrated
        Files.copy(dbFile(), SchemaMigration.copyPath(dbFile()));
        // the copy stayed (say its delete failed); the node then worked on for weeks
        try (Connection c = DriverManager.getConnection(shipped.url(), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE work_after_the_upgrade (id INT PRIMARY KEY)");
        }
        JdbcDatabase db = new JdbcDatabase(shipped, new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            boolean kept = db.read(c -> c.getMetaData().getTables(null, null, "work_after_the_upgrade", null).next());
            assertTrue(kept, "the newer database stays; the stale copy is not put back");
        } finally {
            db.close();
        }
        assertFalse(Files.exists(SchemaMigration.copyPath(dbFile())));
        assertTrue(Files.exists(SchemaMigration.failedPath(dbFile(), "stale-copy")), "kept aside, not deleted");
    }

    @Test
    void onPostgresqlAllPendingMigrationsRollBackTogether() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            JdbcDatabase.Settings plain = new JdbcDatabase.Settings(url, "postgres", "", 4, 10_000);
            JdbcDatabase first = new JdbcDatabase(plain, new PGDataSourceFactory());
            first.close();
            JdbcDatabase.Settings failing = withLocations(plain, SchemaMigration.DEFAULT_LOCATION, FAILING);
            SQLException e = assertThrows(SchemaMigration.MigrationFailedException.class,
                    () -> new JdbcDatabase(failing, new PGDataSourceFactory()));
            assertTrue(e.getMessage().startsWith("Schema migration V9999 (upgrade probe broken) failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("at schema version " + latestMigration() + " (PostgreSQL rolled back all 2"),
                    e.getMessage());
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                // V9998 succeeded on its own, but ran in the same transaction as V9999: rolled back too
                for (String table : List.of("upgrade_probe_ok", "upgrade_probe_half")) {
                    try (ResultSet rs = s.executeQuery("SELECT to_regclass('public." + table + "') IS NULL")) {
                        assertTrue(rs.next() && rs.getBoolean(1), table + " must not exist");
                    }
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM flyway_schema_history WHERE version IN ('9998', '9999')")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1));
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM family_case WHERE signal_description = 'changed by a failing migration'")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void onlyAnEmbeddedH2FileIsCopied() {
        assertEquals(Path.of("/var/lib/p/data/proeftuin/proeftuin.mv.db"),
                SchemaMigration.h2File("jdbc:h2:file:/var/lib/p/data/proeftuin/proeftuin;MODE=PostgreSQL;WRITE_DELAY=0").orElseThrow());
        assertEquals(Path.of("/srv/db.mv.db"), SchemaMigration.h2File("jdbc:h2:/srv/db").orElseThrow());
        assertEquals(Path.of("/var/lib/p/data/proeftuin/proeftuin.mv.db"),
                SchemaMigration.h2File("jdbc:h2:retry:/var/lib/p/data/proeftuin/proeftuin;WRITE_DELAY=0").orElseThrow());
        assertEquals(Path.of("/srv/db.mv.db"), SchemaMigration.h2File("jdbc:h2:async:file:/srv/db").orElseThrow());
        assertTrue(SchemaMigration.h2File("jdbc:h2:nioMemFS:test").isEmpty());
        assertTrue(SchemaMigration.h2File("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1").isEmpty());
        assertTrue(SchemaMigration.h2File("jdbc:h2:tcp://localhost/~/test").isEmpty());
        assertTrue(SchemaMigration.h2File("jdbc:postgresql://db:5432/proeftuin").isEmpty());
    }

    // --- helpers

    private Path dbFile() {
        return data.resolve("proeftuin").resolve("proeftuin.mv.db");
    }

    static JdbcDatabase.Settings withLocations(JdbcDatabase.Settings s, String... locations) {
        return new JdbcDatabase.Settings(s.url(), s.user(), s.password(), s.maxPoolSize(), s.connectionTimeoutMillis(),
                List.of(locations));
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SchemaUpgradeTest.class.getClassLoader().getResource(FIXTURE + name).toURI());
    }

    static Properties expected() throws IOException, URISyntaxException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(fixture("expected.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** The fixture's SCRIPT replayed into a fresh file at {@code url}. */
    static void loadFixture(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + fixture("database.sql").toString().replace("'", "''") + "'");
        }
    }

    /** The highest version among the migrations of this build (db/migration on the class path). */
    static String latestMigration() throws IOException, URISyntaxException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int latest = 0;
        // the portable migrations and the ones written per engine (the same versions for both, decision 0036)
        for (String folder : new String[] {"db/migration", "db/migration-h2"}) {
            Path dir = Path.of(JdbcDatabase.class.getClassLoader().getResource(folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Matcher m = name.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        latest = Math.max(latest, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return String.valueOf(latest);
    }

    static String historyVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    static Map<String, Long> rowCounts(String url) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The database's content as H2's SCRIPT (without the comment lines that carry no content). */
    static String script(String url) throws SQLException, IOException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
