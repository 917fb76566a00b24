/**
 * The plugin test kit: {@link nl.proeftuin.plugins.testkit.PluginTestKit} boots the core inside the
 * test framework and drives it the way a coordinator and a professional do. Test code only: this
 * bundle is never deployed.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.plugins.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
