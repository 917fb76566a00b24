/**
 * The living case (issue 14, decision 0032): what changes in a family's case between moments: the
 * measure and parental authority per child, members over time, new signals linked to the open case,
 * and the independent review asked of a named reviewer.
 *
 * Provided by the core (provider types) to its REST layer and web UI.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.api.living;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
