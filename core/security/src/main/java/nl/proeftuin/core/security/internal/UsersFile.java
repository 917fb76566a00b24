package nl.proeftuin.core.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.proeftuin.core.security.Role;

/**
 * The realm's users file, an inbox that {@link AccountRealm} moves into the database:
 * {@code user = {CRYPT}pbkdf2sha256...{CRYPT},ROLE,ROLE} (the form of Karaf's own users file). Written
 * whole to a temporary file and moved into place, so a reader never sees half a file. User ids are
 * restricted to characters that need no escaping in a properties file.
 */
final class UsersFile {
    static final String CRYPT = "{CRYPT}";

    /** One line: the stored password hash and the roles. */
    record Entry(String hash, Set<Role> roles) {
    }

    private final Path path;

    UsersFile(Path path) {
        this.path = path;
    }

    /** Read and write for the owner only (0600), on a POSIX file system. */
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");

    /**
     * Makes the file readable by its owner only (0600) when it exists and the file system knows
     * POSIX permissions: the shipped (empty) file comes out of the archive as 0644, and the hashes in
     * it are nobody else's business.
     */
    synchronized void restrict() {
        try {
            if (Files.exists(path) && Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
            }
        } catch (IOException | UnsupportedOperationException e) {
            org.slf4j.LoggerFactory.getLogger(UsersFile.class).warn(
                    "{} could not be made readable by its owner only (0600): {}", path, e.toString());
        }
    }

    Path path() {
        return path;
    }

    /** @return when the file was last written, or null when there is none */
    java.nio.file.attribute.FileTime modified() {
        try {
            return Files.exists(path) ? Files.getLastModifiedTime(path) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Removes the given entries, each only while the file still holds it unchanged (a line written
     * meanwhile, by bin/proeftuin-admin, stays for the next import); the rest of the file stays as it is.
     */
    synchronized void removeIfUnchanged(Map<String, Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        update(now -> now.entrySet().removeIf(e -> e.getValue().equals(entries.get(e.getKey()))));
    }

    /** A change of the whole file; says whether it changed anything (only then is the file written). */
    @FunctionalInterface
    interface Change {
        boolean apply(Map<String, Entry> users);
    }

    /**
     * Reads, changes and writes the file under an exclusive lock on a lock file beside it, which the
     * platform and {@code bin/proeftuin-admin} (another process) both take: neither loses a line the
     * other wrote between its read and its write.
     */
    void update(Change change) {
        Path lock = path.resolveSibling("." + path.getFileName() + ".lock");
        // a file lock is held for the whole JVM: threads of this JVM (any instance of this class) queue here first
        synchronized (LOCKS.computeIfAbsent(lock.toAbsolutePath().normalize(), k -> new Object())) {
            updateLocked(lock, change);
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private void updateLocked(Path lock, Change change) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = channel.lock()) {
                Map<String, Entry> users = read();
                if (change.apply(users)) {
                    write(users);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lock, e);
        }
    }

    synchronized Map<String, Entry> read() {
        Map<String, Entry> users = new TreeMap<>();
        if (!Files.exists(path)) {
            return users;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        for (String user : properties.stringPropertyNames()) {
            if (user.startsWith("_g_:")) {
                continue; // a group line, written by hand: not a user
            }
            String[] parts = properties.getProperty(user).split(",");
            Set<Role> roles = new LinkedHashSet<>();
            for (int i = 1; i < parts.length; i++) {
                role(parts[i]).ifPresent(roles::add);
            }
            users.put(user, new Entry(parts[0].strip(), roles));
        }
        return users;
    }

    synchronized void write(Map<String, Entry> users) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), ".proeftuin-users", ".tmp");
            if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY); // before a byte is written; kept by the move
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                for (Map.Entry<String, Entry> user : new TreeMap<>(users).entrySet()) {
                    out.write(user.getKey() + " = " + user.getValue().hash()
                            + user.getValue().roles().stream().map(r -> "," + r.name()).collect(Collectors.joining())
                            + "\n");
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    static java.util.Optional<Role> role(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(n)).findFirst();
    }

    static final String HEADER = """
            # An inbox of accounts for the proeftuin realm: user = {CRYPT}<PBKDF2 hash>{CRYPT},ROLE,ROLE...
            # The accounts live in the database, shared by every node. An entry here creates its account at
            # the platform's next start (or next login) and is then removed from this file; it never changes
            # an existing account. Shipped empty: there are no default credentials. bin/proeftuin-admin
            # create-administrator writes here; otherwise use user administration (web UI, REST, or the shell's
            # proeftuin:user-add, :user-roles, :user-disable, :user-password).
            """;
}
