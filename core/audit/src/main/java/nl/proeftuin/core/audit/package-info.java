/**
 * The access log (NEN 7513): who read, changed, exported or printed what about whom, when, in which
 * role, for what purpose, and with what outcome; hash-chained, so that a changed, removed or
 * reordered entry is found. Only the core writes to it: plugins may not import this package.
 */
@Export
@Version("1.5.0")
package nl.proeftuin.core.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
