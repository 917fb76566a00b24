/**
 * What the outcome monitor reads: a read-only projection over the case tables (cases, plan versions,
 * care requests, assignments, handovers, case events). It owns no table and writes nothing; every
 * table it reads keeps its one owning store. It takes the caller's {@link java.sql.Connection}.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
