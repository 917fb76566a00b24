package nl.proeftuin.core.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Applies the pending schema migrations so that a failure leaves the database as it was (decision 0025).
 *
 * <ul>
 *   <li><b>PostgreSQL</b> runs DDL in transactions: all pending migrations run in ONE transaction
 *       (Flyway's {@code group}), so a failure rolls every one of them back, not only the failing one.</li>
 *   <li><b>An embedded H2 file</b> commits each DDL statement on its own, so no transaction can undo a
 *       half-applied migration. Before migrating, the pool is closed (H2 closes the file cleanly), the file
 *       is copied to {@code NAME.before-migration.mv.db}, and the pool reopened. On failure the pool is
 *       closed again, the failed attempt is moved aside to {@code NAME.failed-V<version>.mv.db} (for
 *       diagnosis) and the copy moved back: the file is the one the previous release left. On success
 *       the copy is deleted. A copy found at start while migrations are pending is the mark of a migration
 *       interrupted by a crash: it is put back first, and the migration runs again. A copy found when the
 *       database is already at the latest schema (the copy could not be deleted) is moved aside, never put
 *       back: the live file is the newer one. A file moved aside never replaces an earlier one.</li>
 * </ul>
 * A failure is logged once, at ERROR, naming the migration, the database's error and what was done;
 * the {@link MigrationFailedException} thrown carries the same text and no cause, so the component
 * runtime's failure report (which health shows) ends with it.
 */
final class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    static final String DEFAULT_LOCATION = "classpath:db/migration";

    /** Thrown when a migration failed; the database was left (or put back) as it was before. */
    static final class MigrationFailedException extends SQLException {
        private static final long serialVersionUID = 1L;

        MigrationFailedException(String message) {
            super(message);
        }
    }

    /** What happened: the schema version reached. */
    record Outcome(String version) {
    }

    private final String url;
    private final List<String> locations;
    private final Supplier<HikariDataSource> pools;

    /**
     * @param url       the JDBC URL (decides PostgreSQL, an embedded H2 file, or neither)
     * @param locations Flyway locations (the bundle's own, plus test-only ones in tests)
     * @param pools     opens a new pool on the database
     */
    SchemaMigration(String url, List<String> locations, Supplier<HikariDataSource> pools) {
        this.url = url;
        this.locations = withEngineLocation(url, locations);
        this.pools = pools;
    }

    /**
     * Migrates through {@code pool}; may close it and open another (H2 file), which it returns in
     * {@code holder[0]}. On failure every pool it opened is closed.
     */
    Outcome migrate(HikariDataSource[] holder) throws SQLException {
        Optional<Path> file = h2File(url);
        Path copy = file.map(SchemaMigration::copyPath).orElse(null);
        if (copy != null && Files.exists(copy) && migrated(holder[0])) {
            // The migration finished but its copy was not deleted: the live file is the newer one (it may
            // hold weeks of work since); the copy is old and must never be put back.
            Path aside = moveAside(copy, failedPath(file.get(), "stale-copy"));
            LOG.warning(() -> "A copy taken before an earlier, finished schema migration was still there; it was"
                    + " moved aside to " + aside + " and not used (the database is at the latest schema)");
        } else if (copy != null && Files.exists(copy)) {
            // An earlier start died while migrating: the copy is the database as the previous start left it.
            holder[0].close();
            Path aside = moveAside(file.get(), failedPath(file.get(), "interrupted"));
            move(copy, file.get());
            LOG.warning(() -> "An earlier schema migration was interrupted: the database was put back from "
                    + copy + " (the interrupted attempt is kept as " + aside + "); migrating again");
            holder[0] = pools.get();
        }
        if (file.isPresent() && H2SchemaImage.applies(url, locations)) {
            long start = System.nanoTime();
            try (java.sql.Connection c = holder[0].getConnection()) {
                if (H2SchemaImage.loadIfEmpty(c, file.get().toAbsolutePath().getParent())) {
                    LOG.info(() -> "Empty database: schema created from the image of migrations V1 to V" + H2SchemaImage.VERSION
                            + " in " + (System.nanoTime() - start) / 1_000_000 + " ms; Flyway applies any later one");
                }
            }
        }
        try (java.sql.Connection c = holder[0].getConnection()) {
            Optional<String> current = MigrationsApplied.upToDate(c, locations);
            if (current.isPresent()) {
                return new Outcome(current.get());
            }
        }
        Flyway flyway = flyway(holder[0]);
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        String before = version(info.current());
        if (pending.length == 0) {
            return new Outcome(before);
        }
        boolean copied = false;
        if (file.isPresent() && info.current() != null && Files.exists(file.get())) {
            holder[0].close(); // the last connection closes the H2 database: the file is consistent
            copyFile(file.get(), copy);
            copied = true;
            holder[0] = pools.get();
            flyway = flyway(holder[0]);
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            Flyway used = flyway;
            MigrationInfo failed = failedMigration(e).or(() -> failedMigration(used)).orElse(pending[0]);
            String what = "Schema migration V" + version(failed) + " (" + failed.getDescription() + ") failed: "
                    + databaseError(e) + ".";
            String outcome;
            holder[0].close();
            if (copied) {
                Path aside = moveAside(file.get(), failedPath(file.get(), "V" + version(failed)));
                move(copy, file.get());
                outcome = " The database was left as it was, at schema version " + orNone(before)
                        + " (put back from the copy taken before migrating; the failed attempt is kept as " + aside + ").";
            } else if (isPostgres()) {
                outcome = " The database was left as it was, at schema version " + orNone(before)
                        + " (PostgreSQL rolled back all " + pending.length + " pending migrations together).";
            } else {
                outcome = " The database may hold part of the failed migration (no copy could be taken of this database).";
            }
            String message = what + outcome + " This node is not ready. Fix the cause, or go back to the previous"
                    + " release, and start again.";
            LOG.log(Level.SEVERE, message, e);
            throw new MigrationFailedException(message);
        }
        if (copied) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete " + copy + " after the migration succeeded; delete it", e);
            }
        }
        String after = version(flyway.info().current());
        LOG.info(() -> "Schema migrated from version " + orNone(before) + " to " + after + " (" + pending.length
                + " migration" + (pending.length == 1 ? "" : "s") + ")");
        return new Outcome(after);
    }

    private Flyway flyway(HikariDataSource dataSource) {
        // Flyway is embedded: give it this bundle's class loader so it finds both its own
        // database plugins (ServiceLoader) and our migration scripts.
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .group(isPostgres())
                .loggers(FlywayLog.class.getName())
                .load();
    }

    /**
     * The bundle's own location plus its engine's own folder ({@code db/migration-postgresql} or
     * {@code db/migration-h2}): a migration that needs what only one engine has (V25: PostgreSQL's
     * trigram and expression indexes) is written once per engine under the same version (decision 0036).
     */
    static List<String> withEngineLocation(String url, List<String> locations) {
        List<String> all = new java.util.ArrayList<>(locations);
        if (locations.contains(DEFAULT_LOCATION)) {
            if (url.startsWith("jdbc:postgresql:")) {
                all.add(DEFAULT_LOCATION + "-postgresql");
            } else if (url.startsWith("jdbc:h2:")) {
                all.add(DEFAULT_LOCATION + "-h2");
            }
        }
        return List.copyOf(all);
    }

    private boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The migration Flyway names in its exception (its own type, embedded in this bundle like all of Flyway). */
    private static Optional<MigrationInfo> failedMigration(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException m && m.getMigration() != null) {
                return Optional.of(m.getMigration());
            }
        }
        return Optional.empty();
    }

    /** The first migration Flyway records as failed (H2), else the first still pending (rolled back). */
    private static Optional<MigrationInfo> failedMigration(Flyway flyway) {
        try {
            MigrationInfo[] all = flyway.info().all();
            return Arrays.stream(all).filter(m -> m.getState().isFailed()).findFirst()
                    .or(() -> Arrays.stream(all).filter(m -> m.getState() == org.flywaydb.core.api.MigrationState.PENDING)
                            .findFirst());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The database's own message (first line) and SQL state, else Flyway's first line. */
    static String databaseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = firstLine(sql.getMessage());
                return sql.getSQLState() == null ? message : message + " (SQL state " + sql.getSQLState() + ")";
            }
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        // H2 appends the whole statement after "; SQL statement:"; the migration's name says which one
        int statement = line.indexOf("; SQL statement:");
        if (statement > 0) {
            line = line.substring(0, statement);
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String version(MigrationInfo info) {
        return info == null || info.getVersion() == null ? "" : info.getVersion().getVersion();
    }

    private static String orNone(String version) {
        return version.isEmpty() ? "none (empty)" : version;
    }

    /**
     * The main file of an embedded H2 database ({@code jdbc:h2:file:PATH}, {@code jdbc:h2:retry:PATH} or
     * {@code jdbc:h2:PATH}), else empty (PostgreSQL, in-memory, a server or any other URL).
     */
    static Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        // H2's file systems over one file on disk: retry: (the shipped URL, decision 0051), async:, nioMapped:
        rest = rest.replaceFirst("(?i)^(async|retry|niomapped):", "");
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|async|memfs|memlzf|retry|rec):.*")) {
            return Optional.empty();
        }
        if (rest.isEmpty() || rest.toLowerCase(Locale.ROOT).startsWith("mem:")) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(Path.of(rest + ".mv.db").toAbsolutePath());
    }

    /** {@code NAME.before-migration.mv.db} next to {@code NAME.mv.db}. */
    static Path copyPath(Path file) {
        return file.resolveSibling(baseName(file) + ".before-migration.mv.db");
    }

    static Path failedPath(Path file, String what) {
        return file.resolveSibling(baseName(file) + ".failed-" + what + ".mv.db");
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".mv.db".length());
    }

    private static void copyFile(Path file, Path copy) throws SQLException {
        Path partial = copy.resolveSibling(copy.getFileName() + ".part");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            // the copy's final name appears only once it is whole: found at start, it can be trusted
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            String message = "Schema migration not started: could not copy the database " + file + " to " + copy
                    + " first (" + e + "). The database is unchanged; this node is not ready. Free disk space and start again.";
            LOG.log(Level.SEVERE, message, e);
            throw new MigrationFailedException(message);
        }
    }

    /** Moves {@code file} to {@code aside}, or beside it with a time suffix when that exists already. */
    private static Path moveAside(Path file, Path aside) throws SQLException {
        Path target = Files.exists(aside)
                ? aside.resolveSibling(aside.getFileName() + "." + System.currentTimeMillis()) : aside;
        if (Files.exists(file)) {
            move(file, target);
        }
        return target;
    }

    /** True when the database has no pending and no failed migration: a migration has nothing left to do. */
    private boolean migrated(HikariDataSource dataSource) {
        MigrationInfoService info = flyway(dataSource).info();
        return info.current() != null && info.pending().length == 0
                && Arrays.stream(info.all()).noneMatch(m -> m.getState().isFailed());
    }

    private static void move(Path from, Path to) throws SQLException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            String message = "Could not move " + from + " to " + to + " (" + e + ") while putting the database back"
                    + " after a failed schema migration. This node is not ready. Put the copy back by hand: " + from;
            LOG.log(Level.SEVERE, message, e);
            throw new MigrationFailedException(message);
        }
    }
}
