/**
 * Data access for the plugin runtime over JDBC: bindings with their history, triage outcomes and
 * assessments, and alerts. Like {@code nl.proeftuin.core.store.records}, every store takes the
 * caller's {@link java.sql.Connection} and holds no rules; extension points, routes and JSON
 * documents are kept as the caller's strings, so this package does not depend on the SPI.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
