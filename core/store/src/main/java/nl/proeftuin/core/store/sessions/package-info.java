/**
 * Login sessions and login throttling: tables {@code user_session}, {@code login_throttle} and
 * {@code login_known_client}. The stores take the caller's {@link java.sql.Connection} (from
 * {@link nl.proeftuin.core.store.Database}), so that a login's reads and writes stay one transaction,
 * and hold no rules: lifetimes, delays and keys are core/security's.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.sessions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
