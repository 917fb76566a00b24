/**
 * The extension points a region or pilot fills with plugin bundles: {@link nl.proeftuin.core.spi.Triage},
 * {@link nl.proeftuin.core.spi.CarePath}, {@link nl.proeftuin.core.spi.LocalTeamConnector} and
 * {@link nl.proeftuin.core.spi.ProcurementConnector}.
 *
 * <p><b>How a plugin takes part.</b> A plugin bundle registers one Declarative Services component
 * per extension point it serves, with the service property {@value nl.proeftuin.core.spi.PluginId#PROPERTY}
 * (use the {@link nl.proeftuin.core.spi.PluginId} component property type). The core tracks every such
 * service dynamically; a coordinator <i>binds</i> a plugin to an extension point for the region or
 * for one municipality, with a configuration (a string map) that the core passes on every call.
 *
 * <p><b>What the core guarantees.</b> A request resolves its binding once, at its start, and keeps
 * it to its end. Calls are made on a core thread with a time budget (default 2 s); when a plugin
 * is absent, throws or overruns, the core applies the extension point's fallback, records it and
 * raises an alert; the request still succeeds. Every decision a plugin returns is stored with the
 * plugin id, bundle version, a hash of the configuration and digests of input and output.
 *
 * <p><b>What a plugin must not do.</b> Keep no state between calls that changes its decisions
 * (decisions must be explainable from input and configuration); write nothing to the core's
 * database; not block beyond its budget; not depend on any core package other than
 * {@code nl.proeftuin.core.api*} and {@code nl.proeftuin.core.spi} (a build check enforces it).
 */
@Export
@Version("1.5.0")
package nl.proeftuin.core.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
