package nl.proeftuin.core.api.backup;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes a backup archive of this node while it runs. Callers check who may (a regional
 * administrator) and log the call; the archive itself never leaves the node through this service.
 */
@ProviderType
public interface NodeBackup {

    /**
     * Writes one archive into {@code data/backups/} (mode 0600).
     *
     * @param fileName the archive's file name (letters, digits, {@code . _ -}, ending in {@code .zip}),
     *                 or null for {@code proeftuin-backup-<UTC time>.zip}
     * @param actor    who asks, for the manifest
     * @return what was written
     * @throws nl.proeftuin.core.api.InvalidInputException   for a bad file name or one that exists
     * @throws nl.proeftuin.core.api.RuleViolationException  {@code backup-postgresql} when the node runs
     *                                                       on PostgreSQL (use pg_dump)
     * @throws java.io.UncheckedIOException                  when the archive cannot be written
     */
    BackupFile create(String fileName, String actor);
}
