/**
 * Data access for the municipality's part in a case (issue 14, decision 0033): its decision term,
 * the deadlines of care requests, its decisions on <i>maatwerk</i> and care requests, the alerts
 * addressed to it or to a case's fixed professional, and the decision times for the monitor.
 *
 * Owns {@code municipal_term}, {@code care_request_deadline}, {@code municipal_decision} and
 * {@code alert_addressee}; reads {@code maatwerk_request}, {@code care_request}, {@code person},
 * {@code assignment} and {@code plugin_alert}, whose owners write them. Holds no rules.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.store.municipal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
