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

    /** Read-change-write under one lock: writers that do not see each other (other instances, the admin tool) lose no line. */
    @Test
    void concurrentUpdatesLoseNoLine() throws Exception {
        Path path = etc.resolve("proeftuin-users.properties");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    UsersFile own = new UsersFile(path); // as another process would: its own instance
                    for (int i = 0; i < 25; i++) {
                        String user = "user" + thread + "x" + i;
                        own.update(now -> now.put(user, new UsersFile.Entry("{CRYPT}h{CRYPT}", Set.of(Role.AUDITOR))) == null);
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, new UsersFile(path).read().size());
    }
}
