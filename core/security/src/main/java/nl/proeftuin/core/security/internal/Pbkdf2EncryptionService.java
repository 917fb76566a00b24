package nl.proeftuin.core.security.internal;

import java.util.Map;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;

/**
 * Plugs salted PBKDF2 hashing into Karaf's JAAS login modules: a realm whose options say
 * {@code encryption.name = proeftuin-pbkdf2} checks passwords with {@link Pbkdf2}. Karaf's own
 * "basic" encryption is an unsalted digest, which a stolen users file would not survive. Registered by
 * {@link SecurityActivator} when the bundle starts, before Karaf's JAAS modules do.
 */
public class Pbkdf2EncryptionService implements EncryptionService {
    static final String NAME = "proeftuin-pbkdf2";

    @Override
    public Encryption createEncryption(Map<String, String> options) {
        return new Encryption() {
            @Override
            public String encryptPassword(String password) {
                return Pbkdf2.hash(password.toCharArray(), Pbkdf2.DEFAULT_ITERATIONS);
            }

            @Override
            public boolean checkPassword(String provided, String stored) {
                return provided != null && Pbkdf2.verify(provided.toCharArray(), stored);
            }
        };
    }
}
