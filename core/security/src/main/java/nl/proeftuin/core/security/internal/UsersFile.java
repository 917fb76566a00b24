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
 * The realm's users file as Karaf's {@code PropertiesLoginModule} reads it:
 * {@code user = {CRYPT}pbkdf2sha256...{CRYPT},ROLE,ROLE}. Written whole to a temporary file and moved
 * into place, so a login never reads half a file. User ids are restricted to characters that need no
 * escaping in a properties file.
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
            # Users of the proeftuin JAAS realm: user = {CRYPT}<PBKDF2 hash>{CRYPT},ROLE,ROLE...
            # Shipped empty: there are no default credentials. Manage it with the Karaf shell commands
            # proeftuin:user-add, :user-roles, :user-disable, :user-password (never by hand: a hand edit of
            # the roles takes effect at the user's next login only).
            """;
}
