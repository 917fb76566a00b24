package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start of an embedded H2 database creates its schema from {@link H2SchemaImage} (decision 0040):
 * the image must be exactly what Flyway's migrations make, and a database started from it must end where
 * one migrated by Flyway alone ends.
 */
class H2SchemaImageTest {
    private static final String[] LOCATIONS = {SchemaMigration.DEFAULT_LOCATION, SchemaMigration.DEFAULT_LOCATION + "-h2"};
    /** A row of Flyway's history as H2's SCRIPT writes it: when and how long vary, nothing else may. */
    private static final Pattern HISTORY_ROW = Pattern.compile(
            "^(\\(-?\\d+, .*, '[^']*'), TIMESTAMP '[^']*', -?\\d+, (TRUE|FALSE)\\)([,;]?)$");
    /** The two rows the migrations take from the clock (V1's creation time, V12's first heartbeat). */
    private static final Pattern CLOCK_ROW = Pattern.compile(
            "^\\(('schema\\.created', '|1, TIMESTAMP WITH TIME ZONE ')[^']*('(?:, NULL)?\\)[,;]?)$");

    @TempDir
    Path data;

    @Test
    void theImageHoldsEveryMigrationSoThatAFirstStartNeedsNoFlyway() throws Exception {
        assertEquals(SchemaUpgradeTest.latestMigration(), String.valueOf(H2SchemaImage.VERSION),
                "a migration was added: set H2SchemaImage.VERSION to it, run this test and copy the image it writes to"
                        + " core/store/target/ (theImageIsWhatTheMigrationsMakeUpToItsVersion says where), deleting the old one");
    }

    @Test
    void theImageIsWhatTheMigrationsMakeUpToItsVersion() throws Exception {
        String url = ShippedConfig.defaultUrl(data);
        Flyway.configure().dataSource(url, "sa", "").locations(LOCATIONS)
                .target(String.valueOf(H2SchemaImage.VERSION)).load().migrate();
        String expected = image(SchemaUpgradeTest.script(url));
        String committed;
        try (InputStream in = H2SchemaImage.class.getClassLoader().getResourceAsStream(H2SchemaImage.RESOURCE)) {
            committed = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(committed)) {
            Path written = Path.of("target", Path.of(H2SchemaImage.RESOURCE).getFileName().toString());
            Files.writeString(written, expected);
            fail("The schema image " + H2SchemaImage.RESOURCE + " is not what migrations V1 to V" + H2SchemaImage.VERSION
                    + " make (a migration up to it was changed, or H2 writes its SCRIPT differently). The right one was"
                    + " written to core/store/" + written + ": review it and copy it to core/store/src/main/resources/"
                    + H2SchemaImage.RESOURCE);
        }
    }

    @Test
    void anEmptyDatabaseStartsFromTheImageAndEndsWhereFlywayAloneEnds() throws Exception {
        Path fromImage = data.resolve("image");
        List<String> said = logged(() -> open(ShippedConfig.h2Settings(fromImage)));
        assertTrue(said.stream().anyMatch(m -> m.startsWith("Empty database: schema created from the image")), said.toString());

        String flywayUrl = ShippedConfig.defaultUrl(data.resolve("flyway"));
        Flyway.configure().dataSource(flywayUrl, "sa", "").locations(LOCATIONS).load().migrate();

        assertEquals(comparable(SchemaUpgradeTest.script(flywayUrl)),
                comparable(SchemaUpgradeTest.script(ShippedConfig.defaultUrl(fromImage))));
        // and a second start finds a migrated database: nothing is loaded again
        assertFalse(logged(() -> open(ShippedConfig.h2Settings(fromImage))).stream()
                .anyMatch(m -> m.contains("from the image")));
    }

    @Test
    void aLoadThatDiedHalfwayIsDroppedAndMadeAgain() throws Exception {
        Path dir = data.resolve("died");
        String url = ShippedConfig.defaultUrl(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"public\".\"" + H2SchemaImage.LOADING + "\"(\"at\" TIMESTAMP)");
            s.execute("CREATE TABLE \"public\".\"flyway_schema_history\"(\"installed_rank\" INTEGER)");
            s.execute("CREATE TABLE \"public\".\"family_case\"(\"id\" INTEGER)");
        }
        List<String> said = logged(() -> open(ShippedConfig.h2Settings(dir)));
        assertTrue(said.stream().anyMatch(m -> m.startsWith("An earlier start died")), said.toString());

