/**
 * The plugin runtime as the core's REST layer, web UI and shell see it: plugins present, bindings
 * per region and municipality with their history, triage with provenance, alerts, and the region's
 * register of municipalities. Implemented
 * by the core (provider types); plugins do not use this package.
 *
 * <p>It lives beside the SPI rather than in {@code core/api} because it speaks in SPI types
 * ({@link nl.proeftuin.core.spi.ExtensionPoint}, {@link nl.proeftuin.core.spi.TriageDecision}) and
 * {@code core/api} must not depend on {@code core/spi}.
 */
@Export
@Version("1.2.0")
package nl.proeftuin.core.spi.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
