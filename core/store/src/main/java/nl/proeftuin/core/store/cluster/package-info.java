/**
 * Several nodes behaving as one region on one database (decision 0027): the leases of region-wide
 * jobs (table {@code job_lease}) and the fingerprints of the secrets every node must share (table
 * {@code region_key}). The stores take the caller's {@link java.sql.Connection}; {@link RegionJobs}
 * is the service schedulers ask whether this node runs a job now.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
