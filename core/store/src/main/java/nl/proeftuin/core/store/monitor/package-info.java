/**
 * What the outcome monitor reads: a projection over the case tables (cases, plan versions, care
 * requests, assignments, handovers, case events) and the tally of the per-case summary rows
 * ({@code monitor_tally}, V33, decision 0045), which the summary rows' writers append to and which this
 * store only folds ({@link nl.proeftuin.core.store.monitor.MonitorStore#compactTally}); every case
 * table it reads keeps its one owning store. It takes the caller's {@link java.sql.Connection}.
 */
@Export
@Version("1.2.0")
package nl.proeftuin.core.store.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
