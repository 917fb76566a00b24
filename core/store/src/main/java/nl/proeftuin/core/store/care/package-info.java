/**
 * Data access for care paths (steps, incidents) and procurement (care requests, maatwerk).
 *
 * Every store takes the caller's {@link java.sql.Connection}, so that the engine composes several
 * in one transaction, and holds no rules; extension points, routes and JSON documents are kept as
 * the caller's strings, so this package does not depend on the SPI.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.care;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
