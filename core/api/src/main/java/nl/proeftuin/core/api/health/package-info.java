/**
 * Health of the platform: what {@code GET /api/v1/health} reports and what core bundles contribute.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
