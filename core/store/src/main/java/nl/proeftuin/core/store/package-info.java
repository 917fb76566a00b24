/**
 * The platform's database: a pooled, migrated JDBC data source and transactions over it.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
