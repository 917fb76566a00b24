package nl.proeftuin.plugins.localteam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheConnectorsOwnFileAnswersAndAMissingSecretIsNamedNotShown() throws Exception {
        Path file = dir.resolve("proeftuin-localteam-rest-credentials.properties");
        Files.writeString(file, "arnhem.token = from-file\n");
        Credentials credentials = new Credentials(file);

        assertEquals("from-file", credentials.secret("arnhem.token"));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> credentials.secret("renkum.token"));
        assertTrue(missing.getMessage().contains("renkum.token"));

        Files.writeString(file, "arnhem.token=rotated\n");
        assertEquals("rotated", credentials.secret("arnhem.token"), "read on every lookup");
        assertFalse(missing.getMessage().contains("from-file"));
    }

    @Test
    void neitherTheEnvironmentNorSystemPropertiesAreSecrets() {
        Credentials credentials = new Credentials(dir.resolve("absent.properties"));
        // HOME and PATH are set in every test environment; java.home is a system property
        for (String name : new String[] {"HOME", "PATH", "home", "java.home", "user.name"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> credentials.secret(name));
            if (System.getenv(name) != null) {
                assertFalse(refused.getMessage().contains(System.getenv(name)), "never shows a value");
            }
        }
    }
}
