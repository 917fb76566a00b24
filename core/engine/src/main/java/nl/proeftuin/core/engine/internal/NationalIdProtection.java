package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.ProtectedNationalId;
import nl.proeftuin.core.store.cluster.RegionJobs;
import nl.proeftuin.core.store.cluster.RegionKeyStore;
import nl.proeftuin.core.store.cluster.RegionKeys;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

/**
 * Protects the citizen service number (BSN) at rest: the store keeps an AES-256-GCM ciphertext, a
 * keyed digest for recognising a BSN recorded twice, and the last three digits for the mask.
 *
 * <p>One secret (the private configuration property {@code .key}) gives two independent keys,
 * HMAC-SHA256(secret, label), one to encrypt and one for the digest. The digest is keyed because
 * there are only about 10^8 valid BSNs: a plain hash would be reversed by trying them all.
 *
 * <p><b>The key must be backed up with Karaf's {@code etc/}</b>: when none is configured, one is
 * generated on activation and saved through ConfigurationAdmin, which Karaf writes to
 * {@code etc/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg}. Losing it makes every
 * stored BSN unreadable and duplicate recognition impossible (new digests would not match the old).
 * Several nodes on one database must share the key: copy the file before the second node starts.
 *
 * <p>The region keeps the key's fingerprint (HMAC-SHA256 of a fixed label under the secret, never the
 * secret; table {@code region_key}, decision 0027), recorded by the first node that starts. A node whose
 * key gives another fingerprint does not activate this component: it says why once in its log and in
 * {@code /api/v1/health/details}, is not ready (503, so the load balancer takes it out), and every
 * route that needs a BSN answers 503, rather than storing BSNs that the other nodes cannot read or match.
 */
@Component(service = NationalIdProtection.class, configurationPid = NationalIdProtection.PID)
@Designate(ocd = NationalIdProtectionConfig.class)
public class NationalIdProtection {

    static final String PID = "nl.proeftuin.core.engine.internal.NationalIdProtection";
    /** Private (leading dot): Configuration Admin keeps it, DS does not publish it as a service property. */
    static final String KEY = ".key";
    /** The name of this key in {@code region_key}. */
    static final String REGION_KEY = "national-id";
    private static final String FINGERPRINT_LABEL = "proeftuin national id key fingerprint";
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec digestKey;
    private final String fingerprint;
    /** Compares this key with the region's before its first use, when that could not be done at start; null: done. */
    private volatile Runnable regionKeyCheck;

    /**
     * @param config             the key, if configured
     * @param configurationAdmin to save a generated key when none is configured
     * @throws IOException when a generated key cannot be saved: better not to start than to protect
     *                     BSNs with a key that is lost at the next restart
     */
    @Activate
    public NationalIdProtection(NationalIdProtectionConfig config, @Reference ConfigurationAdmin configurationAdmin,
            @Reference Database database, @Reference RegionKeyStore regionKeys, @Reference RegionJobs jobs)
            throws IOException {
        this(configuredOrGenerated(config._key(), configurationAdmin));
        checkRegionKey(database, regionKeys, jobs.node());
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        // Karaf (Felix FileInstall) writes the saved key to etc/ in the background: restrict the file
        // now if it is there, else as soon as it appears
        if (!restrictKeyFile(etc)) {
            restrictKeyFileWhenWritten(etc, Duration.ofSeconds(60));
        }
    }

