package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.karaf.jaas.modules.Encryption;
import org.junit.jupiter.api.Test;

/**
 * The Karaf shell as the distribution ships it: SSH on loopback only, and Karaf's JAAS realm (the
 * shell's users in etc/users.properties) hashing passwords with this bundle's salted PBKDF2 service.
 */
class ShippedShellConfigTest {
    private static final Path ETC = Path.of("../../distribution/src/main/resources/etc");

    private static Properties cfg(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(ETC.resolve(name))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void sshListensOnLoopbackOnly() throws IOException {
        assertEquals("127.0.0.1", cfg("org.apache.karaf.shell.cfg").getProperty("sshHost").strip());
    }

    @Test
    void theShellRealmHashesPasswordsWithSaltedPbkdf2() throws IOException {
        Properties jaas = cfg("org.apache.karaf.jaas.cfg");
        assertEquals("true", jaas.getProperty("encryption.enabled").strip());
        assertEquals(Pbkdf2EncryptionService.NAME, jaas.getProperty("encryption.name").strip());
        Encryption encryption = new Pbkdf2EncryptionService().createEncryption(Map.of());
        String one = encryption.encryptPassword("shell passphrase of the operator");
        String two = encryption.encryptPassword("shell passphrase of the operator");
        assertNotEquals(one, two, "salted");
        assertFalse(one.contains("shell passphrase"));
        assertTrue(encryption.checkPassword("shell passphrase of the operator", one));
        assertFalse(encryption.checkPassword("Shell passphrase of the operator", one));
    }
}
