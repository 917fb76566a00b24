/**
 * Read-only counts for the node's metrics (decision 0023): the local-team outbox's backlog and its
 * oldest undelivered event, and the maatwerk requests past their decision deadline. It owns no table:
 * it reads {@code local_team_outbox} and {@code maatwerk_request}, whose owners write them. Counts only,
 * never an id, so nothing it answers can identify a person or a case.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.gauges;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