        String flywayUrl = ShippedConfig.defaultUrl(data.resolve("flyway"));
        Flyway.configure().dataSource(flywayUrl, "sa", "").locations(LOCATIONS).load().migrate();
        assertEquals(comparable(SchemaUpgradeTest.script(flywayUrl)), comparable(SchemaUpgradeTest.script(url)));
    }

    @Test
    void aDatabaseUserWithRightsOnTheSchemaOnlyGetsTheImageAndTheHistoryNamesThem() throws Exception {
        Path dir = data.resolve("user");
        String url = ShippedConfig.defaultUrl(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE USER \"platform\" PASSWORD 'secret'");
            s.execute("GRANT ALL ON SCHEMA \"public\" TO \"platform\"");
        }
        JdbcDatabase.Settings shipped = ShippedConfig.h2Settings(dir);
        JdbcDatabase.Settings notAdmin = new JdbcDatabase.Settings(shipped.url(), "platform", "secret",
                shipped.maxPoolSize(), shipped.connectionTimeoutMillis());
        List<String> said = logged(() -> open(notAdmin));
        assertTrue(said.stream().anyMatch(m -> m.startsWith("Empty database: schema created from the image")), said.toString());
        try (Connection c = DriverManager.getConnection(url, "platform", "secret");
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INTEGER)), COUNT(DISTINCT \"installed_by\"),"
                        + " MIN(\"installed_by\") FROM \"flyway_schema_history\"")) {
            assertTrue(rs.next());
            assertEquals(SchemaUpgradeTest.latestMigration(), rs.getString(1));
            assertEquals(1, rs.getInt(2));
            assertEquals("platform", rs.getString(3));
        }
    }

    @Test
    void aDatabaseWithUpperCaseNamesIsFoundUpToDateAtItsSecondStart() throws Exception {
        // an H2 URL without DATABASE_TO_LOWER: no image (other schema settings), and Flyway's history
        // keeps its quoted lower-case names while everything else is upper case
        String url = "jdbc:h2:file:" + data.resolve("upper").resolve("proeftuin").toAbsolutePath() + ";MODE=PostgreSQL";
        JdbcDatabase.Settings settings = new JdbcDatabase.Settings(url, "sa", "", 2, 5_000);
        open(settings);
        List<String> said = logged(() -> open(settings));
        assertFalse(said.stream().anyMatch(m -> m.startsWith("Schema migrated")), said.toString());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(java.util.Optional.of(SchemaUpgradeTest.latestMigration()), MigrationsApplied.upToDate(c,
                    SchemaMigration.withEngineLocation(url, List.of(SchemaMigration.DEFAULT_LOCATION))));
        }
    }

    @Test
    void onlyTheShippedSchemaSettingsAndTheBundlesOwnMigrationsUseTheImage() throws IOException {
        String shipped = ShippedConfig.defaultUrl(data);
        List<String> own = List.of(LOCATIONS);
        assertTrue(H2SchemaImage.applies(shipped, own));
        assertTrue(H2SchemaImage.applies(shipped.replace(";WRITE_DELAY=0", ""), own), "a runtime setting changes no schema");
        assertFalse(H2SchemaImage.applies(shipped.replace(";DATABASE_TO_LOWER=TRUE", ""), own));
        assertFalse(H2SchemaImage.applies(shipped + ";IGNORECASE=TRUE", own));
        assertFalse(H2SchemaImage.applies("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", own));
        assertFalse(H2SchemaImage.applies("jdbc:postgresql://127.0.0.1/p", own));
        assertFalse(H2SchemaImage.applies(shipped, List.of(LOCATIONS[0], LOCATIONS[1], SchemaUpgradeTest.FAILING)));
    }

    @Test
    void aStartSkipsFlywayOnlyWhenEveryMigrationIsAppliedAndNoneFailed() throws Exception {
        String url = ShippedConfig.defaultUrl(data);
        List<String> own = SchemaMigration.withEngineLocation(url, List.of(SchemaMigration.DEFAULT_LOCATION));
        Flyway.configure().dataSource(url, "sa", "").locations(LOCATIONS).load().migrate();
        String latest = SchemaUpgradeTest.latestMigration();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            assertEquals(java.util.Optional.of(latest), MigrationsApplied.upToDate(c, own));
            assertEquals(java.util.Optional.empty(), MigrationsApplied.upToDate(c,
                    List.of(own.get(0), own.get(1), SchemaUpgradeTest.FAILING)), "a test's own location: Flyway decides");
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '" + latest + "'");
            assertEquals(java.util.Optional.empty(), MigrationsApplied.upToDate(c, own), "a failed one: Flyway reports it");
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + latest + "'");
            assertEquals(java.util.Optional.empty(), MigrationsApplied.upToDate(c, own), "a pending one: Flyway applies it");
            s.execute("DROP TABLE \"flyway_schema_history\"");
            assertEquals(java.util.Optional.empty(), MigrationsApplied.upToDate(c, own));
        }
        assertEquals(1, MigrationsApplied.compare("28", "9"));
        assertEquals(0, MigrationsApplied.compare("2.0", "2"));
    }

    /**
     * The image made from H2's SCRIPT of a migrated database: without the database's user and settings (the
     * URL decides those), with Flyway's history times and the two rows taken from the clock set to one value
     * (the load sets them to its own time),
     * between the marker table's creation and its drop.
     */
    static String image(String script) {
        StringBuilder out = new StringBuilder();
        out.append("-- The schema of migrations V1 to V").append(H2SchemaImage.VERSION)
                .append(" for an empty embedded H2 database (decision 0040). Written by H2SchemaImageTest; do not edit.\n");
        out.append("CREATE TABLE \"public\".\"").append(H2SchemaImage.LOADING).append("\"(\"at\" TIMESTAMP);\n");
        for (String line : script.split("\n")) {
            String l = line.stripTrailing();
            if (l.startsWith("-- H2 ") || l.startsWith("CREATE USER IF NOT EXISTS ") || l.startsWith("SET ") || l.equals(";")) {
                continue;
            }
            l = HISTORY_ROW.matcher(l).replaceAll("$1, TIMESTAMP '2000-01-01 00:00:00', 0, $2)$3");
            out.append(CLOCK_ROW.matcher(l).replaceAll("($12000-01-01 00:00:00+00$2")).append('\n');
        }
        out.append("DROP TABLE \"public\".\"").append(H2SchemaImage.LOADING).append("\";\n");
        return out.toString();
    }

    /**
     * A SCRIPT with the history's times and the clock's rows set to one value: two databases with the same
     * schema and rows compare equal.
     */
    private static String comparable(String script) {
        StringBuilder out = new StringBuilder();
        for (String line : script.split("\n")) {
            String l = line.stripTrailing();
            if (!l.startsWith("CREATE USER IF NOT EXISTS ")) {
                l = HISTORY_ROW.matcher(l).replaceAll("$1, TIMESTAMP 'T', 0, $2)$3");
                out.append(CLOCK_ROW.matcher(l).replaceAll("($1T$2")).append('\n');
            }
        }
        return out.toString();
    }

    private static void open(JdbcDatabase.Settings settings) throws Exception {
        new JdbcDatabase(settings, new OsgiDataSourceFactory(new org.h2.Driver())).close();
    }

    private interface Start {
        void run() throws Exception;
    }

    /** What the image's and the migration's loggers said while {@code start} ran. */
    private static List<String> logged(Start start) throws Exception {
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<Logger> loggers = List.of(Logger.getLogger(H2SchemaImage.class.getName()),
                Logger.getLogger(SchemaMigration.class.getName()));
        loggers.forEach(l -> l.addHandler(handler));
        try {
            start.run();
        } finally {
            loggers.forEach(l -> l.removeHandler(handler));
        }
        return messages;
    }
}
