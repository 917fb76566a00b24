package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * {@code bin/proeftuin-restore [--force] ARCHIVE}: puts a backup (see {@link BackupArchive}) into a
 * stopped node, offline. Run by the script with this bundle's jar and Jackson's on the class path,
 * {@code karaf.etc} and {@code karaf.data} set to the node's (or instance's) folders.
 *
 * <p>Order: the whole archive is checked against its manifest first (a changed, truncated or foreign
 * archive is refused, nothing written); then an existing database is refused unless {@code --force};
 * then the database files go to {@code data/proeftuin/}, the etc files to {@code etc/} and the
 * checkpoints to {@code data/audit/}, each 0600 (a temporary file moved into place).
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
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            // The database: H2's own zip, file by file (plain names only).
            try (InputStream nested = zip.getInputStream(zip.getEntry(BackupArchive.DATABASE));
                    ZipInputStream h2 = new ZipInputStream(nested)) {
                for (String old : existing) {
                    Files.deleteIfExists(dbDir.resolve(old));
                }
                for (ZipEntry e = h2.getNextEntry(); e != null; e = h2.getNextEntry()) {
                    if (e.isDirectory() || !BackupArchive.databaseFileName(e.getName())) {
                        throw new IOException("unexpected file in the database copy: " + e.getName());
                    }
                    BackupArchive.place(h2, dbDir.resolve(e.getName()));
                    out.println("database: " + dbDir.resolve(e.getName()));
                }
            }
            for (BackupArchive.Entry e : manifest.entries()) {
                if (e.name().startsWith("etc/")) {
                    Path target = etc.resolve(e.name().substring("etc/".length()));
                    BackupArchive.extract(zip, e.name(), target);
                    out.println("etc: " + target);
                } else if (e.name().equals(BackupArchive.CHECKPOINTS)) {
                    Path target = data.resolve(BackupArchive.CHECKPOINTS.substring("data/".length()));
                    BackupArchive.extract(zip, e.name(), target);
                    out.println("data: " + target);
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("proeftuin-restore: failed while writing: " + e + "; the node's folders may be partly restored: "
                    + "run the restore again (with --force)");
            return 1;
        }
        out.println("Restored the backup of " + manifest.createdAt() + " (platform " + manifest.platformVersion()
                + ", schema " + manifest.schemaVersion() + ", " + manifest.entries().size() + " files checked). Start the node.");
        return 0;
    }

    private static String usage() {
        return """
                Usage: bin/proeftuin-restore [--force] ARCHIVE
                  Restores a backup written by proeftuin:backup or POST /api/v1/backups into this STOPPED node
                  (its etc/ and data/, or the instance folder's). The archive is checked against its manifest
                  first; an existing database is replaced only with --force.""";
    }
}
