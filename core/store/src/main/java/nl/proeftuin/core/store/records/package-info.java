/**
 * Data access for the domain over JDBC: stores that take the caller's {@link java.sql.Connection}, so
 * that the engine composes several of them in one transaction. Stores hold no rules.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.records;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
