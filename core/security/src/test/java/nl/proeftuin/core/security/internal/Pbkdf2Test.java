package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pbkdf2Test {

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String hash = Pbkdf2.hash("paars-fietsenrek".toCharArray(), 1000);
        assertTrue(Pbkdf2.verify("paars-fietsenrek".toCharArray(), hash));
        assertFalse(Pbkdf2.verify("paars-fietsenrek!".toCharArray(), hash));
        assertNotEquals(hash, Pbkdf2.hash("paars-fietsenrek".toCharArray(), 1000));
        assertTrue(hash.matches("pbkdf2sha256\\.1000\\.[0-9a-f]{32}\\.[0-9a-f]{64}"), hash);
    }

    @Test
    void aMalformedHashNeverMatches() {
        for (String stored : new String[] {null, "", "secret", "pbkdf2sha256.x.00.00", "pbkdf2sha256.0.00.00",
                "md5.1000.00.00", "pbkdf2sha256.1000.zz.zz"}) {
            assertFalse(Pbkdf2.verify("secret".toCharArray(), stored), String.valueOf(stored));
        }
    }

    @Test
    void karafsEncryptionServiceChecksTheSameHashes() {
        var encryption = new Pbkdf2EncryptionService().createEncryption(java.util.Map.of());
        String hash = Pbkdf2.hash("paars-fietsenrek".toCharArray(), 1000);
        assertTrue(encryption.checkPassword("paars-fietsenrek", hash));
        assertFalse(encryption.checkPassword("wrong", hash));
    }
}
