package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file in etc/ that holds the national id key is readable by its owner only (0600). */
class NationalIdKeyFileTest {
    @TempDir
    Path etc;

    private Path keyFile() throws Exception {
        Path file = etc.resolve(NationalIdProtection.PID + ".cfg");
        Path written = Files.createTempFile(etc, "written", ".tmp");
        Files.writeString(written, ".key = c2VjcmV0\n");
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-r--r--"));
        // appears whole, with the default permissions
        return Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void anExistingKeyFileIsRestrictedToItsOwner() throws Exception {
        Path file = keyFile();
        assertTrue(NationalIdProtection.restrictKeyFile(etc));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aKeyFileWrittenLaterIsRestrictedWhenItAppears() throws Exception {
        assertFalse(NationalIdProtection.restrictKeyFile(etc));
        Thread watcher = NationalIdProtection.restrictKeyFileWhenWritten(etc, Duration.ofSeconds(20));
        Thread.sleep(300);
        Path file = keyFile(); // as Karaf's FileInstall writes it: with the default permissions
        watcher.join(20_000);
        assertFalse(watcher.isAlive());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
