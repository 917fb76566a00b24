/**
 * The living case (issue 14): what changes in a family's case between moments, per child and per
 * member: the measure per child (OTS, voogdij) with its court decision.
 *
 * Provided by the core (provider types) to its REST layer and web UI.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.api.living;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
