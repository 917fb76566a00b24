package nl.proeftuin.core.engine.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
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
 * configuration, the access-log key, the nl.proeftuin.* configurations: {@link #carriedFromEtc});</li>
 * <li>{@code data/audit/access-log-checkpoints}: the access log's anchors outside the database;</li>
 * <li>{@code manifest.json}, last: versions, creation time and the size and SHA-256 of every other entry.</li>
 * </ul>
 * Only this class knows the entry names; reading refuses any name a backup does not write (so an archive
 * cannot write outside {@code etc/} and {@code data/}, nor Karaf's own files in {@code etc/}), any name
 * twice, and inside H2's copy any file but {@link #H2_FILES}.
 */
final class BackupArchive {
    static final String MANIFEST = "manifest.json";
    static final String DATABASE = "database/h2-backup.zip";
    static final String CHECKPOINTS = "data/audit/access-log-checkpoints";
    static final int FORMAT = 1;
    /** etc/ entries: a plain file name; {@code ~} as in the factory configurations Karaf writes ({@code pid~name.cfg}). */
    private static final Pattern ETC_ENTRY = Pattern.compile("etc/[A-Za-z0-9][A-Za-z0-9._~-]{0,200}");
    /** The database file inside H2's own zip, for the shipped URL ({@code ${karaf.data}/proeftuin/proeftuin}). */
    static final String H2_DATABASE_FILE = "proeftuin.mv.db";
    /** The only files H2's own zip may hold (BACKUP TO writes the MVStore file alone). */
    static final Set<String> H2_FILES = Set.of(H2_DATABASE_FILE);
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

    /**
     * Whether an entry name is one this format writes (anything else is refused on reading): an etc/ file
     * only if {@link #carriedFromEtc} would have carried it, so an archive cannot bring Karaf's own files
     * (users.properties, the shell's ACLs, startup.properties) into a node.
     */
    static boolean knownEntry(String name) {
        return name.equals(DATABASE) || name.equals(CHECKPOINTS)
                || name.startsWith("etc/") && carriedFromEtc(name.substring("etc/".length()));
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
     * added, none twice), sizes and SHA-256; inside H2's copy only {@link #H2_FILES}, each once and
     * readable, {@link #H2_DATABASE_FILE} among them. A truncated, changed or foreign archive is refused.
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
                if (e == null || e.name() == null || !knownEntry(e.name())) {
                    throw new Refused("the manifest lists an entry a backup does not write: " + (e == null ? null : e.name())
                            + " (of etc/ only the platform's own files: proeftuin-*, nl.proeftuin.*.cfg)");
                }
                if (listed.put(e.name(), e) != null) {
                    throw new Refused("the manifest lists " + e.name() + " twice");
                }
            }
            if (!listed.containsKey(DATABASE)) {
                throw new Refused("the manifest lists no database");
            }
            Set<String> seen = new HashSet<>();
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry z = all.nextElement();
                // a zip may hold a name twice, and reading by name gives one of them only: refused
                if (!seen.add(z.getName())) {
                    throw new Refused("entry " + z.getName() + " is in the archive twice");
                }
                if (z.getName().equals(MANIFEST)) {
                    continue;
                }
                Entry e = listed.get(z.getName());
                if (e == null) {
                    throw new Refused("entry " + z.getName() + " is not in the manifest");
                }
                String[] nested = {null};
                readChecked(zip, e, !e.name().equals(DATABASE) ? null : in -> {
                    try {
                        readDatabaseCopy(in, (name, content) -> content.transferTo(OutputStream.nullOutputStream()));
                    } catch (Refused | IOException bad) {
                        nested[0] = bad.getMessage(); // reported once the entry's own checksum is known to match
                    }
                });
                if (nested[0] != null) {
                    throw new Refused(nested[0]);
                }
            }
            List<String> missing = listed.keySet().stream().filter(n -> !seen.contains(n)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new Refused("the archive lacks the manifest's entries " + String.join(", ", missing));
            }
            return manifest;
        } catch (IOException e) {
            throw new Refused("cannot read the archive (truncated or not a zip): " + e.getMessage());
        }
    }

    /** Reads an entry's content (the stream given is positioned at its start). */
    interface EntryReader {
        void read(InputStream in) throws IOException, Refused;
    }

    /** Takes one file of H2's copy (the stream ends with the file). */
    interface DatabaseFileReader {
        void read(String name, InputStream content) throws IOException, Refused;
    }

    /**
     * Reads one entry: first through {@code reader} (if any), then to its end; its size and SHA-256
     * must then be the manifest's (so whatever the reader took is what was checked).
     */
    static void readChecked(ZipFile zip, Entry e, EntryReader reader) throws IOException, Refused {
        ZipEntry z = zip.getEntry(e.name());
        if (z == null) {
            throw new Refused("the archive lacks " + e.name());
        }
        MessageDigest sha = sha256();
        try (Counting counted = new Counting(zip.getInputStream(z)); InputStream in = new DigestInputStream(counted, sha)) {
            if (reader != null) {
                reader.read(in);
            }
            in.transferTo(OutputStream.nullOutputStream());
            if (counted.count != e.size() || !HexFormat.of().formatHex(sha.digest()).equals(e.sha256())) {
                throw new Refused("entry " + e.name() + " does not match its checksum in the manifest (changed or damaged)");
            }
        }
    }

    /**
     * Reads H2's own zip, file by file: only {@link #H2_FILES}, each once, {@link #H2_DATABASE_FILE}
     * among them; every file is read to its end (the zip's CRC checked). The stream is not closed.
     */
    static void readDatabaseCopy(InputStream in, DatabaseFileReader files) throws IOException, Refused {
        @SuppressWarnings("resource") // closing it would close the archive's entry, read on by the caller
        ZipInputStream h2 = new ZipInputStream(in);
        Set<String> names = new HashSet<>();
        for (ZipEntry e = h2.getNextEntry(); e != null; e = h2.getNextEntry()) {
            if (e.isDirectory() || !H2_FILES.contains(e.getName())) {
                throw new Refused("the database copy holds " + e.getName() + ", not H2's file " + H2_DATABASE_FILE);
            }
            if (!names.add(e.getName())) {
                throw new Refused("the database copy holds " + e.getName() + " twice");
            }
            files.read(e.getName(), h2);
            h2.transferTo(OutputStream.nullOutputStream());
        }
        if (!names.contains(H2_DATABASE_FILE)) {
            throw new Refused("the database copy holds no " + H2_DATABASE_FILE);
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Creates a new file with mode 0600 from the start and writes the stream into it. */
    static void writePrivateFile(Path file, InputStream in) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
        restrict(file);
    }

    /** Creates one folder with mode 0700 (its parent must exist). */
    static void createPrivateDirectory(Path dir) throws IOException {
        if (posix(dir.toAbsolutePath().getParent())) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
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
