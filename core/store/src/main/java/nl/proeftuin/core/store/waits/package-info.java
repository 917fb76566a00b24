/**
 * Data access for explicit waits (issue 14 part 5, decision 0033): a case or one of its care requests
 * waiting for a GI worker, care or a Raad investigation, who is responsible meanwhile, since when and
 * until when expected; the waiting lists and their count and age for the monitor.
 *
 * Owns {@code case_wait}; reads {@code assignment}. Holds no rules.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.waits;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
