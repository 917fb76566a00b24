/**
 * The core services the REST layer and plugins call, and the errors they raise.
 */
@Export
@Version("1.2.0")
package nl.proeftuin.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
