package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.ProtectedNationalId;
import nl.proeftuin.core.store.internal.JdbcRegionKeyStore;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class NationalIdProtectionTest {

    static byte[] randomKey() {
        byte[] key = new byte[NationalIdProtection.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    final NationalIdProtection protection = new NationalIdProtection(randomKey());

    @Test
    void aProtectedBsnRevealsTheBsnAndShowsOnlyItsLastThreeDigits() {
        ProtectedNationalId p = protection.protect(" 123456782 ");
        assertEquals("123456782", protection.reveal(p));
        assertEquals("782", p.lastDigits());
        assertFalse(p.sealed().contains("123456782"));
        assertFalse(new String(Base64.getDecoder().decode(p.sealed()), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("123456782"));
        assertFalse(p.lookupDigest().contains("123456782"));
        assertTrue(p.lookupDigest().matches("[0-9a-f]{64}"));
    }

    @Test
    void theDigestIsStableSoARecordedBsnIsRecognisedButTheCiphertextIsFreshEveryTime() {
        ProtectedNationalId a = protection.protect("123456782");
        ProtectedNationalId b = protection.protect("123456782");
        assertEquals(a.lookupDigest(), b.lookupDigest());
        assertEquals(a.lookupDigest(), protection.lookupDigest("123456782"));
        assertNotEquals(a.sealed(), b.sealed(), "a random IV per BSN");
        assertNotEquals(a.lookupDigest(), protection.lookupDigest("111222333"));
        // another installation's key gives other digests: the digest is keyed, not a plain hash
        assertNotEquals(a.lookupDigest(), new NationalIdProtection(randomKey()).lookupDigest("123456782"));
    }

    @Test
    void anAlteredCiphertextOrAnotherKeyOrAnotherRowsDigestIsRefused() {
        ProtectedNationalId p = protection.protect("123456782");
        byte[] raw = Base64.getDecoder().decode(p.sealed());
        raw[raw.length - 20] ^= 1;
        ProtectedNationalId tampered = new ProtectedNationalId(p.lookupDigest(),
                Base64.getEncoder().encodeToString(raw), p.lastDigits());
        assertThrows(IllegalArgumentException.class, () -> protection.reveal(tampered));
        assertThrows(IllegalArgumentException.class, () -> new NationalIdProtection(randomKey()).reveal(p));
        ProtectedNationalId moved = new ProtectedNationalId(protection.lookupDigest("111222333"), p.sealed(), "333");
        assertThrows(IllegalArgumentException.class, () -> protection.reveal(moved));
        assertThrows(IllegalArgumentException.class,
                () -> protection.reveal(new ProtectedNationalId(p.lookupDigest(), "AAAA", "782")));
    }

    @Test
    void aMissingKeyIsGeneratedAndSavedThroughConfigurationAdmin() throws Exception {
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin(null);
        byte[] secret = NationalIdProtection.configuredOrGenerated("", admin.proxy());
        assertEquals(NationalIdProtection.KEY_BYTES, secret.length);
        assertEquals(List.of(NationalIdProtection.PID + " ?"), admin.asked);
        assertEquals(1, admin.updates.size());
        String saved = (String) admin.updates.get(0).get(".key");
        assertArrayEquals(secret, Base64.getDecoder().decode(saved));

        // what was saved is what the next activation reads: same digest, old ciphertexts readable
        ProtectedNationalId p = new NationalIdProtection(secret).protect("123456782");
        NationalIdProtection restarted = new NationalIdProtection(NationalIdProtection.configuredOrGenerated(saved,
                new FakeConfigurationAdmin(null).proxy()));
        assertEquals("123456782", restarted.reveal(p));
        assertEquals(p.lookupDigest(), restarted.lookupDigest("123456782"));
    }

    @Test
    void aKeyAlreadySavedIsUsedAndNeverOverwritten() throws Exception {
        byte[] existing = randomKey();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(".key", Base64.getEncoder().encodeToString(existing));
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin(properties);
        assertArrayEquals(existing, NationalIdProtection.configuredOrGenerated(null, admin.proxy()));
        assertTrue(admin.updates.isEmpty());
    }

    @Test
    void aConfiguredKeyIsUsedWithoutConfigurationAdminAndAMalformedOneStopsActivation() throws Exception {
        byte[] key = randomKey();
        FakeConfigurationAdmin admin = new FakeConfigurationAdmin(null);
        assertArrayEquals(key, NationalIdProtection.configuredOrGenerated(Base64.getEncoder().encodeToString(key),
                admin.proxy()));
        assertTrue(admin.asked.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> NationalIdProtection.configuredOrGenerated("not base64!",
                admin.proxy()));
        assertThrows(IllegalArgumentException.class, () -> NationalIdProtection.configuredOrGenerated(
                Base64.getEncoder().encodeToString(new byte[16]), admin.proxy()));
        assertTrue(admin.updates.isEmpty(), "a bad key is reported, not replaced");
    }

    /** Just enough ConfigurationAdmin for the key handling: getConfiguration, getProperties, update. */
    static final class FakeConfigurationAdmin {
        final List<String> asked = new ArrayList<>();
        final List<Dictionary<String, Object>> updates = new ArrayList<>();
        private Dictionary<String, Object> properties;

        FakeConfigurationAdmin(Dictionary<String, Object> properties) {
            this.properties = properties;
        }

        ConfigurationAdmin proxy() {
            Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (self, method, args) -> switch (method.getName()) {
                        case "getProperties" -> properties == null ? null : copy(properties);
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                            updates.add(copy(d));
                            properties = copy(d);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (self, method, args) -> {
                        if (method.getName().equals("getConfiguration") && args.length == 2) {
                            asked.add(args[0] + " " + args[1]);
                            return configuration;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
            Hashtable<String, Object> out = new Hashtable<>();
            for (var keys = d.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                out.put(k, d.get(k));
            }
            return out;
        }
    }

    /** Several nodes, one key (decision 0027): the first node records its fingerprint, a node with another key refuses. */
    @Test
    void aNodeWhoseKeyIsNotTheRegionsRefusesAndSaysWhy(@TempDir java.nio.file.Path dir) throws Exception {
        Database database = TestDatabases.h2(dir);
        try {
            JdbcRegionKeyStore keys = new JdbcRegionKeyStore();
            byte[] regionKey = randomKey();
            NationalIdProtection first = new NationalIdProtection(regionKey);
            first.checkRegionKey(database, keys, "node-a");
            assertEquals(first.fingerprint(), database.read(c -> keys.find(c, NationalIdProtection.REGION_KEY)).orElseThrow());
            assertFalse(first.fingerprint().contains(java.util.HexFormat.of().formatHex(regionKey)), "never the key");
            new NationalIdProtection(regionKey.clone()).checkRegionKey(database, keys, "node-b"); // same key: serves

            NationalIdProtection other = new NationalIdProtection(randomKey());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> other.checkRegionKey(database, keys, "node-c"));
            assertTrue(refused.getMessage().contains("differs from the region's"), refused.getMessage());
            assertTrue(refused.getMessage().contains(first.fingerprint().substring(0, 12)), refused.getMessage());
            assertEquals(first.fingerprint(), database.read(c -> keys.find(c, NationalIdProtection.REGION_KEY)).orElseThrow(),
                    "the region's fingerprint stays");
        } finally {
            TestDatabases.close(database);
        }
    }
}
