/**
 * Waiting is explicit (issue 14 part 5, decision 0033): a case or one of its care requests waits for a
 * GI worker, care or a Raad investigation, with who is responsible meanwhile (an active team member),
 * since when and the expected date; the waiting lists per organisation and municipality, and the
 * monitor's count and age.
 *
 * Provided by the core (provider types) to its REST layer and web UI; plugins do not use this package.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.api.waits;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
