/**
 * The node heartbeat (table {@code node_heartbeat}): the row readiness moves to prove the database
 * takes writes. Like the other store packages, its store takes the caller's {@link java.sql.Connection}
 * (from {@link nl.proeftuin.core.store.Database}) and holds no rules.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
