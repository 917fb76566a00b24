package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;

/**
 * {@code bin/proeftuin-restore [--force] ARCHIVE}: puts a backup (see {@link BackupArchive}) into a
 * stopped node, offline. Run by the script with this bundle's jar and Jackson's on the class path,
 * {@code karaf.etc} and {@code karaf.data} set to the node's (or instance's) folders.
 *
 * <p>Order: the whole archive is checked against its manifest first (a changed, truncated, extended or
 * foreign archive is refused, nothing written: see {@link BackupArchive#verify}); then an existing database
 * is refused unless {@code --force}; then the database files for {@code data/proeftuin/}, the etc files for
 * {@code etc/} and the checkpoints for {@code data/audit/} are written, each 0600, into a folder
 * {@code .restore-*} beside their place ({@link Staging}); only when all are there are they moved into
 * place, each old file moved aside first: a failure on the way leaves the node's old files as they were.
 *
 * <p>Exit status: 0 restored, 1 refused (the message says why), 2 usage.
 */
public final class RestoreTool {
    /** The database folder under karaf.data for the shipped URL ({@code ${karaf.data}/proeftuin/proeftuin}). */
    static final String DATABASE_DIR = "proeftuin";

    private RestoreTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("karaf.etc", "etc")), Path.of(System.getProperty("karaf.data", "data")),
                System.out, System.err));
    }

    static int run(String[] args, Path etc, Path data, PrintStream out, PrintStream err) {
        boolean force = false;
        String archiveArg = null;
        for (String a : args) {
            if (a.equals("--force")) {
                force = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(usage());
                return 0;
            } else if (a.startsWith("-") || archiveArg != null) {
                err.println("proeftuin-restore: " + a + ": unexpected\n" + usage());
                return 2;
            } else {
                archiveArg = a;
            }
        }
        if (archiveArg == null) {
            err.println(usage());
            return 2;
        }
        Path archive = Path.of(archiveArg);
        if (!Files.isRegularFile(archive)) {
            err.println("proeftuin-restore: refused: " + archive + " is not a file");
            return 1;
        }
        BackupArchive.Manifest manifest;
        try {
            manifest = BackupArchive.verify(archive);
        } catch (BackupArchive.Refused e) {
            err.println("proeftuin-restore: refused: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        Path dbDir = data.resolve(DATABASE_DIR);
        List<String> existing = new ArrayList<>();
        if (Files.isDirectory(dbDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dbDir, "*.db")) {
                files.forEach(f -> existing.add(f.getFileName().toString()));
            } catch (IOException e) {
                err.println("proeftuin-restore: refused: cannot read " + dbDir + ": " + e.getMessage());
                return 1;
            }
        }
        if (existing.contains("proeftuin.lock.db")) {
            err.println("proeftuin-restore: refused: the node seems to run (" + dbDir.resolve("proeftuin.lock.db")
                    + " exists): stop it first");
            return 1;
        }
        if (!existing.isEmpty() && !force) {
            err.println("proeftuin-restore: refused: " + dbDir + " holds a database already (" + String.join(", ", existing)
                    + "); give --force to replace it (etc/ files are replaced too)");
            return 1;
        }
        // 1. Every file is written beside its target first (a folder .restore-* in the target's folder),
        //    each entry checked against the manifest once more while it is read: a failure changes nothing.
        Staging staging = new Staging();
        List<String> written = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (String old : existing) {
                staging.remove(dbDir.resolve(old));
            }
            for (BackupArchive.Entry e : manifest.entries()) {
                if (e.name().equals(BackupArchive.DATABASE)) {
                    BackupArchive.readChecked(zip, e, in -> BackupArchive.readDatabaseCopy(in, (name, content) -> {
                        staging.write(dbDir.resolve(name), content);
                        written.add("database: " + dbDir.resolve(name));
                    }));
                } else if (e.name().startsWith("etc/")) {
                    Path target = etc.resolve(e.name().substring("etc/".length()));
                    BackupArchive.readChecked(zip, e, in -> staging.write(target, in));
                    written.add("etc: " + target);
                } else if (e.name().equals(BackupArchive.CHECKPOINTS)) {
                    Path target = data.resolve(BackupArchive.CHECKPOINTS.substring("data/".length()));
                    BackupArchive.readChecked(zip, e, in -> staging.write(target, in));
                    written.add("data: " + target);
                }
            }
        } catch (IOException | RuntimeException | BackupArchive.Refused e) {
            staging.discard();
            err.println("proeftuin-restore: failed before changing anything: " + e.getMessage() + "; nothing was changed");
            return 1;
        }
        // 2. Swapped in together: each old file moved aside, the new one moved in (atomic moves); undone on failure.
        try {
            staging.swap();
        } catch (IOException | RuntimeException e) {
            List<Path> left = staging.undo();
            if (left.isEmpty()) {
                err.println("proeftuin-restore: failed while putting the files in place: " + e + "; every old file is back, "
                        + "nothing was changed");
            } else {
                err.println("proeftuin-restore: failed while putting the files in place: " + e + "; these could not be put "
                        + "back: " + left + "; the old files are in " + staging.folders() + ": move them back by hand");
            }
            return 1;
        }
        staging.finish();
        written.forEach(out::println);
        out.println("Restored the backup of " + manifest.createdAt() + " (platform " + manifest.platformVersion()
                + ", schema " + manifest.schemaVersion() + ", " + manifest.entries().size() + " files checked). Start the node.");
        return 0;
    }

    /**
     * A restore's writes, made beside their targets and swapped in together at the end: each target folder
     * gets a folder {@code .restore-*} (0700) holding the new files ({@code new/}) and, during the swap, the
     * old ones ({@code old/}). Until {@link #swap} nothing of the node is changed; {@link #undo} puts every old
     * file back; {@link #finish} deletes the old files.
     */
    static final class Staging {
        /** Target folder: its .restore-* folder. */
        private final Map<Path, Path> folders = new LinkedHashMap<>();
        /** Folders this restore created (parents first), removed again by {@link #discard} when empty. */
        private final List<Path> created = new ArrayList<>();
        /** Target: its new file, or null for an old file that goes without a successor. */
        private final Map<Path, Path> plan = new LinkedHashMap<>();
        /** Targets swapped (or being swapped), in order. */
        private final List<Path> swapped = new ArrayList<>();

        /** Writes the new content of {@code target} (0600) beside it. */
        void write(Path target, InputStream content) throws IOException {
            Path t = target.toAbsolutePath().normalize();
            if (plan.get(t) != null) {
                throw new IOException(t + " would be written twice");
            }
            if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(t + " is a folder, not a file");
            }
            Path file = folder(t.getParent()).resolve("new").resolve(t.getFileName().toString());
            BackupArchive.writePrivateFile(file, content);
            plan.put(t, file);
        }

        /** Moves {@code target} away at the swap (unless a new file replaces it anyway). */
        void remove(Path target) throws IOException {
            Path t = target.toAbsolutePath().normalize();
            folder(t.getParent());
            plan.putIfAbsent(t, null);
        }

        private Path folder(Path dir) throws IOException {
            Path f = folders.get(dir);
            if (f == null) {
                List<Path> missing = new ArrayList<>();
                for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
                    missing.add(0, p);
                }
                for (Path p : missing) {
                    BackupArchive.createPrivateDirectory(p);
                    created.add(p);
                }
                f = dir.resolve(".restore-" + UUID.randomUUID());
                BackupArchive.createPrivateDirectory(f);
                folders.put(dir, f);
                BackupArchive.createPrivateDirectory(f.resolve("new"));
                BackupArchive.createPrivateDirectory(f.resolve("old"));
            }
            return f;
        }

        private Path aside(Path target) {
            return folders.get(target.getParent()).resolve("old").resolve(target.getFileName().toString());
        }

        /** Moves each old file aside and the new one into its place. */
        void swap() throws IOException {
            for (Map.Entry<Path, Path> p : plan.entrySet()) {
                Path target = p.getKey();
                swapped.add(target);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target, aside(target), StandardCopyOption.ATOMIC_MOVE);
                }
                if (p.getValue() != null) {
                    Files.move(p.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }

        /** Puts the old files back after a failed swap; returns the targets that could not be (empty: all as before). */
        List<Path> undo() {
            List<Path> left = new ArrayList<>();
            for (int i = swapped.size() - 1; i >= 0; i--) {
                Path target = swapped.get(i);
                Path fresh = plan.get(target);
                Path old = aside(target);
                try {
                    if (fresh != null && !Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(target, fresh, StandardCopyOption.ATOMIC_MOVE); // the new file, moved in
                    }
                    if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException | RuntimeException e) {
                    left.add(target);
                }
            }
            swapped.clear();
            if (left.isEmpty()) {
                discard();
            }
            return left;
        }

        /** Deletes the staging folders and the folders this restore created (when empty). */
        void discard() {
            finish();
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException | RuntimeException e) {
                    // not empty: something else is in it now
                }
            }
        }

        /** Deletes the staging folders (after a swap: with the old files). */
        void finish() {
            for (Path f : folders.values()) {
                try (var paths = Files.walk(f)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            // a leftover .restore-* folder, named in no configuration
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    // likewise
                }
            }
        }

        List<Path> folders() {
            return List.copyOf(folders.values());
        }
    }

    private static String usage() {
        return """
                Usage: bin/proeftuin-restore [--force] ARCHIVE
                  Restores a backup written by proeftuin:backup or POST /api/v1/backups into this STOPPED node
                  (its etc/ and data/, or the instance folder's). The archive is checked against its manifest
                  first; an existing database is replaced only with --force.""";
    }
}
