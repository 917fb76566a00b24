/**
 * Backups of a node (decision 0021): one archive under {@code data/backups/} with the embedded
 * database, the {@code etc/} files that matter and a manifest of checksums; restored offline with
 * {@code bin/proeftuin-restore}.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.api.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
