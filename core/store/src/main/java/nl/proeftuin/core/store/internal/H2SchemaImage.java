package nl.proeftuin.core.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The schema of an empty embedded H2 database, made in one step from an image of migrations V1 to
 * {@link #VERSION} instead of by Flyway replaying each of them (decision 0040): on a first start, Flyway's
 * SQL parser and 26 migrations were a fifth of the boot's work, on the one thread that makes a node ready.
 *
 * <p>The image ({@value #RESOURCE}) is H2's own {@code SCRIPT} of a database that Flyway migrated to
 * {@link #VERSION} with the shipped URL, its Flyway history included, so Flyway afterwards finds exactly
 * the history it would have written, checks it against the migrations as always, and applies every later
 * one itself. {@code H2SchemaImageTest} fails when the image is not what the migrations make, and says how
 * to write it again. It is used only
 * <ul>
 *   <li>for an embedded H2 file with the schema-relevant settings the image was made with
 *       ({@link #SETTINGS}); any other URL, and PostgreSQL, are migrated by Flyway as before;</li>
 *   <li>with the bundle's own migrations only (tests that add locations are migrated by Flyway);</li>
 *   <li>on a database without a single table, or one where an image was being loaded when the process
 *       died (the image creates its marker table {@value #LOADING} first and drops it last): its tables
 *       are dropped and the image loaded again.</li>
 * </ul>
 */
final class H2SchemaImage {
    private static final Logger LOG = Logger.getLogger(H2SchemaImage.class.getName());
    /** The last migration the image holds; Flyway applies every later one. */
    static final int VERSION = 36;
    static final String RESOURCE = "db/image/h2-V" + VERSION + ".sql";
    /** Created first and dropped last by the image: found, an earlier load did not finish. */
    static final String LOADING = "proeftuin_schema_image_loading";
    /** The URL settings that change what the schema is (names, NULL ordering, compatibility), as shipped. */
    static final Set<String> SETTINGS = Set.of("MODE=POSTGRESQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH");
    private static final String HISTORY = "flyway_schema_history";

    private H2SchemaImage() {
    }

    /** Whether a database at {@code url}, migrated from {@code locations}, may start from the image. */
    static boolean applies(String url, List<String> locations) {
        return SchemaMigration.h2File(url).isPresent()
                && schemaSettings(url).equals(SETTINGS)
                && Set.copyOf(locations).equals(Set.of(SchemaMigration.DEFAULT_LOCATION, SchemaMigration.DEFAULT_LOCATION + "-h2"));
    }

    /** The schema-relevant settings of an H2 URL, upper case, e.g. {@code MODE=POSTGRESQL}. */
    static Set<String> schemaSettings(String url) {
        Set<String> found = new TreeSet<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i].strip().toUpperCase(Locale.ROOT).replace(" ", "");
            String key = setting.contains("=") ? setting.substring(0, setting.indexOf('=')) : setting;
            if (Set.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER", "CASE_INSENSITIVE_IDENTIFIERS",
                    "DEFAULT_NULL_ORDERING", "IGNORECASE", "NON_KEYWORDS").contains(key)) {
                found.add(setting);
            }
        }
        return found;
    }

    /**
     * Loads the image when the database is empty (or holds an unfinished load, which is dropped first).
     *
     * @param dir a directory for the image's file while H2 reads it (the database's own)
     * @return whether the image was loaded
     */
    static boolean loadIfEmpty(Connection c, Path dir) throws SQLException {
        boolean unfinished = tableExists(c, LOADING);
        if (!unfinished && tableCount(c) > 0) {
            return false;
        }
        Path file = dir.resolve("schema-image-V" + VERSION + ".sql.part");
        try (Statement s = c.createStatement()) {
            if (unfinished) {
                LOG.warning("An earlier start died while creating the schema from its image; the partial schema is dropped"
                        + " and the image loaded again");
                // only what the image makes: the tables (with their indexes, constraints and identity
                // sequences) of the public schema; users and other schemas stay
                for (String table : publicTables(c)) {
                    s.execute("DROP TABLE IF EXISTS \"public\".\"" + table.replace("\"", "\"\"") + "\" CASCADE");
                }
            }
            try (InputStream in = H2SchemaImage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new SQLException("The schema image " + RESOURCE + " is missing from the store bundle");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            // each DDL statement commits; with the shipped WRITE_DELAY=0 each commit is written at once, which
            // was half the load's CPU: write at most once a second while loading, then as configured, and
            // write everything (CHECKPOINT) before the schema is used. A crash in between leaves the marker.
            // (the setting is kept in the file: a load that died leaves 1000 behind, so what is put back is at
            // most H2's own default, 500; the shipped URL sets 0 again at every open)
            String writeDelay = setting(c, "WRITE_DELAY");
            int restore = writeDelay == null ? 0 : Math.min(Integer.parseInt(writeDelay), 500);
            s.execute("SET WRITE_DELAY 1000");
            SQLException failed = null;
            try {
                s.execute("RUNSCRIPT FROM '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                failed = e;
            }
            try {
                s.execute("SET WRITE_DELAY " + restore);
            } catch (SQLException e) {
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
            if (failed != null) {
                throw failed;
            }
            s.execute("CHECKPOINT");
            // the history (when and by whom), V1's creation time and V12's first heartbeat say when this database got its
            // schema, as the migrations would have, not when the image was made
            s.executeUpdate("UPDATE \"public\".\"" + HISTORY + "\" SET \"installed_on\" = CURRENT_TIMESTAMP,"
                    + " \"installed_by\" = CURRENT_USER");
            s.executeUpdate("UPDATE \"public\".\"platform_setting\" SET \"setting_value\" = CAST(CURRENT_TIMESTAMP AS VARCHAR(40))"
                    + " WHERE \"setting_name\" = 'schema.created'");
            s.executeUpdate("UPDATE \"public\".\"node_heartbeat\" SET \"beat_at\" = CURRENT_TIMESTAMP WHERE \"heartbeat_id\" = 1");
        } catch (IOException e) {
            throw new SQLException("Could not write the schema image to " + file + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover is overwritten by the next load and never read otherwise
            }
        }
        return true;
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (java.sql.PreparedStatement p = c.prepareStatement(
                "SELECT setting_value FROM information_schema.settings WHERE setting_name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static java.util.List<String> publicTables(Connection c) throws SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "public", name, null)) {
            return rs.next();
        }
    }

    private static int tableCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
