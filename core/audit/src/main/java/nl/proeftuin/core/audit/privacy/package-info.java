/**
 * Privacy: restricted data (safe addresses, restricted case entries) shown only to those named on it,
 * and the GDPR rights (export, rectification, erasure), retention with legal hold, and the
 * pseudonymised export for the outcome monitor. Every call is logged in the access log.
 */
@Export
@Version("1.4.0")
package nl.proeftuin.core.audit.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
