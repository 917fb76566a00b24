/**
 * User accounts and their municipality scope: tables {@code user_account} and
 * {@code user_municipality}. The store takes the caller's {@link java.sql.Connection} (from
 * {@link nl.proeftuin.core.store.Database}) and holds no rules (passwords and roles live in the
 * realm, checks in core/security).
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
