package nl.proeftuin.plugins.localteam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void theFileComesFirstThenTheEnvironmentAndAMissingSecretIsNamedNotShown() throws Exception {
        Path file = dir.resolve("proeftuin-credentials.properties");
        Files.writeString(file, "arnhem.token = from-file\n");
        Credentials credentials = new Credentials(file, Map.of("ARNHEM_TOKEN", "from-env", "EDE_TOKEN", "ede-env")::get);

        assertEquals("from-file", credentials.secret("arnhem.token"));
        assertEquals("ede-env", credentials.secret("ede.token"));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> credentials.secret("renkum.token"));
        assertTrue(missing.getMessage().contains("renkum.token") && missing.getMessage().contains("RENKUM_TOKEN"));

        Files.writeString(file, "arnhem.token=rotated\n");
        assertEquals("rotated", credentials.secret("arnhem.token"), "read on every lookup");
        assertFalse(missing.getMessage().contains("from-file"));
    }

    @Test
    void withoutAFileTheEnvironmentAnswers() {
        Credentials credentials = new Credentials(dir.resolve("absent.properties"), Map.of("A_B_C", "x")::get);
        assertEquals("x", credentials.secret("a.b-c"));
    }
}
