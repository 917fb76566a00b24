package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.backup.BackupStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes a node's backup archive (see {@link BackupArchive}) into {@code data/backups/}: first the
 * access log's checkpoint file (so every checkpoint it holds is older than the database copy, which
 * therefore holds every entry a checkpoint names), then the {@code etc/} files, then H2's online copy.
 * One backup at a time.
 */
@Component(service = NodeBackup.class)
public class NodeBackupService implements NodeBackup {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final BackupStore store;
    private final Path etc;
    private final Path data;
    private final String version;
    private final String revision;
    private final Clock clock;

    @Activate
    public NodeBackupService(@Reference Database database, @Reference BackupStore store, BundleContext context) {
        this(database, store, Path.of(System.getProperty("karaf.etc", "etc")), Path.of(System.getProperty("karaf.data", "data")),
                context.getBundle().getVersion().toString(), context.getBundle().getHeaders().get("Git-SHA"), Clock.systemUTC());
    }

    NodeBackupService(Database database, BackupStore store, Path etc, Path data, String version, String revision, Clock clock) {
        this.database = database;
        this.store = store;
        this.etc = etc;
        this.data = data;
        this.version = version;
        this.revision = revision == null ? "" : revision;
        this.clock = clock;
    }

    @Override
    public synchronized BackupFile create(String fileName, String actor) {
        long start = System.nanoTime();
        if (database.dialect() != Database.Dialect.H2) {
            throw new RuleViolationException("backup-postgresql", "This node runs on PostgreSQL: back up the database with "
                    + "pg_dump (or pg_basebackup) and keep etc/ (users, the BSN key's configuration, the access-log key) "
                    + "and data/audit/ with it; see the README, Operating a region");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String name = fileName == null || fileName.isBlank() ? "proeftuin-backup-" + STAMP.format(now) + ".zip" : fileName.strip();
        if (!FILE_NAME.matcher(name).matches()) {
            throw new InvalidInputException("file", "a file name of letters, digits, '.', '_' and '-' ending in .zip (it is written in data/backups/)");
        }
        // The schedule's names are its own: it reads their time and prunes them (ScheduledBackup).
        if (name.regionMatches(true, 0, ScheduledBackup.PREFIX, 0, ScheduledBackup.PREFIX.length())
                && !ScheduledBackup.ACTOR.equals(actor)) {
            throw new InvalidInputException("file", "names starting with " + ScheduledBackup.PREFIX + " are the scheduled "
                    + "backup's own (it deletes the older ones): choose another name");
        }
        Path dir = data.resolve("backups");
        Path archive = dir.resolve(name);
        if (Files.exists(archive)) {
            throw new InvalidInputException("file", name + " exists already in data/backups/");
        }
        Path work = null;
        try {
            BackupArchive.createPrivateDirectories(dir);
            work = Files.createTempDirectory(dir, ".backup-");
            Map<String, Path> files = new LinkedHashMap<>();
            // 1. The checkpoints, copied before the database: every checkpoint then names an entry the copy has.
            Path checkpoints = data.resolve(BackupArchive.CHECKPOINTS.substring("data/".length()));
            if (Files.isRegularFile(checkpoints)) {
                Path copy = work.resolve("checkpoints");
                Files.copy(checkpoints, copy);
                files.put(BackupArchive.CHECKPOINTS, copy);
            }
            // 2. etc/: a copy of each, so the archive's checksums are of what it holds.
            TreeSet<String> etcNames = new TreeSet<>();
            if (Files.isDirectory(etc)) {
                try (DirectoryStream<Path> all = Files.newDirectoryStream(etc)) {
                    for (Path p : all) {
                        String n = p.getFileName().toString();
                        if (Files.isRegularFile(p) && BackupArchive.carriedFromEtc(n)) {
                            etcNames.add(n);
                        }
                    }
                }
            }
            for (String n : etcNames) {
                Path copy = work.resolve("etc-" + n);
                Files.copy(etc.resolve(n), copy);
                files.put("etc/" + n, copy);
            }
            // 3. The database, consistent as of one moment while requests go on.
            Path db = work.resolve("h2-backup.zip");
            database.read(c -> {
                store.copyDatabase(c, db);
                return null;
            });
            files.put(BackupArchive.DATABASE, db);
            String schema = database.check().schemaVersion();
            BackupArchive.write(archive, files, new BackupArchive.Manifest(BackupArchive.FORMAT, version, revision, schema,
                    "H2", now.toString(), actor, null));
            BackupArchive.restrict(archive);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new BackupFile(name, archive.toAbsolutePath().toString(), Files.size(archive), BackupArchive.sha256(archive),
                    now, schema, files.size(), millis);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // written meanwhile by someone else: not ours to delete
            throw new InvalidInputException("file", name + " exists already in data/backups/");
        } catch (IOException e) {
            deleteQuietly(archive);
            throw new UncheckedIOException("The backup could not be written to " + archive + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(archive);
            throw new DatabaseFailure(e);
        } catch (RuntimeException e) {
            deleteQuietly(archive);
            throw e;
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do: the failure itself is reported
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(NodeBackupService::deleteQuietly);
        } catch (IOException ignored) {
            // a leftover temporary folder in data/backups/, starting with a dot
        }
    }
}
