package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.store.Database.Dialect;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The same contract on both supported databases: the embedded H2 default (with the shipped URL
 * options) and PostgreSQL (embedded, real server binaries). Each goes through the drivers' real
 * OSGi {@link DataSourceFactory}, as in the framework.
 */
class JdbcDatabaseTest {

    /** The assertions shared by both databases; one database per nested class. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {

        JdbcDatabase db;
        DataSourceFactory factory;
        JdbcDatabase.Settings settings;

        abstract void startDatabase() throws Exception;

        abstract void stopDatabase() throws Exception;

        abstract String expectedProductName();

        abstract Dialect expectedDialect();

        @BeforeAll
        void open() throws Exception {
            startDatabase();
            db = new JdbcDatabase(settings, factory);
        }

        @AfterAll
        void close() throws Exception {
            try {
                if (db != null) {
                    db.close();
                }
            } finally {
                stopDatabase();
            }
        }

        @BeforeEach
        void freshTable() throws SQLException {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS contract_item");
                    s.execute("CREATE TABLE contract_item (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");
                }
                return null;
            });
        }

        @Test
        void migrationsAreAppliedAndCheckReportsUp() throws Exception {
            DatabaseHealth health = db.check();
            assertTrue(health.up(), () -> "down: " + health);
            assertNull(health.error());
            assertEquals(latestMigrationVersion(), health.schemaVersion());
            assertTrue(health.product().startsWith(expectedProductName() + " "), health.product());
            assertTrue(health.latencyMillis() >= 0);
            assertEquals(expectedDialect(), db.dialect());

            // The V1 migration really ran: its table and seed row are there, and Flyway recorded success.
            String created = db.read(c -> single(c, "SELECT setting_value FROM platform_setting WHERE setting_name = 'schema.created'"));
            assertTrue(created != null && !created.isBlank(), "schema.created seed row missing");
            String failed = db.read(c -> single(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
            assertEquals("0", failed);
            String applied = db.read(c -> single(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
            assertEquals(String.valueOf(migrationFiles().size()), applied);
        }

        @Test
        void reopeningAnAlreadyMigratedDatabaseIsANoOp() throws Exception {
            JdbcDatabase second = new JdbcDatabase(settings, factory);
            try {
                assertEquals(latestMigrationVersion(), second.check().schemaVersion());
                assertEquals(String.valueOf(migrationFiles().size()),
                        second.read(c -> single(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")));
            } finally {
                second.close();
            }
        }

        @Test
        void inTransactionCommitsWhenTheWorkReturns() throws Exception {
            String result = db.inTransaction(c -> {
                insert(c, 1, "one");
                insert(c, 2, "two");
                return "done";
            });
            assertEquals("done", result);
            // Seen from a connection outside the pool, so it must really be committed.
            try (Connection raw = factory.createDataSource(driverProps()).getConnection()) {
                assertEquals("2", single(raw, "SELECT COUNT(*) FROM contract_item"));
            }
            assertEquals(List.of("one", "two"), db.read(Contract::names));
        }

        @Test
        void inTransactionRollsBackEverythingWhenTheWorkThrows() throws Exception {
            IllegalStateException boom = new IllegalStateException("boom after the first insert");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                insert(c, 1, "half");
                assertEquals("1", single(c, "SELECT COUNT(*) FROM contract_item")); // written, inside the tx
                throw boom;
            }));
            assertSame(boom, thrown);
            assertEquals(List.of(), db.read(Contract::names));
            try (Connection raw = factory.createDataSource(driverProps()).getConnection()) {
                assertEquals("0", single(raw, "SELECT COUNT(*) FROM contract_item"));
            }
        }

        @Test
        void inTransactionRollsBackWhenAStatementFails() throws Exception {
            assertThrows(SQLException.class, () -> db.inTransaction(c -> {
                insert(c, 7, "first");
                insert(c, 7, "duplicate key");
                return null;
            }));
            assertEquals(List.of(), db.read(Contract::names));
        }

        @Test
        void connectionsAreUsableAfterARollback() throws Exception {
            // Every pooled connection goes through a failed transaction, then a good one must commit.
            for (int i = 0; i < settings.maxPoolSize() + 1; i++) {
                assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                    insert(c, 99, "never");
                    throw new IllegalStateException();
                }));
            }
            db.inTransaction(c -> insert(c, 3, "three"));
            assertEquals(List.of("three"), db.read(Contract::names));
            assertTrue(db.read(Connection::getAutoCommit), "read() must see auto-commit restored");
        }

        @Test
        void readSeesCommittedData() throws Exception {
            db.inTransaction(c -> {
                insert(c, 10, "ten");
                return insert(c, 11, "eleven");
            });
            assertEquals(List.of("ten", "eleven"), db.read(Contract::names));
            assertEquals("eleven", db.read(c -> single(c, "SELECT name FROM contract_item WHERE id = 11")));
        }

        Properties driverProps() {
            Properties p = new Properties();
            p.setProperty(DataSourceFactory.JDBC_URL, settings.url());
            p.setProperty(DataSourceFactory.JDBC_USER, settings.user());
            if (!settings.password().isEmpty()) {
                p.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
            }
            return p;
        }

        static Integer insert(Connection c, int id, String name) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contract_item (id, name) VALUES (?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, name);
                return ps.executeUpdate();
            }
        }

        static List<String> names(Connection c) throws SQLException {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM contract_item ORDER BY id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }

        static String single(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertTrue(rs.next(), "no row for " + sql);
                return rs.getString(1);
            }
        }
    }

    @Nested
    class OnH2 extends Contract {

        Path karafData;

        @Override
        void startDatabase() throws IOException {
            // Not @TempDir: it is not injected before a per-class @BeforeAll of a @Nested class.
            karafData = Files.createTempDirectory("jdbcdatabasetest-h2");
            settings = ShippedConfig.h2Settings(karafData);
            factory = new OsgiDataSourceFactory(new org.h2.Driver());
        }

        @Override
        void stopDatabase() throws IOException {
            if (karafData != null) {
                try (Stream<Path> all = Files.walk(karafData)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }

        @Override
        String expectedProductName() {
            return "H2";
        }

        @Override
        Dialect expectedDialect() {
            return Dialect.H2;
        }

        @Test
        void usesTheShippedDurableFileUrl() throws IOException {
            assertTrue(settings.url().startsWith("jdbc:h2:retry:" + karafData.toAbsolutePath().toString().replace('\\', '/')),
                    settings.url());
            assertTrue(settings.url().contains(";WRITE_DELAY=0"), settings.url());
            assertTrue(Files.exists(karafData.resolve("proeftuin").resolve("proeftuin.mv.db")), "no database file");
        }

        /** perfw (decision 0043): H2's default of 8 parsed statements per session made every hot-path statement parse again. */
        @Test
        void eachSessionKeepsEnoughParsedStatements() throws Exception {
            String size = db.read(c -> Jdbc.one(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'", rs -> rs.getString(1)).orElse(null));
            assertEquals(String.valueOf(JdbcDatabase.H2_QUERY_CACHE_SIZE), size);
            assertEquals("jdbc:h2:mem:x;QUERY_CACHE_SIZE=4;OPTIMIZE_REUSE_RESULTS=0",
                    JdbcDatabase.withQueryCache("jdbc:h2:mem:x;QUERY_CACHE_SIZE=4"));
            assertEquals("jdbc:postgresql://h/db", JdbcDatabase.withQueryCache("jdbc:postgresql://h/db"));
        }

        /**
         * H2 answering a statement from its last result read a table as it was before the commit of a
         * transaction whose lock the reader had just waited for (the rectification race): the reuse is off.
         */
        @Test
        void noSessionAnswersAStatementFromItsLastResult() throws Exception {
            boolean reuse = db.read(c -> ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class)
                    .getSession()).getDatabase().getOptimizeReuseResults());
            assertFalse(reuse);
            assertEquals("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=1;QUERY_CACHE_SIZE=256",
                    JdbcDatabase.withQueryCache("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=1"), "unless the URL says otherwise");
        }

