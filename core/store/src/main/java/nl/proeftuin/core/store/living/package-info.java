/** The living case's tables (issue 14): measures per child. */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.living;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
