/**
 * The durable outbox to the municipalities' local teams and its manual retries.
 *
 * Provided by the core (provider types) to its REST layer, web UI and shell; plugins do not use
 * this package (they implement and call {@code nl.proeftuin.core.spi}). It lives in the bundle
 * {@code nl.proeftuin.core.api.runtime}, beside {@code core/api}, because it speaks in SPI types and
 * {@code core/api} sits below the SPI.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.api.localteam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
