/**
 * The access log's rows (NEN 7513): tables {@code access_log}, {@code access_log_person},
 * {@code access_log_head} and {@code access_log_person_mark}. The store takes the caller's
 * {@link java.sql.Connection} (from {@link nl.proeftuin.core.store.Database}), so that a batch of
 * entries and the head it moves are one transaction; the chain, its hashes, MACs and checkpoints are
 * core/audit's.
 */
@Export
@Version("1.5.0")
package nl.proeftuin.core.store.accesslog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