        /**
         * perf (decision 0053, V35): H2 writes a chunk of its own each time an identity column's cache runs out;
         * every identity column caches 1,000 values, also one a later migration adds.
         */
        @Test
        void everyIdentityColumnCachesAThousandValues() throws Exception {
            List<String> columns = db.read(c -> Jdbc.list(c, "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || IDENTITY_CACHE"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = 'public'",
                    rs -> rs.getString(1)));
            assertTrue(columns.size() >= 35, "identity columns: " + columns);
            assertEquals(List.of(), columns.stream().filter(col -> !col.endsWith(" 1000")).toList());
        }

        /** Decision 0051: an embedded file is opened through retry:, also when etc/ kept an older release's URL. */
        @Test
        void anEmbeddedFileIsOpenedSoAnInterruptCannotCloseIt() {
            assertEquals("jdbc:h2:retry:/srv/p/db;WRITE_DELAY=0", JdbcDatabase.interruptSafe("jdbc:h2:file:/srv/p/db;WRITE_DELAY=0"));
            assertEquals("jdbc:h2:retry:/srv/p/db", JdbcDatabase.interruptSafe("jdbc:h2:FILE:/srv/p/db"));
            assertEquals("jdbc:h2:retry:~/db;MODE=PostgreSQL", JdbcDatabase.interruptSafe("jdbc:h2:~/db;MODE=PostgreSQL"));
            assertEquals("jdbc:h2:retry:C:/data/db", JdbcDatabase.interruptSafe("jdbc:h2:C:/data/db"));
            for (String unchanged : List.of("jdbc:h2:retry:/srv/p/db;WRITE_DELAY=0", "jdbc:h2:async:/srv/p/db",
                    "jdbc:h2:nioMapped:/srv/p/db", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://h/~/db",
                    "jdbc:postgresql://h:5432/db")) {
                assertEquals(unchanged, JdbcDatabase.interruptSafe(unchanged));
            }
        }
    }

    @Nested
    class OnPostgreSql extends Contract {

        EmbeddedPostgres postgres;

        @Override
        void startDatabase() throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            settings = new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 4, 5_000);
            factory = new PGDataSourceFactory();
        }

        @Override
        void stopDatabase() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }

        @Override
        String expectedProductName() {
            return "PostgreSQL";
        }

        @Override
        Dialect expectedDialect() {
            return Dialect.POSTGRESQL;
        }
    }

    @Test
    void unreachablePostgreSqlFailsFastWithSqlException() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        JdbcDatabase.Settings unreachable = new JdbcDatabase.Settings(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/proeftuin?connectTimeout=2", "proeftuin", "secret", 2, 500);
        long start = System.nanoTime();
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(SQLException.class, () -> new JdbcDatabase(unreachable, new PGDataSourceFactory()).close()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "took " + millis + " ms");
        assertTrue(String.valueOf(e.getMessage()).length() > 0);
    }

    // --- the migrations as shipped in this bundle ---------------------------------------------------

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    /**
     * The migrations one engine applies: the portable ones and its engine's own (db/migration-h2; the
     * PostgreSQL folder holds the same versions, see {@link #eachEngineHasTheSameEngineMigrations}).
     */
    static List<String> migrationFiles() throws IOException, URISyntaxException {
        List<String> all = new java.util.ArrayList<>(versioned("db/migration"));
        all.addAll(versioned("db/migration-h2"));
        return all.stream().sorted().toList();
    }

    private static List<String> versioned(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(JdbcDatabaseTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> VERSIONED.matcher(n).matches()).sorted().toList();
        }
    }

    /** A version written per engine (decision 0036) exists for both, under the same name, and nowhere else. */
    @org.junit.jupiter.api.Test
    void eachEngineHasTheSameEngineMigrations() throws Exception {
        List<String> h2 = versioned("db/migration-h2");
        assertEquals(h2, versioned("db/migration-postgresql"));
        for (String name : h2) {
            String version = name.substring(0, name.indexOf("__"));
            assertTrue(versioned("db/migration").stream().noneMatch(n -> n.startsWith(version + "__")), name);
        }
    }

    /** The latest version, as Flyway reports it ({@code V1_2__x.sql} is {@code 1.2}). */
    static String latestMigrationVersion() throws IOException, URISyntaxException {
        return migrationFiles().stream()
                .map(n -> {
                    Matcher m = VERSIONED.matcher(n);
                    m.matches();
                    return m.group(1).replace('_', '.');
                })
                .max(Comparator.comparing(v -> Arrays.stream(v.split("\\.")).mapToLong(Long::parseLong).toArray(),
                        Arrays::compare))
                .orElseThrow(() -> new AssertionError("no versioned migrations under db/migration"));
    }
}
