/**
 * The GDPR rights' and restricted data's tables: rectifications, erasure requests, legal holds, the
 * pseudonym key ({@link PrivacyStore}); safe addresses with their versions, restricted case entries,
 * the readers added to them and the notices to those named ({@link RestrictedDataStore}); and the
 * explicit, ordered removal of a person's or a case's rows ({@link ErasureStore}). The stores take
 * the caller's {@link java.sql.Connection} (from {@link nl.proeftuin.core.store.Database}) and hold no
 * rules: who may read or change what is core/audit's.
 */
@Export
@Version("1.2.0")
package nl.proeftuin.core.store.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
