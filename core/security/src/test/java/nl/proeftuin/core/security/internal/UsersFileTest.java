package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file (password hashes) is readable by its owner only (0600), shipped or written. */
class UsersFileTest {
    @TempDir
    Path etc;

    @Test
    void theShippedFileIsRestrictedAndEveryWriteKeepsItOwnerOnly() throws Exception {
        Path path = etc.resolve("proeftuin-users.properties");
        Files.writeString(path, "# shipped empty\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        UsersFile file = new UsersFile(path);
        file.restrict();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));

        Files.delete(path);
        file.write(Map.of("anna.local", new UsersFile.Entry("{CRYPT}x{CRYPT}", Set.of(Role.PROFESSIONAL))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }
}
