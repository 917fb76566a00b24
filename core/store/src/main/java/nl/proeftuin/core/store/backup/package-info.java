/**
 * The online copy of the embedded database for a node backup (decision 0021). Like the other store
 * packages, its store takes the caller's {@link java.sql.Connection} (from
 * {@link nl.proeftuin.core.store.Database}) and holds no rules.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
