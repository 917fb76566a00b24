package nl.proeftuin.core.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the database cannot forge: the key of the entries' MACs and the checkpoints of the chain's head,
 * both kept outside the database (docs/decisions/0008-access-log-keyed-anchored-after-the-handler.md).
 *
 * <p>The key is a file of 32 random bytes (Base64), generated on first start with mode 0600 and never
 * overwritten. Every node on one database must use the same key file (copy it before the second node
 * starts), and it must be backed up with Karaf's {@code etc/}: without it, verification reports
 * every entry as not authentic.
 *
 * <p>A checkpoint is one line appended (and forced to disk) to a file outside the database:
 * {@code v1 <seq> <entry hash> <time> <mac>}, the MAC over the other fields. A chain that ends before
 * the last checkpoint was cut; an entry whose hash differs from its checkpoint was rewritten.
 */
final class AuditSeal {
    static final int KEY_BYTES = 32;
    /** The key of the in-memory seal: one per JVM, so several test logs on one database agree. */
    private static final byte[] TEST_KEY = randomKey();

    /** One anchored head: entry {@code seq} had hash {@code hash} at {@code at}. */
    record Checkpoint(long seq, String hash, Instant at) {
    }

    /**
     * The checkpoints as read back: the authentic ones, the lines that are not, and the authentic marks of
     * a verification that found the chain intact up to an entry (the start of the next incremental one).
     */
    record Checkpoints(List<Checkpoint> valid, List<String> forged, List<Checkpoint> verified) {
        Checkpoint last() {
            return valid.isEmpty() ? null : valid.get(valid.size() - 1);
        }
    }

    private final SecretKeySpec key;
    /** Null: checkpoints kept in memory only (tests). */
    private final Path checkpointFile;
    private final List<String> memory = new ArrayList<>();

    private AuditSeal(byte[] key, Path checkpointFile) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the access log key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.checkpointFile = checkpointFile;
    }

    /**
     * @param keyFile        the key; generated (mode 0600) when the file does not exist
     * @param checkpointFile where checkpoints are appended (its directory is made, mode 0700)
     * @throws IOException when the key cannot be read or saved: better not to start than to log with a
     *                     key that is lost at the next restart
     */
    static AuditSeal open(Path keyFile, Path checkpointFile) throws IOException {
        return new AuditSeal(keyOf(keyFile), checkpointFile);
    }

    /** A seal with the JVM's test key and in-memory checkpoints. */
    static AuditSeal inMemory() {
        return new AuditSeal(TEST_KEY, null);
    }

    /** A seal with this key and in-memory checkpoints (tests: another installation's key). */
    static AuditSeal inMemory(byte[] key) {
        return new AuditSeal(key, null);
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static byte[] keyOf(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] key = randomKey();
            Path dir = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".audit-key", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                // never overwrite: when another node or start made one meanwhile, that one counts
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException raced) {
                // read below
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("the access log key " + keyFile + " is not Base64", e);
        }
    }

    /** Compares the key with the region's before its first use, when that could not be done at start; null: done. */
    private volatile Runnable regionKeyCheck;

    void compareBeforeUse(Runnable check) {
        regionKeyCheck = check;
    }

    /**
     * Before an entry is written: the key compared with the region's (at start, or now).
     *
     * @throws IllegalStateException when it differs, or cannot be compared yet (the database unreachable)
     */
    void comparedWithRegion() {
        Runnable check = regionKeyCheck;
        if (check != null) {
            check.run();
            regionKeyCheck = null;
        }
    }

    /**
     * @return this key's fingerprint: HMAC-SHA256 (hex) of a fixed label under the key, never the key;
     *         every node of a region must show the same (table region_key)
     */
    String fingerprint() {
        return mac("proeftuin access log key fingerprint");
    }

    /** @return HMAC-SHA256 (hex) of an entry, over its hash (which covers every field and the link) */
    String entryMac(String entryHash) {
        return mac("proeftuin access log entry\n" + entryHash);
    }

    boolean entryMacMatches(String entryHash, String mac) {
        return mac != null && MessageDigest.isEqual(entryMac(entryHash).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private String checkpointMac(long seq, String hash, Instant at) {
        return mac("proeftuin access log checkpoint\n" + seq + "\n" + hash + "\n" + at);
    }

    /** Another label than a checkpoint's: a checkpoint line cannot be passed off as a verification's mark. */
    private String verifiedMac(long seq, String hash, Instant at) {
        return mac("proeftuin access log verified\n" + seq + "\n" + hash + "\n" + at);
    }

    /** One initialised Mac per thread: computing a MAC is then a few microseconds, no provider lookup. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private String mac(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends a checkpoint and forces it to disk. */
    synchronized void checkpoint(Checkpoint c) throws IOException {
        append("v1 " + c.seq() + " " + c.hash() + " " + c.at() + " " + checkpointMac(c.seq(), c.hash(), c.at()));
    }

    /**
     * Appends the mark of a verification that found entries 1 to {@code c.seq()} intact, {@code c.hash()}
     * being the last one's hash, and forces it to disk.
     */
    synchronized void verified(Checkpoint c) throws IOException {
        append("verified1 " + c.seq() + " " + c.hash() + " " + c.at() + " " + verifiedMac(c.seq(), c.hash(), c.at()));
    }

    private void append(String line) throws IOException {
        if (checkpointFile == null) {
            memory.add(line);
            return;
        }
        Path dir = checkpointFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(checkpointFile)) {
            try {
                Files.createFile(checkpointFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                // appended below
            }
        }
        try (FileChannel ch = FileChannel.open(checkpointFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
    }

    /** Reads every checkpoint; lines whose MAC does not match (or that do not parse) are reported, not used. */
    synchronized Checkpoints checkpoints() throws IOException {
        List<String> lines = checkpointFile == null ? List.copyOf(memory)
                : Files.exists(checkpointFile) ? Files.readAllLines(checkpointFile, StandardCharsets.US_ASCII) : List.of();
        List<Checkpoint> valid = new ArrayList<>();
        List<Checkpoint> verified = new ArrayList<>();
        List<String> forged = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean mark = line.startsWith("verified1 ");
            Checkpoint c = parse(line, mark);
            if (c == null) {
                forged.add("line " + (i + 1));
            } else {
                (mark ? verified : valid).add(c);
            }
        }
        return new Checkpoints(List.copyOf(valid), List.copyOf(forged), List.copyOf(verified));
    }

    private Checkpoint parse(String line, boolean mark) {
        String[] f = line.strip().split(" ");
        if (f.length != 5 || !(mark ? "verified1" : "v1").equals(f[0])) {
            return null;
        }
        try {
            Checkpoint c = new Checkpoint(Long.parseLong(f[1]), f[2], Instant.parse(f[3]));
            String expected = mark ? verifiedMac(c.seq(), c.hash(), c.at()) : checkpointMac(c.seq(), c.hash(), c.at());
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    f[4].getBytes(StandardCharsets.US_ASCII)) ? c : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** For messages: where the checkpoints are kept. */
    String where() {
        return checkpointFile == null ? "memory" : checkpointFile.toString();
    }
}