    /**
     * Makes {@code etc/<PID>.cfg}, which holds the key, readable by its owner only (0600) on a POSIX
     * file system (created as 0644 otherwise, readable by every local user).
     *
     * @return whether the file exists (and was restricted, or could not be)
     */
    static boolean restrictKeyFile(Path etc) {
        Path file = etc.resolve(PID + ".cfg");
        if (!Files.exists(file)) {
            return false;
        }
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(NationalIdProtection.class).warn(
                    "{} holds the national id key and could not be made readable by its owner only (0600): {}", file,
                    e.toString());
        }
        return true;
    }

    /** Restricts the key file once it is written, checking every 100 ms for at most {@code patience}. */
    static Thread restrictKeyFileWhenWritten(Path etc, Duration patience) {
        Thread watcher = new Thread(() -> {
            long deadline = System.nanoTime() + patience.toNanos();
            try {
                while (!restrictKeyFile(etc) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "proeftuin-national-id-key-permissions");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /**
     * A configuration change. The key this component generates is saved into its own
     * configuration: that update must not restart it (and every service that uses it), so it is
     * taken here. A different key is refused: BSNs stored under the current one would become
     * unreadable and unmatchable; changing keys needs a re-encryption, not a configuration edit.
     */
    @Modified
    void modified(NationalIdProtectionConfig config) {
        String key = config._key();
        if (key == null || key.isBlank()) {
            return;
        }
        byte[] digest = hmac(decodeKey(key), "proeftuin national id digest");
        if (!MessageDigest.isEqual(digest, digestKey.getEncoded())) {
            LoggerFactory.getLogger(NationalIdProtection.class).error(
                    "{} {} was changed while running; the key in use is kept. Stored national ids need the key they"
                    + " were protected with: restore the previous key.", PID, KEY);
        }
    }

    /** With the secret itself: for tests, and the activator's last step. */
    NationalIdProtection(byte[] secret) {
        if (secret.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes, not " + secret.length);
        }
        this.encryptionKey = new SecretKeySpec(hmac(secret, "proeftuin national id encryption"), "AES");
        this.digestKey = new SecretKeySpec(hmac(secret, "proeftuin national id digest"), "HmacSHA256");
        this.fingerprint = HexFormat.of().formatHex(hmac(secret, FINGERPRINT_LABEL));
    }

    /** @return the key's fingerprint: HMAC-SHA256 of a fixed label under the secret, in hex (not the secret) */
    String fingerprint() {
        return fingerprint;
    }

    /**
     * Records this key's fingerprint as the region's when there is none yet, else compares.
     *
     * @throws IllegalStateException when the region's fingerprint differs: this node must not serve BSNs
     */
    void checkRegionKey(Database database, RegionKeyStore regionKeys, String node) {
        java.util.function.BiFunction<String, String, String> why = (mine, region) ->
                "This node's national id (BSN) key differs from the region's: its fingerprint " + mine
                + " is not the region's " + region + " (table region_key). BSNs stored by the other nodes would be"
                + " unreadable here and BSNs stored here unreadable there, so this node does not serve them and"
                + " is not ready. Copy etc/" + PID + ".cfg from a node of the region and restart.";
        if (!RegionKeys.check(database, regionKeys, REGION_KEY, fingerprint, node, why)) {
            regionKeyCheck = () -> {
                RegionKeys.ensure(database, regionKeys, REGION_KEY, fingerprint, node, why);
                regionKeyCheck = null;
            };
        }
    }

    /** Before the key's use: compared with the region's (throws when it differs or cannot be compared yet). */
    private void regionsKey() {
        Runnable check = regionKeyCheck;
        if (check != null) {
            check.run();
        }
    }

    /**
     * The configured secret; when none is, the one already saved in Configuration Admin (a race with
     * the configuration's delivery), else a new one, saved before it is used. An existing key is
     * never overwritten.
     */
    static byte[] configuredOrGenerated(String configured, ConfigurationAdmin configurationAdmin) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return decodeKey(configured);
        }
        Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        Object saved = properties.get(KEY);
        if (saved instanceof String s && !s.isBlank()) {
            return decodeKey(s);
        }
        byte[] secret = new byte[KEY_BYTES];
        RANDOM.nextBytes(secret);
        properties.put(KEY, Base64.getEncoder().encodeToString(secret));
        // Saving changes the configuration; modified() takes that without a restart.
        configuration.update(properties);
        return secret;
    }

    private static byte[] decodeKey(String base64) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " " + KEY + " is not base64", e);
        }
        if (secret.length != KEY_BYTES) {
            throw new IllegalArgumentException(PID + " " + KEY + " must be " + KEY_BYTES + " bytes, not "
                    + secret.length);
        }
        return secret;
    }

    /**
     * @param bsn a valid BSN (nine digits; surrounding blanks are ignored)
     * @return its protected form, with a fresh random IV
     */
    public ProtectedNationalId protect(String bsn) {
        regionsKey();
        String normalised = normalise(bsn);
        String digest = lookupDigest(normalised);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            // The digest as associated data binds the ciphertext to its row's digest: a ciphertext
            // copied to another person does not decrypt there.
            cipher.updateAAD(digest.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(normalised.getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return new ProtectedNationalId(digest, Base64.getEncoder().encodeToString(out), normalised.substring(6));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
    }

    /**
     * @param bsn a valid BSN
     * @return the keyed digest (HMAC-SHA256, hex) that finds a person recorded with it
     */
    public String lookupDigest(String bsn) {
        regionsKey();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            return HexFormat.of().formatHex(mac.doFinal(normalise(bsn).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /**
     * @param id a protected BSN made with this key
     * @return the BSN in clear
     * @throws IllegalArgumentException when it was not made with this key or was altered
     */
    public String reveal(ProtectedNationalId id) {
        regionsKey();
        String bsn;
        try {
            byte[] in = Base64.getDecoder().decode(id.sealed());
            if (in.length <= IV_BYTES) {
                throw new IllegalArgumentException("the protected BSN is too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(id.lookupDigest().getBytes(StandardCharsets.US_ASCII));
            bsn = new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the protected BSN was altered or made with another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
        if (!MessageDigest.isEqual(lookupDigest(bsn).getBytes(StandardCharsets.US_ASCII),
                id.lookupDigest().getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the protected BSN does not match its digest");
        }
        return bsn;
    }

    private static String normalise(String bsn) {
        String s = bsn.strip();
        if (!s.matches("[0-9]{9}")) {
            // Check.bsn has refused this already: a caller that skipped it is a bug, not bad input.
            throw new IllegalArgumentException("a BSN has nine digits");
        }
        return s;
    }

    private static byte[] hmac(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
