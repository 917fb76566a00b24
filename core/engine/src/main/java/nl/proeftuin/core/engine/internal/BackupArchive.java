package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The backup archive's format (decision 0021), shared by the writer in the running node
 * ({@link NodeBackupService}) and the offline restore ({@link RestoreTool}): a zip with
 * <ul>
 * <li>{@code database/h2-backup.zip}: H2's own online copy ({@code BACKUP TO}), holding {@code proeftuin.mv.db};</li>
 * <li>{@code etc/NAME}: the files of {@code etc/} a node cannot do without (users, the BSN key's
 * configuration, the access-log key, the nl.proeftuin.* configurations);</li>
 * <li>{@code data/audit/access-log-checkpoints}: the access log's anchors outside the database;</li>
 * <li>{@code manifest.json}, last: versions, creation time and the size and SHA-256 of every other entry.</li>
 * </ul>
 * Only this class knows the entry names; reading refuses any name outside these forms, so an archive
 * cannot write outside {@code etc/} and {@code data/}.
 */
final class BackupArchive {
    static final String MANIFEST = "manifest.json";
    static final String DATABASE = "database/h2-backup.zip";
    static final String CHECKPOINTS = "data/audit/access-log-checkpoints";
    static final int FORMAT = 1;
    /** etc/ entries: a plain file name. */
    private static final Pattern ETC_ENTRY = Pattern.compile("etc/[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    /** A file name inside H2's own zip. */
    private static final Pattern DATABASE_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private BackupArchive() {
    }

    /** One file of the archive, as the manifest lists it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String name, long size, String sha256) {
    }

    /** The manifest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manifest(int format, String platformVersion, String gitRevision, String schemaVersion, String database,
            String createdAt, String createdBy, List<Entry> entries) {
    }

    /** The files of etc/ a backup carries: the platform's own (users, keys, pending accounts, credentials) and its configurations. */
    static boolean carriedFromEtc(String fileName) {
        return (fileName.startsWith("proeftuin-") || fileName.startsWith("nl.proeftuin.") && fileName.endsWith(".cfg"))
                && ETC_ENTRY.matcher("etc/" + fileName).matches();
    }

    /** Whether an entry name is one this format writes (anything else is refused on reading). */
    static boolean knownEntry(String name) {
        return name.equals(DATABASE) || name.equals(CHECKPOINTS) || ETC_ENTRY.matcher(name).matches();
    }

    /** Writes the archive: the files in this order, then the manifest with their checksums; 0600 from the start. */
    static void write(Path archive, Map<String, Path> files, Manifest header) throws IOException {
        List<Entry> entries = new ArrayList<>();
        // 0600 from its creation: no moment in which another local user could open it
        if (posix(archive.toAbsolutePath().getParent())) {
            Files.createFile(archive, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(archive);
        }
        try (OutputStream out = Files.newOutputStream(archive, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                if (!knownEntry(f.getKey())) {
                    throw new IllegalArgumentException("not an entry of a backup: " + f.getKey());
                }
                zip.putNextEntry(new ZipEntry(f.getKey()));
                MessageDigest sha = sha256();
                long size;
                try (InputStream in = new DigestInputStream(Files.newInputStream(f.getValue()), sha)) {
                    size = in.transferTo(zip);
                }
                zip.closeEntry();
                entries.add(new Entry(f.getKey(), size, HexFormat.of().formatHex(sha.digest())));
            }
            Manifest manifest = new Manifest(FORMAT, header.platformVersion(), header.gitRevision(), header.schemaVersion(),
                    header.database(), header.createdAt(), header.createdBy(), entries);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        }
    }

    /** Why an archive is refused. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Reads the manifest and checks every entry against it: the same names (none missing, none
     * added), sizes and SHA-256. A truncated or changed archive is refused.
     */
    static Manifest verify(Path archive) throws Refused {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry m = zip.getEntry(MANIFEST);
            if (m == null) {
                throw new Refused("no " + MANIFEST + ": not a Proeftuin backup");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(m)) {
                manifest = JSON.readValue(in, Manifest.class);
            }
            if (manifest.format() != FORMAT || manifest.entries() == null) {
                throw new Refused("backup format " + manifest.format() + " is not " + FORMAT);
            }
            Map<String, Entry> listed = new HashMap<>();
            for (Entry e : manifest.entries()) {
                if (e == null || e.name() == null || !knownEntry(e.name()) || listed.put(e.name(), e) != null) {
                    throw new Refused("the manifest lists an entry this format does not have: " + (e == null ? null : e.name()));
                }
            }
            if (!listed.containsKey(DATABASE)) {
                throw new Refused("the manifest lists no database");
            }
            int seen = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry z = all.nextElement();
                if (z.getName().equals(MANIFEST)) {
                    continue;
                }
                Entry e = listed.get(z.getName());
                if (e == null) {
                    throw new Refused("entry " + z.getName() + " is not in the manifest");
                }
                MessageDigest sha = sha256();
                long size;
                try (InputStream in = new DigestInputStream(zip.getInputStream(z), sha)) {
                    size = in.transferTo(OutputStream.nullOutputStream());
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                if (size != e.size() || !hash.equals(e.sha256())) {
                    throw new Refused("entry " + z.getName() + " does not match its checksum in the manifest (changed or damaged)");
                }
                seen++;
            }
            if (seen != listed.size()) {
                throw new Refused("the archive lacks " + (listed.size() - seen) + " of the manifest's entries");
            }
            return manifest;
        } catch (IOException e) {
            throw new Refused("cannot read the archive (truncated or not a zip): " + e.getMessage());
        }
    }

    /** Copies one entry to a file with mode 0600: a temporary file next to it, moved into place. */
    static void extract(ZipFile zip, String name, Path target) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            place(in, target);
        }
    }

    /** Writes a stream to a file with mode 0600 (temporary file, then a move). */
    static void place(InputStream in, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        Path tmp = posix(dir) ? Files.createTempFile(dir, ".restore-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".restore-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        restrict(target);
    }

    /** The files of H2's own zip, each a plain name (anything else is refused). */
    static boolean databaseFileName(String name) {
        return DATABASE_FILE.matcher(name).matches();
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir.getRoot() == null ? Path.of(".") : dir.getRoot())) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(dir, attr);
        } else {
            Files.createDirectories(dir);
        }
    }

    static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a whole file, hexadecimal. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
