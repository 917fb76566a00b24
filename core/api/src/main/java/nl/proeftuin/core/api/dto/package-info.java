/**
 * The core model as plain data: family system, case, team, plan and records. No logic.
 *
 * <p>Dutch field terms are given in the Javadoc where a reader needs them.
 */
@Export
@Version("1.3.0")
package nl.proeftuin.core.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
