package nl.proeftuin.core.api.backup;

import java.time.Instant;

/**
 * A backup archive as written: where, how big and its SHA-256 (to compare a copy with), never its content.
 *
 * @param file          the file name under {@code data/backups/}
 * @param path          the absolute path on the node
 * @param size          bytes
 * @param sha256        the archive's SHA-256, hexadecimal
 * @param createdAt     when it was written
 * @param schemaVersion the database's Flyway schema version
 * @param entries       how many files it holds (the manifest not counted)
 * @param millis        how long writing it took
 */
public record BackupFile(String file, String path, long size, String sha256, Instant createdAt, String schemaVersion,
        int entries, long millis) {
}
